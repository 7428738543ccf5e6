/**
 * The notebook index: every parsed Markdown file by URI, plus the lookups rules and views
 * need (goals and mentors by id, sessions by mentor), maintained incrementally so that a
 * one-file change costs work proportional to that file, not to the notebook.
 */
import type { LocalDate } from '../model/dates';
import type { ActionItem, Goal, Mentor, Note, ParsedFile, Review, Session } from '../model/types';
import { isOpen } from '../model/actionItems';
import { onHold } from '../model/notes';
import { parseBytes, parseText } from '../parse/note';
import { flatCopy } from '../parse/text';
import { MultiMap, BagMap } from './multiMap';
import { OpenItems } from './openItems';
import { newestSessions, SessionTimeline } from './sessionTimeline';

/** What changed in one update of the index. */
export interface IndexChange {
  /** URIs whose parsed content was set or removed. */
  readonly uris: readonly string[];
}

/** A listener for index changes. */
export type IndexListener = (change: IndexChange) => void;

/**
 * Read access to the notebook; what rules, builders and views depend on. What a method
 * returns describes the notebook as it is when called: ask again after a change (a new
 * scan replaces the collections iterated here rather than updating them).
 */
export interface Notebook {
  /** Every parsed file (notebook notes and files with problems). */
  files(): Iterable<ParsedFile>;
  file(uri: string): ParsedFile | undefined;
  notes(): Iterable<Note>;
  goals(): Iterable<Goal>;
  sessions(): Iterable<Session>;
  mentors(): Iterable<Mentor>;
  reviews(): Iterable<Review>;
  /** Goals with this id (more than one is a duplicate-id error). */
  goalsById(id: string): readonly Goal[];
  /** Mentors with this id. */
  mentorsById(id: string): readonly Mentor[];
  /** Sessions that name this mentor (`''` for sessions without one): dated ones oldest first, then undated. */
  sessionsOf(mentorId: string): readonly Session[];
  /**
   * The latest dated session with this mentor, optionally only among those on or before
   * `onOrBefore`; ties on the date go to the larger URI. Logarithmic in the sessions.
   */
  latestSession(mentorId: string, onOrBefore?: LocalDate): Session | undefined;
  /** Sessions whose `goals:` name this goal id, as a new list in no particular order. */
  sessionsOfGoal(goalId: string): Session[];
  /**
   * The newest `limit` sessions (a whole number; others are rounded down): dated ones by
   * date, newest first, equal dates by URI, then undated ones by URI. The work grows with
   * `limit`, the mentors, the sessions on the last date listed and, once the dated ones
   * run out, the undated ones, not with the whole history: a view can page through a
   * notebook of any size.
   */
  recentSessions(limit: number): Session[];
  /** Every mentor id named by a mentor note or a session. */
  mentorIds(): Iterable<string>;
  /** Every action item of every note. */
  actionItems(): Iterable<ActionItem>;
  /**
   * Every open action item ({@link isOpen}) in {@link compareItems} order (due date,
   * undated last, then file, then line), kept as notes change: views list and group
   * them after every change without walking the done ones or sorting. A new list each call.
   */
  openItems(): ActionItem[];
  /**
   * How many open items are due before `date`: the overdue count the status bar and the
   * badge show after every change, in time proportional to the distinct due dates.
   */
  countOpenDueBefore(date: LocalDate): number;
  /**
   * The open items that count toward the goal `goalId` (see {@link goalsOfItem}): in a note
   * about it, or linking it by `[[id]]` or `#id`. A new list, in no particular order.
   */
  openItemsOfGoal(goalId: string): ActionItem[];
  /**
   * The goals an item counts toward: those its line links (`[[goal]]` or `#goal`) that name
   * a goal, else its note's goals (a goal note's own id, a session's `goals:`). An item in a
   * goal's own note always counts toward that goal.
   */
  goalsOfItem(item: ActionItem): string[];
  /** The goals an item's line links (`[[goal]]` or `#goal`) that name a goal, each once. */
  linkedGoalsOfItem(item: ActionItem): string[];
}

/** The mutable index. Only the host's loader and watchers write to it. */
export class NoteIndex implements Notebook {
  /** Everything held; replaced as a whole by {@link clear} and {@link adopt}. */
  private held = emptyState();
  private readonly listeners = new Set<IndexListener>();

