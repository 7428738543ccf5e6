/**
 * Building notes. Every note of a type is written as one object literal with the same keys
 * in the same order (absent values are `undefined`), so all notes of a type share one
 * shape: smaller, and read monomorphically by the rules and views. (Spreading a shared base
 * would give every note a shape of its own.) The parser and the cache decoder both build
 * notes here, so they cannot drift apart.
 */
import type { Cadence } from './cadence';
import { daysBetween, type LocalDate } from './dates';
import type {
  ActionItem,
  Goal,
  GoalHorizon,
  GoalStatus,
  Located,
  Mentor,
  Note,
  NoteBase,
  Review,
  Session,
} from './types';

/** The fields every note has, besides its type. */
export type NoteFields = Omit<NoteBase, 'type'>;

/** The one empty list that notes and items without entries share. */
export const NONE: readonly never[] = Object.freeze([]);

/** A goal note; its milestones are the items marked as such. */
export function goalNote(
  c: NoteFields,
  status: GoalStatus,
  horizon: GoalHorizon | undefined,
  target: Located<LocalDate> | undefined,
  measure: string | undefined,
): Goal {
  const milestones = c.actionItems.filter((i: ActionItem) => i.milestone);
  return {
    uri: c.uri,
    type: 'goal',
    id: c.id,
    idRange: c.idRange,
    title: c.title,
    mentor: c.mentor,
    actionItems: c.actionItems,
    sections: c.sections,
    unreadableFields: c.unreadableFields,
    typeRange: c.typeRange,
    frontMatterRange: c.frontMatterRange,
    lineCount: c.lineCount,
    status,
    horizon,
    target,
    measure,
    milestones: milestones.length ? milestones : NONE,
  };
}

/** A session log. */
export function sessionNote(
  c: NoteFields,
  date: Located<LocalDate> | undefined,
  goals: readonly Located<string>[],
  next: Located<LocalDate> | undefined,
  hasFeedback: boolean,
): Session {
  return {
    uri: c.uri,
    type: 'session',
    id: c.id,
    idRange: c.idRange,
    title: c.title,
    mentor: c.mentor,
    actionItems: c.actionItems,
    sections: c.sections,
    unreadableFields: c.unreadableFields,
    typeRange: c.typeRange,
    frontMatterRange: c.frontMatterRange,
    lineCount: c.lineCount,
    date,
    goals: goals.length ? goals : NONE,
    next,
    hasFeedback,
  };
}

/** A mentor note. */
export function mentorNote(
  c: NoteFields,
  name: string | undefined,
  cadence: Located<Cadence> | undefined,
  channel: string | undefined,
): Mentor {
  return {
    uri: c.uri,
    type: 'mentor',
    id: c.id,
    idRange: c.idRange,
    title: c.title,
    mentor: c.mentor,
    actionItems: c.actionItems,
    sections: c.sections,
    unreadableFields: c.unreadableFields,
    typeRange: c.typeRange,
    frontMatterRange: c.frontMatterRange,
    lineCount: c.lineCount,
    name,
    cadence,
    channel,
  };
}

/** A self-assessment or review note. */
export function reviewNote(
  c: NoteFields,
  date: Located<LocalDate> | undefined,
  period: string | undefined,
): Review {
  return {
    uri: c.uri,
    type: 'review',
    id: c.id,
    idRange: c.idRange,
    title: c.title,
    mentor: c.mentor,
    actionItems: c.actionItems,
    sections: c.sections,
    unreadableFields: c.unreadableFields,
    typeRange: c.typeRange,
    frontMatterRange: c.frontMatterRange,
    lineCount: c.lineCount,
    date,
    period,
  };
}

/**
 * True for a goal that is not active (achieved, paused or dropped): the items of its own
 * note are on hold. They are no longer open work: not listed, not counted, never overdue.
 */
export function onHold(note: Note): boolean {
  return note.type === 'goal' && note.status !== 'active';
}

/** The URIs of the goal notes {@link onHold}. */
export function onHoldGoalUris(goals: Iterable<Goal>): Set<string> {
  const uris = new Set<string>();
  for (const goal of goals) if (onHold(goal)) uris.add(goal.uri);
  return uris;
}

/**
 * True for a session whose Notes and Action items sections are there and empty, with no
 * feedback and no next date: a template (Prepare Next Meeting's, the snippet's) that was
 * never filled in. A note written some other way (no such sections) is taken as logged.
 */
export function notLogged(session: Session): boolean {
  if (session.actionItems.length || session.next || session.hasFeedback) return false;
  const notes = session.sections.find((s) => /^notes$/i.test(s.title));
  const items = session.sections.find((s) => /^action items$/i.test(s.title));
  return notes !== undefined && items !== undefined && !notes.hasContent && !items.hasContent;
}

/**
 * True when `session` is {@link notLogged} and its date is more than `graceDays` before
 * `today`: a meeting that may not have taken place, not one held.
 */
export function unloggedBy(session: Session, today: LocalDate, graceDays: number): boolean {
  const date = session.date?.value;
  return date !== undefined && daysBetween(date, today) > graceDays && notLogged(session);
}
