/** Sessions in date order: one mentor's timeline, and the newest across timelines. */
import { compareText, compareUris } from '../model/actionItems';
import type { LocalDate } from '../model/dates';
import type { Session } from '../model/types';
import { firstAfter, insertSorted, removeSorted } from './sortedList';

/**
 * Sessions as histories list them: dated ones newest first, equal dates by URI, then
 * undated ones by URI (`Notebook.recentSessions`, the sessions under a goal).
 */
export function newestFirst(a: Session, b: Session): number {
  return compareText(b.date?.value ?? '', a.date?.value ?? '') || compareUris(a.uri, b.uri);
}

/** Dated sessions by date, then URI. */
function byDateThenUri(a: Session, b: Session): number {
  return compareText(a.date!.value, b.date!.value) || compareUris(a.uri, b.uri);
}

/** One mentor's sessions, dated ones kept sorted by (date, URI). */
export class SessionTimeline {
  private readonly dated: Session[] = [];
  private readonly undated = new Set<Session>();

  add(session: Session): void {
    if (!session.date) {
      this.undated.add(session);
      return;
    }
    insertSorted(this.dated, session, byDateThenUri);
  }

  /** Removes `session`; returns how many sessions remain. */
  remove(session: Session): number {
    if (!session.date) this.undated.delete(session);
    else removeSorted(this.dated, session, byDateThenUri);
    return this.dated.length + this.undated.size;
  }

  all(): Session[] {
    return [...this.dated, ...this.undated];
  }

  /** The sessions of {@link all}, in its order, without copying them into a list. */
  *each(): Iterable<Session> {
    yield* this.dated;
    yield* this.undated;
  }

  /** Number of dated sessions. */
  get datedCount(): number {
    return this.dated.length;
  }

  /** The dated session at `i` (oldest first). */
  datedAt(i: number): Session {
    return this.dated[i]!;
  }

  /** The undated sessions. */
  undatedSessions(): Session[] {
    return [...this.undated];
  }

  latest(onOrBefore?: LocalDate): Session | undefined {
    if (onOrBefore === undefined) return this.dated[this.dated.length - 1];
    // The last session dated on or before `onOrBefore`.
    return this.dated[firstAfter(this.dated, (s) => s.date!.value <= onOrBefore) - 1];
  }
}

/**
 * The newest `limit` sessions of `timelines` (see `Notebook.recentSessions`): a merge from
 * their newest ends, so the work follows the page, not the history.
 */
export function newestSessions(timelines: readonly SessionTimeline[], limit: number): Session[] {
  const out: Session[] = [];
  limit = Math.floor(limit);
  if (!(limit > 0)) return out; // also NaN
  const next = timelines.map((t) => t.datedCount - 1);
  for (;;) {
    let best = -1;
    let bestDate = '';
    for (let k = 0; k < timelines.length; k++) {
      if (next[k]! < 0) continue;
      const date = timelines[k]!.datedAt(next[k]!).date!.value;
      if (best < 0 || date > bestDate) {
        best = k;
        bestDate = date;
      }
    }
    // Stop at the limit, but only between dates, so that a date's sessions are all in.
    if (best < 0 || (out.length >= limit && out[out.length - 1]!.date!.value !== bestDate)) break;
    out.push(timelines[best]!.datedAt(next[best]!--));
  }
  out.sort(newestFirst);
  out.length = Math.min(out.length, limit);
  if (out.length < limit) {
    const undated = timelines.flatMap((t) => t.undatedSessions()).sort(newestFirst); // undated: by URI
    for (const s of undated) {
      if (out.length >= limit) break;
      out.push(s);
    }
  }
  return out;
}
