/**
 * The mentoring model: what a notebook of Markdown notes means. Everything here is plain
 * data (serialisable, no methods), produced by `parse/` and read by rules and builders.
 */
import type { Cadence } from './cadence';
import type { LocalDate } from './dates';

/** A zero-based position in a note's text, as editors count (line, UTF-16 column). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A zero-based, end-exclusive range in a note's text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The kinds of note that belong to a notebook (the front matter's `type`). */
export const NOTE_TYPES = ['goal', 'session', 'mentor', 'review'] as const;
/** One of {@link NOTE_TYPES}. */
export type NoteType = (typeof NOTE_TYPES)[number];

/** Goal statuses. */
export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;
/** One of {@link GOAL_STATUSES}. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Goal horizons. */
export const GOAL_HORIZONS = ['short', 'long'] as const;
/** One of {@link GOAL_HORIZONS}. */
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

/** A value read from the front matter together with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly range: Range;
}

/** A `## Heading` and the lines it governs (up to the next heading of the same or higher level). */
export interface Section {
  readonly title: string;
  readonly depth: number;
  /** Line of the heading. */
  readonly line: number;
  /** Last line of the section's body (inclusive). */
  readonly endLine: number;
  /** True when the body holds anything besides blank lines. */
  readonly hasContent: boolean;
}

/** Obsidian Tasks priorities, kept so that notes round-trip. */
export type Priority = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

/** A GFM task-list item (`- [ ]` / `- [x]`) in any notebook note. */
export interface ActionItem {
  /** The note that holds the item. */
  readonly uri: string;
  /** Zero-based line of the checkbox. */
  readonly line: number;
  /** Range of the `[ ]` checkbox. */
  readonly checkboxRange: Range;
  /** The character between the brackets (' ', 'x' or 'X'). */
  readonly status: string;
  readonly done: boolean;
  /**
   * The item's words with the dates, owner and links taken out. (The line as written is
   * not kept: it is in the note, and keeping a second copy of every line, most of them
   * done items, cost more memory than any other part of the model.)
   */
  readonly text: string;
  /**
   * The due date. Item dates are plain dates, not {@link Located} values: an object per date
   * cost 40 bytes for each of most items (20 MB at 100,000 notes).
   */
  readonly due?: LocalDate;
  /** Where the due date is written: present exactly when {@link due} is. */
  readonly dueRange?: Range;
  /** The date the item was done (`✅ 2026-11-20`). */
  readonly doneDate?: LocalDate;
  /**
   * The Obsidian Tasks fields from here to `recurrence` are keys of an item only when its
   * line writes one of them (then all six are; see `withTaskFields`).
   */
  readonly scheduled?: LocalDate;
  readonly start?: LocalDate;
  readonly created?: LocalDate;
  readonly cancelled?: LocalDate;
  readonly priority?: Priority;
  /** Obsidian Tasks recurrence rule (`🔁 every week`), kept verbatim. */
  readonly recurrence?: string;
  /** `@person`, or undefined when the mentee owns it. */
  readonly owner?: string;
  /**
   * The goals of the note that holds the item: a goal note's own id, a session's `goals:`.
   * Which goals the item counts toward also depends on which links on its line name a goal
   * (`Notebook.goalsOfItem`).
   */
  readonly goals: readonly string[];
  /** Explicit goal references on the line (`[[goal]]` and `#tag`), with ranges. */
  readonly links: readonly ItemLink[];
  /** `#tags` on the line (without `#`). */
  readonly tags: readonly string[];
  /** The mentor of the note that holds the item, if any. */
  readonly mentor?: string;
  /** True for milestones: items under a "Milestones" heading of a goal note. */
  readonly milestone: boolean;
  /**
   * True for the checklist of a self-assessment (`type: review`): statements to tick, not
   * follow-ups, so they stay out of the action-item views and the next agenda. A review's
   * line with a due date is a follow-up, not part of the checklist.
   */
  readonly checklist: boolean;
  /** The section heading the item sits under, if any. */
  readonly section?: string;
}

/** A reference from an action item to a goal. */
export interface ItemLink {
  readonly kind: 'wiki' | 'tag';
  readonly id: string;
  readonly range: Range;
}

/** How severe a finding is; maps one-to-one onto editor and CLI severities. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic produced by the core: plain data with a stable rule code. */
export interface Finding {
  readonly uri: string;
  readonly range: Range;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Data a quick fix needs (the goal id to create, the item's line, …). */
  readonly data?: Readonly<Record<string, string | number>>;
}

/** Fields every notebook note has. */
export interface NoteBase {
  readonly uri: string;
  readonly type: NoteType;
  /** `id:` or the file name without `.md`. */
  readonly id: string;
  /** Where the id is written (the `id:` value, else the first line). */
  readonly idRange: Range;
  readonly title?: string;
  readonly mentor?: Located<string>;
  readonly actionItems: readonly ActionItem[];
  readonly sections: readonly Section[];
  /**
   * Front matter keys that are written but could not be read (`*` when the whole block
   * is unreadable), so rules do not also call them missing.
   */
  readonly unreadableFields: readonly string[];
  /** Where the note's `type:` is written: the anchor for note-level findings. */
  readonly typeRange: Range;
  /** Range covering the front matter (the `---` lines included). */
  readonly frontMatterRange: Range;
  readonly lineCount: number;
}

/** A goal note (`type: goal`). */
export interface Goal extends NoteBase {
  readonly type: 'goal';
  readonly status: GoalStatus;
  readonly horizon?: GoalHorizon;
  readonly target?: Located<LocalDate>;
  readonly measure?: string;
  /** Milestones: the action items of the "Milestones" section. */
  readonly milestones: readonly ActionItem[];
}

/** A session log (`type: session`). */
export interface Session extends NoteBase {
  readonly type: 'session';
  readonly date?: Located<LocalDate>;
  readonly goals: readonly Located<string>[];
  /** The agreed next meeting ("when do we meet again?"). */
  readonly next?: Located<LocalDate>;
  /** True when a "Feedback" section has content. */
  readonly hasFeedback: boolean;
}

/** A mentor note (`type: mentor`): the agreement and the cadence. */
export interface Mentor extends NoteBase {
  readonly type: 'mentor';
  readonly name?: string;
  readonly cadence?: Located<Cadence>;
  readonly channel?: string;
}

/** A self-assessment or review note (`type: review`). */
export interface Review extends NoteBase {
  readonly type: 'review';
  readonly date?: Located<LocalDate>;
  readonly period?: string;
}

/** Any notebook note. */
export type Note = Goal | Session | Mentor | Review;

/** The result of parsing one Markdown file. */
export interface ParsedFile {
  readonly uri: string;
  /** The note, or undefined when the file is not part of the notebook. */
  readonly note?: Note;
  /** Problems found while reading the file itself (syntax, types, dates, encoding). */
  readonly problems: readonly Finding[];
}
