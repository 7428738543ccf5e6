/**
 * The task-line reader as it was before it was tuned for speed, kept as it was (apart from
 * the model's shape: plain item dates, the due date's place in `dueRange`) as the
 * reference the tuned one is tested against (test/unit/taskLine.test.ts). It leaves absent
 * fields out where the tuned one sets them to undefined; the test compares values.
 *
 * The metadata written on an action item's line, in the Obsidian Tasks convention
 * (`📅 2026-11-28`, `✅ 2026-11-20`, `⏳`, `🛫`, `➕`, `❌`, priorities, `🔁`) and the ASCII
 * form `due:2026-11-28`, plus the owner `@person` and goal links `#goal` / `[[goal]]`.
 */
import { dateProblem, type LocalDate } from '../../../src/core/model/dates';
import type { ActionItem, Located, Priority, Range } from '../../../src/core/model/types';
import { lineRange, own } from '../../../src/core/parse/text';

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

type DateField = 'due' | 'done' | 'scheduled' | 'start' | 'created' | 'cancelled';

const SIGNIFIERS: Record<string, DateField> = {
  '📅': 'due',
  '📆': 'due',
  '🗓': 'due',
  '✅': 'done',
  '⏳': 'scheduled',
  '⌛': 'scheduled',
  '🛫': 'start',
  '➕': 'created',
  '❌': 'cancelled',
};
const PRIORITIES: Record<string, Priority> = {
  '🔺': 'highest',
  '⏫': 'high',
  '🔼': 'medium',
  '🔽': 'low',
  '⏬': 'lowest',
};

