/**
 * The metadata written on an action item's line, in the Obsidian Tasks convention
 * (`📅 2026-11-28`, `✅ 2026-11-20`, `⏳`, `🛫`, `➕`, `❌`, priorities, `🔁`) and the ASCII
 * form `due:2026-11-28`, plus the owner `@person` and goal links `#goal` / `[[goal]]`.
 */
import {
  blankCodeSpans,
  BLOCK_ID_TOKEN,
  blockIdStart,
  DATE_SIGNIFIERS,
  DATE_SIGNS,
  type DateField,
} from '../model/actionItems';
import { dateProblem, type LocalDate } from '../model/dates';
import type { ActionItem, Priority, Range } from '../model/types';
import { lineRange, own, shared, sharedDate, squeezeSpaces } from './text';

/** What a task line says besides its words. */
export interface TaskMetadata extends Pick<
  ActionItem,
  | 'text'
  | 'due'
  | 'dueRange'
  | 'doneDate'
  | 'scheduled'
  | 'start'
  | 'created'
  | 'cancelled'
  | 'priority'
  | 'recurrence'
  | 'owner'
> {
  readonly wikiLinks: readonly { id: string; range: Range }[];
  readonly tags: readonly { id: string; range: Range }[];
  /** Dates that are not real calendar dates, with where they are written. */
  readonly badDates: readonly { range: Range; message: string }[];
}

const PRIORITIES: Record<string, Priority> = {
  '🔺': 'highest',
  '⏫': 'high',
  '🔼': 'medium',
  '🔽': 'low',
  '⏬': 'lowest',
};