  /** Number of files held. */
  get size(): number {
    return this.held.byUri.size;
  }

  /**
   * Parses `text` as the content of `uri` and stores it. The file keeps a flat copy of
   * `uri`: a host joins its URI strings from pieces (a folder and a name), a tree that the
   * file, its note, items and findings would otherwise keep alive.
   */
  setText(uri: string, text: string): ParsedFile {
    return this.set(parseText(flatCopy(uri), text));
  }

  /** Parses `bytes` (as read from disk) as the content of `uri` and stores it, as setText does. */
  setBytes(uri: string, bytes: Uint8Array): ParsedFile {
    return this.set(parseBytes(flatCopy(uri), bytes));
  }

  /** Stores an already parsed file (replacing what `uri` held). */
  set(parsed: ParsedFile): ParsedFile {
    this.unlink(parsed.uri);
    // Files that are not notes and have no problems are not kept: no memory for READMEs.
    if (parsed.note || parsed.problems.length > 0) {
      this.held.byUri.set(parsed.uri, parsed);
      this.link(parsed);
    }
    this.emit([parsed.uri]);
    return parsed;
  }

  /** Forgets `uri`. */
  delete(uri: string): void {
    if (!this.held.byUri.has(uri)) return;
    this.unlink(uri);
    this.emit([uri]);
  }