// Date signifier, optional variation selector, spaces, then the date-ish token.
const DATE_TOKEN = /(📅|📆|🗓|✅|⏳|⌛|🛫|➕|❌)\uFE0F?[ \t]*([^\s]*)/gu;
const ASCII_DUE = /(?<=^|\s)due:([^\s]*)/g;
const PRIORITY_TOKEN = /(🔺|⏫|🔼|🔽|⏬)\uFE0F?/gu;
const RECURRENCE = /🔁\uFE0F?[ \t]*([^📅📆🗓✅⏳⌛🛫➕❌🔺⏫🔼🔽⏬🆔⛔]*)/gu;
const TASK_ID = /(🆔|⛔)\uFE0F?[ \t]*[^\s]*/gu;
const OWNER = /^@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?)/;
const WIKI = /\[\[([^\][|#\n]+)(?:[|#][^\]\n]*)?\]\]/g;
const TAG = /(?<=^|\s)#([\p{L}\p{N}_][\p{L}\p{M}\p{N}_/-]*)/gu;

/**
 * Reads the metadata of the text after a checkbox. `column` is where `rest` starts on
 * `line`, so every range points into the note.
 */
export function readTaskMetadata(written: string, line: number, column: number): TaskMetadata {
  const rest = blankCodeSpans(written);
  const at = (start: number, end: number): Range => lineRange(line, column + start, column + end);
  const spans: [number, number][] = [];
  const badDates: { range: Range; message: string }[] = [];
  const dates: Partial<Record<DateField, Located<LocalDate>>> = {};

  const takeDate = (field: DateField, token: string, start: number, end: number): void => {
    const problem = dateProblem(token);
    const range = at(start, end);
    if (problem)
      badDates.push({
        range,
        message: token === '' ? `the ${label(field)} date is missing` : problem,
      });
    else if (!dates[field]) dates[field] = { value: token, range };
  };

  // Most lines hold plain words: cheap checks skip the patterns that cannot match.
  const emoji = /[\u2190-\u2bff\ud83c-\ud83e]/.test(rest);
  for (const m of emoji ? rest.matchAll(DATE_TOKEN) : []) {
    const field = SIGNIFIERS[m[1]!]!;
    const tokenStart = m.index + m[0].length - m[2]!.length;
    // A signifier with no date is reported on the signifier itself.
    if (m[2] === '') takeDate(field, '', m.index, m.index + m[0].length);
    else takeDate(field, m[2]!, tokenStart, tokenStart + m[2]!.length);
    spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of rest.includes('due:') ? rest.matchAll(ASCII_DUE) : []) {
    const tokenStart = m.index + 4;
    takeDate('due', m[1]!, tokenStart, tokenStart + m[1]!.length);
    spans.push([m.index, m.index + m[0].length]);
  }
  let priority: Priority | undefined;
  for (const m of emoji ? rest.matchAll(PRIORITY_TOKEN) : []) {
    priority ??= PRIORITIES[m[1]!];
    spans.push([m.index, m.index + m[0].length]);
  }
  let recurrence: string | undefined;
  for (const m of emoji ? rest.matchAll(RECURRENCE) : []) {
    // The rule's words end where a tag, an owner, a link, an ASCII due date or a block id
    // starts, and are kept up to 120 characters.
    const captured = written.slice(m.index + m[0].length - m[1]!.length, m.index + m[0].length);
    const words = captured.split(/(?:^|[ \t])(?:#|@|\[\[|due:|\^)/)[0]!;
    recurrence ??= own(words.trim().slice(0, 120)) || undefined;
    spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of emoji ? rest.matchAll(TASK_ID) : []) spans.push([m.index, m.index + m[0].length]);

  const wikiLinks = (rest.includes('[[') ? [...rest.matchAll(WIKI)] : []).map((m) => ({
    id: own(goalIdOf(written.substr(m.index + 2, m[1]!.length))),
    range: at(m.index, m.index + m[0].length),
  }));
  const tags = (rest.includes('#') ? [...rest.matchAll(TAG)] : [])
    .filter((m) => !/^\d+$/.test(m[1]!))
    .map((m) => ({ id: own(m[1]!), range: at(m.index, m.index + m[0].length) }));

  // Only the keys that have a value, assigned in place (this runs for every task line).
  const { text, owner } = describeText(written, spans);
  const meta: { -readonly [K in keyof TaskMetadata]?: TaskMetadata[K] } = {
    text,
    wikiLinks,
    tags,
    badDates,
  };
  if (dates.due) {
    meta.due = dates.due.value;
    meta.dueRange = dates.due.range;
  }
  if (dates.done) meta.doneDate = dates.done.value;
  if (dates.scheduled) meta.scheduled = dates.scheduled.value;
  if (dates.start) meta.start = dates.start.value;
  if (dates.created) meta.created = dates.created.value;
  if (dates.cancelled) meta.cancelled = dates.cancelled.value;
  if (priority) meta.priority = priority;
  if (recurrence) meta.recurrence = recurrence;
  if (owner) meta.owner = owner;
  return meta as TaskMetadata;
}

/**
 * `text` with the insides of inline code spans blanked: every run of backticks, in order,
 * is an opener (less its first backtick after a backslash) that takes the next run of the
 * same length as its closer; the runs between are inside.
 */
function blankCodeSpans(text: string): string {
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const out = text.split('');
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const escaped = run.at > 0 && text[run.at - 1] === '\\';
    const length = run.length - (escaped ? 1 : 0);
    if (length === 0) continue;
    const closer = runs.findIndex((c, k) => k > r && c.length === length);
    if (closer < 0) continue;
    for (let i = run.at + run.length; i < runs[closer]!.at; i++) out[i] = ' ';
    r = closer;
  }
  return out.join('');
}

/** The goal id a wiki link names: `[[goals/public-speaking.md]]` → `public-speaking`. */
export function goalIdOf(target: string): string {
  const last = target.trim().split('/').pop() ?? '';
  return last.replace(/\.md$/i, '');
}

/**
 * The item's words: metadata removed, and owner, tags and links dropped from the end; the
 * owner is the first `@person` after the words, or one written first (`@sam: …`).
 */
function describeText(
  rest: string,
  spans: readonly [number, number][],
): { text: string; owner?: string } {
  let text = '';
  let pos = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < pos) {
      pos = Math.max(pos, e);
      continue;
    }
    text += rest.slice(pos, s) + ' ';
    pos = e;
  }
  text += rest.slice(pos);
  // Token by token from the end, each step looking only at the last token, so a long
  // line never makes a regular expression backtrack over it.
  let words = text.replace(/\s+/g, ' ').trim();
  const first = words.split(' ')[0]!;
  const lead = /^@[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?:?$/.test(first) ? OWNER.exec(first) : null;
  if (lead) words = words.slice(first.length).trim();
  const after: string[] = [];
  // The line as written ends with a block id: the words' last token is it, and goes.
  const id = /[ \t](\^[A-Za-z0-9-]+)\s*$/.exec(rest);
  const idAt = id ? id.index + 1 : -1;
  const endsWithId = id !== null && !spans.some(([s, e]) => s <= idAt && idAt < e);
  const lastSpace = words.lastIndexOf(' ');
  if (endsWithId && lastSpace > 0 && /^\^[A-Za-z0-9-]+$/.test(words.slice(lastSpace + 1)))
    words = words.slice(0, lastSpace).trimEnd();
  for (;;) {
    let cut = -1;
    if (words.endsWith(']]')) {
      const open = words.lastIndexOf('[[');
      if (open > 0 && !words.slice(open + 2, -2).includes(']')) cut = open;
    } else {
      const space = words.lastIndexOf(' ');
      const token = words.slice(space + 1);
      if (space > 0 && TRAILING_TOKEN.test(token)) {
        cut = space;
        if (token.startsWith('@')) after.unshift(OWNER.exec(token)![1]!);
      }
    }
    if (cut <= 0) {
      const owner = lead?.[1] ?? after[0];
      return owner ? { text: words, owner: own(owner) } : { text: words };
    }
    words = words.slice(0, cut).trimEnd();
  }
}

const TRAILING_TOKEN = /^(?:@[A-Za-z0-9][\w.-]*|#[\p{L}\p{N}_][\p{L}\p{M}\p{N}_/-]*)$/u;

function label(field: DateField): string {
  return field === 'done' ? 'done' : field;
}