// Date signifier, optional variation selector, spaces, then the date-ish token.
const DATE_TOKEN = new RegExp(`(${DATE_SIGNS})\\uFE0F?[ \\t]*([^\\s]*)`, 'gu');
const ASCII_DUE = /(?<=^|\s)due:([^\s]*)/g;
const PRIORITY_TOKEN = /(🔺|⏫|🔼|🔽|⏬)\uFE0F?/gu;
/** Any priority sign: a cheap test before the full pattern. */
const PRIORITY_SIGN = /🔺|⏫|🔼|🔽|⏬/;
const RECURRENCE = /🔁\uFE0F?[ \t]*([^📅📆🗓✅⏳⌛🛫➕❌🔺⏫🔼🔽⏬🆔⛔]*)/gu;
const TASK_ID = /(🆔|⛔)\uFE0F?[ \t]*[^\s]*/gu;
/** An owner written first, `@sam` or `@sam:`, and the words after it. */
/** A person's name as an owner writes it: `sam`, `sam.lee`, never ending in `.` or `-`. */
const OWNER_NAME = '[A-Za-z0-9](?:[\\w.-]*[A-Za-z0-9_])?';
const LEADING_OWNER = new RegExp(`^@(${OWNER_NAME}):?(?:\\s+|$)`);
/** The person an owner token (`@sam`, `@sam.`) names. */
const OWNER_ID = new RegExp(`^@(${OWNER_NAME})`);
const WIKI = /\[\[([^\][|#\n]+)(?:[|#][^\]\n]*)?\]\]/g;
const TAG = /(?<=^|\s)#([\p{L}\p{N}_][\p{L}\p{M}\p{N}_/-]*)/gu;

/** Longest recurrence rule kept: longer text is not a rule anyone writes. */
const MAX_RULE = 120;
/** Where a rule's words end: a tag, an owner, a link, an ASCII due date or a block id after it. */
const RULE_END = /(?:^|[ \t])(?:#|@|\[\[|due:|\^)/;

/**
 * The words of a recurrence rule as captured up to the next signifier, without what
 * follows them on the line (`every week when done #career @sam` → `every week when done`).
 */
function ruleText(captured: string): string {
  const cut = captured.search(RULE_END);
  return (cut < 0 ? captured : captured.slice(0, cut)).trim().slice(0, MAX_RULE);
}

/**
 * Reads the metadata of the text after a checkbox. `column` is where `rest` starts on
 * `line`, so every range points into the note.
 */
export function readTaskMetadata(written: string, line: number, column: number): TaskMetadata {
  // This runs for every task line of the notebook: no closures, no iterators, and spans
  // kept as a flat list of [start, end] pairs. (Every pattern below matches at least one
  // character, so the `exec` loops always advance.)
  // Metadata is looked for outside inline code (`due:` or `#main` in backticks are words),
  // in the text with the code spans blanked; the words are read from the text as written.
  const rest = blankCodeSpans(written);
  const spans: number[] = [];
  const dates = new TaskDates(line, column);

  // Most lines hold plain words: cheap checks skip the patterns that cannot match.
  const emoji = /[\u2190-\u2bff\ud83c-\ud83e]/.test(rest);
  if (emoji) {
    DATE_TOKEN.lastIndex = 0;
    for (let m = DATE_TOKEN.exec(rest); m; m = DATE_TOKEN.exec(rest)) {
      const field = DATE_SIGNIFIERS[m[1]!]!;
      const token = m[2]!;
      const end = m.index + m[0].length;
      // A signifier with no date is reported on the signifier itself.
      if (token === '') dates.take(field, '', m.index, end);
      else dates.take(field, token, end - token.length, end);
      spans.push(m.index, end);
    }
  }
  if (rest.includes('due:')) {
    ASCII_DUE.lastIndex = 0;
    for (let m = ASCII_DUE.exec(rest); m; m = ASCII_DUE.exec(rest)) {
      const tokenStart = m.index + 4;
      dates.take('due', m[1]!, tokenStart, tokenStart + m[1]!.length);
      spans.push(m.index, m.index + m[0].length);
    }
  }
  let priority: Priority | undefined;
  if (emoji && PRIORITY_SIGN.test(rest)) {
    PRIORITY_TOKEN.lastIndex = 0;
    for (let m = PRIORITY_TOKEN.exec(rest); m; m = PRIORITY_TOKEN.exec(rest)) {
      priority ??= PRIORITIES[m[1]!];
      spans.push(m.index, m.index + m[0].length);
    }
  }
  let recurrence: string | undefined;
  if (emoji && rest.includes('🔁')) {
    RECURRENCE.lastIndex = 0;
    for (let m = RECURRENCE.exec(rest); m; m = RECURRENCE.exec(rest)) {
      const ruleStart = m.index + m[0].length - m[1]!.length;
      recurrence ??= own(ruleText(written.slice(ruleStart, m.index + m[0].length))) || undefined;
      spans.push(m.index, m.index + m[0].length);
    }
  }
  if (emoji && (rest.includes('🆔') || rest.includes('⛔'))) {
    TASK_ID.lastIndex = 0;
    for (let m = TASK_ID.exec(rest); m; m = TASK_ID.exec(rest))
      spans.push(m.index, m.index + m[0].length);
  }

  const wikiLinks: { id: string; range: Range }[] = [];
  if (rest.includes('[[')) {
    WIKI.lastIndex = 0;
    for (let m = WIKI.exec(rest); m; m = WIKI.exec(rest))
      wikiLinks.push({
        // As written: a link may hold a code span (`[[a `b`]]`), blanked in `rest`.
        id: shared(goalIdOf(written.slice(m.index + 2, m.index + 2 + m[1]!.length))),
        range: lineRange(line, column + m.index, column + m.index + m[0].length),
      });
  }
  const tags: { id: string; range: Range }[] = [];
  if (rest.includes('#')) {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(rest); m; m = TAG.exec(rest))
      if (!ALL_DIGITS.test(m[1]!))
        tags.push({
          id: shared(m[1]!),
          range: lineRange(line, column + m.index, column + m.index + m[0].length),
        });
  }

  const text = describeText(written, spans);
  const owner = textOwner === undefined ? undefined : shared(textOwner);
  // Every key present, in one order: items built from this all share one shape.
  return {
    text,
    due: dates.due,
    dueRange: dates.dueRange,
    doneDate: dates.done,
    scheduled: dates.scheduled,
    start: dates.start,
    created: dates.created,
    cancelled: dates.cancelled,
    priority,
    recurrence,
    owner,
    wikiLinks,
    tags,
    badDates: dates.bad,
  };
}

const ALL_DIGITS = /^\d+$/;

/** The dates of one task line: the first valid one of each kind, and every bad one. */
class TaskDates {
  due: LocalDate | undefined = undefined;
  /** Where the due date is written: the only date whose place the model keeps. */
  dueRange: Range | undefined = undefined;
  done: LocalDate | undefined = undefined;
  scheduled: LocalDate | undefined = undefined;
  start: LocalDate | undefined = undefined;
  created: LocalDate | undefined = undefined;
  cancelled: LocalDate | undefined = undefined;
  readonly bad: { range: Range; message: string }[] = [];

  constructor(
    private readonly line: number,
    private readonly column: number,
  ) {}

  take(field: DateField, token: string, start: number, end: number): void {
    const date = sharedDate(token);
    if (date === undefined) {
      this.bad.push({
        range: this.range(start, end),
        message: token === '' ? `the ${label(field)} date is missing` : dateProblem(token)!,
      });
      return;
    }
    if (this[field] !== undefined) return;
    this[field] = date;
    if (field === 'due') this.dueRange = this.range(start, end);
  }

  private range(start: number, end: number): Range {
    return lineRange(this.line, this.column + start, this.column + end);
  }
}

/** The goal id a wiki link names: `[[goals/public-speaking.md]]` → `public-speaking`. */
export function goalIdOf(target: string): string {
  const last = target.trim().split('/').pop() ?? '';
  return last.replace(/\.md$/i, '');
}

/**
 * The owner {@link describeText} found, or undefined: set by each call (a second result
 * without an object per task line).
 */
let textOwner: string | undefined;

/**
 * The item's words: metadata removed, and owner, tags, links and an Obsidian block id
 * (`^abc-1`) dropped from the end. The
 * owner is an `@person` written after the words, among the tags and links, or first
 * (`@sam: send the deck`); a mention inside the words (`thank @sam for the intro`) is
 * part of them. Sets {@link textOwner}.
 */
function describeText(rest: string, spans: number[]): string {
  textOwner = undefined;
  let text = '';
  if (spans.length === 0) text = rest;
  else {
    // The pieces between the metadata, each trimmed and joined by one space: the same
    // words as joining them and squeezing the spaces, without copying most of them again.
    sortPairs(spans);
    let pos = 0;
    for (let k = 0; k < spans.length; k += 2) {
      const s = spans[k]!;
      const e = spans[k + 1]!;
      if (s < pos) {
        pos = Math.max(pos, e);
        continue;
      }
      const piece = rest.slice(pos, s).trim();
      if (piece) text = text ? text + ' ' + piece : piece;
      pos = e;
    }
    const piece = rest.slice(pos).trim();
    if (piece) text = text ? text + ' ' + piece : piece;
  }
  // Token by token from the end, each step looking only at the last token, so a long
  // line never makes a regular expression backtrack over it.
  let words = squeezeSpaces(text);
  if (words.charCodeAt(0) === 64 /* @ */) {
    const lead = LEADING_OWNER.exec(words);
    if (lead) {
      textOwner = lead[1];
      words = words.slice(lead[0].length);
    }
  }
  let trailingOwner: string | undefined;
  // An Obsidian block id ends the line as written (`… @sam 📅 … ^abc-1`): it goes first,
  // unless a field's words took it in (`🔁 every week ^abc` is one span, gone already).
  let blockId = blockIdOutside(rest, spans);
  for (;;) {
    let cut = -1;
    if (words.endsWith(']]')) {
      const open = words.lastIndexOf('[[');
      if (open > 0 && !words.slice(open + 2, -2).includes(']')) cut = open;
    } else {
      const space = words.lastIndexOf(' ');
      const token = words.slice(space + 1);
      if (space > 0 && blockId && BLOCK_ID_TOKEN.test(token)) cut = space;
      else if (space > 0 && TRAILING_TOKEN.test(token)) {
        cut = space;
        // The first of the owners after the words (cut from the end: the last one seen).
        if (token.charCodeAt(0) === 64 /* @ */) trailingOwner = OWNER_ID.exec(token)?.[1];
      }
    }
    if (cut <= 0) {
      textOwner ??= trailingOwner;
      return words;
    }
    blockId = false;
    words = words.slice(0, cut).trimEnd();
  }
}

/** True when `rest` ends with a block id that no metadata span (`[start, end]` pairs) covers. */
function blockIdOutside(rest: string, spans: readonly number[]): boolean {
  // Most lines have no caret at all: no copy of their end to look at.
  if (!rest.includes('^')) return false;
  const start = blockIdStart(rest);
  if (start < 0) return false;
  const at = rest.indexOf('^', start);
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! <= at && at < spans[k + 1]!) return false;
  return true;
}

/** Sorts [start, end] pairs by start, equal starts kept in order (an insertion sort: lists are tiny). */
function sortPairs(pairs: number[]): void {
  for (let i = 2; i < pairs.length; i += 2) {
    const s = pairs[i]!;
    const e = pairs[i + 1]!;
    let j = i - 2;
    while (j >= 0 && pairs[j]! > s) {
      pairs[j + 2] = pairs[j]!;
      pairs[j + 3] = pairs[j + 1]!;
      j -= 2;
    }
    pairs[j + 2] = s;
    pairs[j + 3] = e;
  }
}

const TRAILING_TOKEN = /^(?:@[A-Za-z0-9][\w.-]*|#[\p{L}\p{N}_][\p{L}\p{M}\p{N}_/-]*)$/u;

function label(field: DateField): string {
  return field === 'done' ? 'done' : field;
}