  /**
   * Takes over everything `other` holds, replacing what this index held, as one change
   * (every URI held before or after); `other` is left empty. A host scans into a fresh
   * index and adopts it, so the notebook never shows half a scan and nothing is stored
   * twice.
   */
  adopt(other: NoteIndex): void {
    if (other === this) return;
    const uris = new Set(this.held.byUri.keys());
    for (const uri of other.held.byUri.keys()) uris.add(uri);
    this.held = other.held;
    other.held = emptyState();
    if (uris.size) this.emit([...uris]);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The URIs held. */
  uris(): Iterable<string> {
    return this.held.byUri.keys();
  }

  files(): Iterable<ParsedFile> {
    return this.held.byUri.values();
  }

  file(uri: string): ParsedFile | undefined {
    return this.held.byUri.get(uri);
  }

  *notes(): Iterable<Note> {
    for (const f of this.held.byUri.values()) if (f.note) yield f.note;
  }

  goals(): Iterable<Goal> {
    return this.held.byType.goal;
  }

  *sessions(): Iterable<Session> {
    // The timelines by mentor hold every session (a set of them besides: 2.6 MB at 100k).
    for (const timeline of this.held.sessionsByMentor.values()) yield* timeline.each();
  }

  mentors(): Iterable<Mentor> {
    return this.held.byType.mentor;
  }

  reviews(): Iterable<Review> {
    return this.held.byType.review;
  }

  goalsById(id: string): readonly Goal[] {
    return this.held.goalIds.get(id);
  }

  mentorsById(id: string): readonly Mentor[] {
    return this.held.mentorIds_.get(id);
  }

  sessionsOf(mentorId: string): readonly Session[] {
    return this.held.sessionsByMentor.get(mentorId)?.all() ?? [];
  }

  latestSession(mentorId: string, onOrBefore?: LocalDate): Session | undefined {
    return this.held.sessionsByMentor.get(mentorId)?.latest(onOrBefore);
  }

  sessionsOfGoal(goalId: string): Session[] {
    return this.held.sessionsByGoal.get(goalId);
  }

  recentSessions(limit: number): Session[] {
    return newestSessions([...this.held.sessionsByMentor.values()], limit);
  }

  mentorIds(): Iterable<string> {
    const ids = new Set(this.held.mentorIds_.keys());
    for (const id of this.held.sessionsByMentor.keys()) if (id) ids.add(id);
    return ids;
  }

  *actionItems(): Iterable<ActionItem> {
    for (const f of this.held.byUri.values()) {
      const items = f.note?.actionItems;
      if (items) for (let i = 0; i < items.length; i++) yield items[i]!;
    }
  }

  openItems(): ActionItem[] {
    return this.held.open.sorted();
  }

  countOpenDueBefore(date: LocalDate): number {
    return this.held.open.countDueBefore(date);
  }

  openItemsOfGoal(goalId: string): ActionItem[] {
    // The candidates name the goal somehow; whether they count toward it depends on which
    // of their tags name goals now.
    return this.held.open.naming(goalId).filter((i) => this.countsToward(i, goalId));
  }

  /** `goalsOfItem(item).includes(goalId)`, without building the list (views ask per goal). */
  private countsToward(item: ActionItem, goalId: string): boolean {
    let linked = false;
    for (const l of item.links) {
      if (!this.held.goalIds.has(l.id)) continue;
      if (l.id === goalId) return true;
      linked = true;
    }
    if (!item.goals.includes(goalId)) return false;
    return !linked || this.inGoalNote(item);
  }

  goalsOfItem(item: ActionItem): string[] {
    const linked = this.linkedGoalsOfItem(item);
    if (linked.length === 0) return [...item.goals];
    // In a goal's own note an item always counts toward that goal; elsewhere the goals the
    // line names replace the note's (a session about two goals, an item about one).
    if (!this.inGoalNote(item)) return linked;
    return [...new Set([...item.goals, ...linked])];
  }

  linkedGoalsOfItem(item: ActionItem): string[] {
    const linked: string[] = [];
    for (const l of item.links)
      if (this.held.goalIds.has(l.id) && !linked.includes(l.id)) linked.push(l.id);
    return linked;
  }

  /** True when the item sits in a goal note (its own goal always counts). */
  private inGoalNote(item: ActionItem): boolean {
    return this.held.byUri.get(item.uri)?.note?.type === 'goal';
  }

  private link(parsed: ParsedFile): void {
    const note = parsed.note;
    if (note) {
      if (note.type !== 'session') (this.held.byType[note.type] as Set<Note>).add(note);
      // Most notes have no open item: no list for them. A paused, dropped or achieved
      // goal's own items are on hold, not open work.
      if (!onHold(note) && note.actionItems.some(isOpen))
        this.held.open.add(parsed.uri, note.actionItems.filter(isOpen));
    }
    if (note?.type === 'goal') this.held.goalIds.add(note.id, note);
    else if (note?.type === 'mentor') this.held.mentorIds_.add(note.id, note);
    else if (note?.type === 'session') {
      const key = note.mentor?.value ?? '';
      let timeline = this.held.sessionsByMentor.get(key);
      if (!timeline) this.held.sessionsByMentor.set(key, (timeline = new SessionTimeline()));
      timeline.add(note);
      forEachGoalOnce(note, (goal) => this.held.sessionsByGoal.add(goal, note));
    }
  }

  private unlink(uri: string): void {
    const old = this.held.byUri.get(uri);
    if (!old) return;
    this.held.byUri.delete(uri);
    this.held.open.remove(uri);
    const note = old.note;
    if (note && note.type !== 'session') (this.held.byType[note.type] as Set<Note>).delete(note);
    if (note?.type === 'goal') this.held.goalIds.remove(note.id, note);
    else if (note?.type === 'mentor') this.held.mentorIds_.remove(note.id, note);
    else if (note?.type === 'session') {
      const key = note.mentor?.value ?? '';
      const timeline = this.held.sessionsByMentor.get(key);
      if (timeline?.remove(note) === 0) this.held.sessionsByMentor.delete(key);
      forEachGoalOnce(note, (goal) => this.held.sessionsByGoal.remove(goal, note));
    }
  }

  private emit(uris: readonly string[]): void {
    for (const l of this.listeners) l({ uris });
  }
}

/** A fresh, empty set of the index's tables. */
function emptyState() {
  return {
    byUri: new Map<string, ParsedFile>(),
    goalIds: new MultiMap<Goal>(),
    mentorIds_: new MultiMap<Mentor>(),
    sessionsByMentor: new Map<string, SessionTimeline>(),
    sessionsByGoal: new BagMap<Session>(),
    /** Notes by type, so listing goals never walks every session (sessions: the timelines). */
    byType: {
      goal: new Set<Goal>(),
      mentor: new Set<Mentor>(),
      review: new Set<Review>(),
    },
    open: new OpenItems(),
  };
}

/** Calls `f` with each goal id a session names, once even when written twice. */
function forEachGoalOnce(session: Session, f: (goal: string) => void): void {
  const goals = session.goals;
  for (let i = 0; i < goals.length; i++) {
    const id = goals[i]!.value;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = goals[j]!.value === id;
    if (!seen) f(id);
  }
}
