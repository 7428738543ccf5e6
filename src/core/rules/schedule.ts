/**
 * Where a mentee stands with each mentor: the last session, the agreed next meeting, and
 * whether that date or the cadence has lapsed. Shared by the rules, the builders and the
 * views so they never disagree.
 */
import { nextByCadence } from '../model/cadence';
import { daysBetween, plusDays, type LocalDate } from '../model/dates';
import { unloggedBy } from '../model/notes';
import type { Located, Mentor, Session } from '../model/types';
import type { Notebook } from '../index/noteIndex';

/** The meeting rhythm with one mentor. */
export interface MentorSchedule {
  readonly mentorId: string;
  readonly mentor?: Mentor;
  /** The latest session dated today or earlier. */
  readonly lastHeld?: Session;
  /** The latest session of all (may be a prepared, future one). */
  readonly latest?: Session;
  /** When the next meeting is expected, and why. */
  readonly next?: { readonly date: LocalDate; readonly source: 'planned' | 'agreed' | 'cadence' };
  /** The agreed `next:` date that passed with no session since. */
  readonly missed?: {
    readonly session: Session;
    readonly next: Located<LocalDate>;
    readonly daysAgo: number;
  };
  /** The cadence date that passed with nothing planned. */
  readonly lapsed?: { readonly due: LocalDate; readonly daysAgo: number };
}

/** The schedule with `mentorId` as of `today`; dates pass only after `graceDays`. */
export function mentorSchedule(
  notebook: Notebook,
  mentorId: string,
  today: LocalDate,
  graceDays = 0,
): MentorSchedule {
  const mentor = notebook.mentorsById(mentorId)[0];
  // Both lookups are logarithmic: this runs for every change to a session with this mentor.
  const latest = notebook.latestSession(mentorId);
  // A prepared note left empty past its date is not a meeting held (session-not-logged
  // says so): the last held is the one before it.
  let lastHeld = notebook.latestSession(mentorId, today);
  while (lastHeld && unloggedBy(lastHeld, today, graceDays))
    lastHeld = notebook.latestSession(mentorId, plusDays(lastHeld.date!.value, -1));
  const base = {
    mentorId,
    ...(mentor && { mentor }),
    ...(latest && { latest }),
    ...(lastHeld && { lastHeld }),
  };

  if (latest && latest.date!.value > today) {
    return { ...base, next: { date: latest.date!.value, source: 'planned' } };
  }
  // A next: not after the session's own date is reported as such, and not taken as the
  // date of a meeting that was missed.
  if (latest?.next && latest.next.value > latest.date!.value) {
    const daysAgo = daysBetween(latest.next.value, today);
    const missed =
      daysAgo > graceDays ? { session: latest, next: latest.next, daysAgo } : undefined;
    return {
      ...base,
      next: { date: latest.next.value, source: 'agreed' },
      ...(missed && { missed }),
    };
  }
  if (lastHeld && mentor?.cadence) {
    const due = nextByCadence(lastHeld.date!.value, mentor.cadence.value);
    const daysAgo = daysBetween(due, today);
    const lapsed = daysAgo > graceDays ? { due, daysAgo } : undefined;
    return { ...base, next: { date: due, source: 'cadence' }, ...(lapsed && { lapsed }) };
  }
  return base;
}

/** The display name of a mentor: the note's `name`, else its id. */
export function mentorName(notebook: Notebook, mentorId: string): string {
  const m = notebook.mentorsById(mentorId)[0];
  return m?.name ?? m?.title ?? (mentorId || 'your mentor');
}
