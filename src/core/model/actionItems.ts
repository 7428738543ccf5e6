/** Small facts about action items that views, rules and builders share. */
import type { LocalDate } from './dates';
import type { ActionItem } from './types';

/** The dates a task line can write. */
export type DateField = 'due' | 'done' | 'scheduled' | 'start' | 'created' | 'cancelled';

/**
 * Which date each Obsidian Tasks sign writes (`📅 2026-11-28` is the due date): read by the
 * task-line parser, and moved on by a recurring item's next occurrence.
 */
export const DATE_SIGNIFIERS: Readonly<Record<string, DateField>> = {
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

/** The signs of {@link DATE_SIGNIFIERS} as a pattern's alternatives (`📅|📆|…`). */
export const DATE_SIGNS = Object.keys(DATE_SIGNIFIERS).join('|');

/** The Obsidian Tasks fields of an item, which few items write. */
export type TaskFields = Pick<
  ActionItem,
  'scheduled' | 'start' | 'created' | 'cancelled' | 'priority' | 'recurrence'
>;

/**
 * `item` with the Obsidian Tasks fields of `fields` when the line writes any, else `item`
 * itself. Most items write none, and leaving the six keys out of them saves 48 bytes an
 * item (15 MB at 100,000 notes). Items that write any hold all six, in one order after
 * the others: items have two shapes in all, so property reads stay fast.
 */
export function withTaskFields(item: ActionItem, fields: TaskFields): ActionItem {
  const { scheduled, start, created, cancelled, priority, recurrence } = fields;
  if (
    scheduled === undefined &&
    start === undefined &&
    created === undefined &&
    cancelled === undefined &&
    priority === undefined &&
    recurrence === undefined
  )
    return item;
  // Spelled out, not `{ ...item, … }`: an engine may give each object copied by a spread
  // a layout (hidden class) of its own, 12,000 of them at 100,000 notes (7 MB), and
  // property reads on items with many layouts are slow in every rule and view.
  return {
    uri: item.uri,
    line: item.line,
    checkboxRange: item.checkboxRange,
    status: item.status,
    done: item.done,
    text: item.text,
    due: item.due,
    dueRange: item.dueRange,
    doneDate: item.doneDate,
    owner: item.owner,
    goals: item.goals,
    links: item.links,
    tags: item.tags,
    mentor: item.mentor,
    milestone: item.milestone,
    checklist: item.checklist,
    section: item.section,
    scheduled,
    start,
    created,
    cancelled,
    priority,
    recurrence,
  };
}

/** True for an item still to do: neither done nor cancelled, nor a self-assessment statement. */
export function isOpen(item: ActionItem): boolean {
  return !item.done && !item.cancelled && !item.checklist;
}

/**
 * How an item is named in lists: its words, or for a line with none besides its dates
 * (`- [ ] 📅 2026-11-30`) its due date.
 */
export function itemLabel(item: ActionItem): string {
  if (item.text) return item.text;
  return item.due ? `Due ${item.due}` : '(item without words)';
}

/**
 * Orders items by due date (undated last), then file ({@link compareUris}), then line.
 * Dates compare code unit by code unit, which is their order; nothing here is
 * locale-aware, which made sorting many times slower (the index keeps every open item in
 * this order as notes change).
 */
export function compareItems(a: ActionItem, b: ActionItem): number {
  const da = a.due ?? '9999-99-99';
  const db = b.due ?? '9999-99-99';
  return compareText(da, db) || compareUris(a.uri, b.uri) || a.line - b.line;
}

/** Orders strings by UTF-16 code units (`<`): for dates and ids, not for words shown to people. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders URIs (or paths) as a file list does: ASCII letters without regard to case
 * (`alex.md` before `Bob.md`), otherwise by code units, and URIs that differ only in case
 * by code units, so that the order is total. Allocates nothing: views and the index
 * compare URIs in every sort and binary search.
 */
export function compareUris(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x - y;
  }
  return a.length - b.length || compareText(a, b);
}

/**
 * What is known about an item besides its words, one fact per entry (`Due: 2026-03-02`,
 * `Owner: @sam`, `Goals: public-speaking`), in a fixed order: for tooltips, which show the
 * item without the emoji and brackets of the line as written. `goals` are the goals it
 * counts toward (pass `Notebook.goalsOfItem`, which also knows which tags name goals);
 * tags among them are not listed again.
 */
export function itemDetails(item: ActionItem, goals: readonly string[] = item.goals): string[] {
  const out: string[] = [];
  const dates: [string, LocalDate | undefined][] = [
    ['Due', item.due],
    ['Scheduled', item.scheduled],
    ['Starts', item.start],
    ['Created', item.created],
    ['Done', item.doneDate],
    ['Cancelled', item.cancelled],
  ];
  for (const [label, date] of dates) if (date) out.push(`${label}: ${date}`);
  if (item.recurrence) out.push(`Repeats: ${item.recurrence}`);
  if (item.priority) out.push(`Priority: ${item.priority}`);
  out.push(item.owner ? `Owner: @${item.owner}` : 'Owner: you');
  if (goals.length) out.push(`Goals: ${goals.join(', ')}`);
  const tags = item.tags.filter((t) => !goals.includes(t));
  if (tags.length) out.push(`Tags: ${tags.map((t) => `#${t}`).join(' ')}`);
  return out;
}

/**
 * `text` with the insides of its inline code spans (`` `code` ``, ``` ``a ` b`` ```)
 * blanked to spaces, so every position stays where it was; `text` itself when it has
 * none. A run of backticks opens a span only when a run of the same length closes it
 * later (CommonMark); a backslash before a run makes its first backtick literal.
 */
export function blankCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  // Every run of backticks, in order: where it starts and how long it is.
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = text.indexOf('`'); i >= 0;) {
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) === 96) end++;
    starts.push(i);
    lengths.push(end - i);
    i = text.indexOf('`', end);
  }
  // For each length, the runs of that length in order, and how far each list was read:
  // an opener's closer is the first run of its length after it, and openers come in
  // order, so each list is read once (linear in the runs, whatever the line).
  const byLength = new Map<number, number[]>();
  for (let r = 0; r < starts.length; r++) {
    const list = byLength.get(lengths[r]!);
    if (list) list.push(r);
    else byLength.set(lengths[r]!, [r]);
  }
  const read = new Map<number, number>();
  let out = '';
  let copied = 0;
  for (let r = 0; r < starts.length; r++) {
    const start = starts[r]!;
    const end = start + lengths[r]!;
    // A backslash before a run makes its first backtick literal.
    const length =
      start > 0 && text.charCodeAt(start - 1) === 92 /* \ */ ? end - start - 1 : end - start;
    const list = length > 0 ? byLength.get(length) : undefined;
    if (!list) continue;
    let k = read.get(length) ?? 0;
    while (k < list.length && list[k]! <= r) k++;
    read.set(length, k);
    if (k === list.length) continue;
    const closer = list[k]!;
    out += text.slice(copied, end) + ' '.repeat(starts[closer]! - end);
    copied = starts[closer]!;
    r = closer;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** An Obsidian block id (`^abc-1`). */
export const BLOCK_ID_TOKEN = /^\^[A-Za-z0-9-]+$/;

/**
 * Where the Obsidian block id that ends `text` (`… ^abc-1`) starts, with the blanks
 * before it; -1 when there is none. Linear in `text`, however many blanks it holds.
 */
export function blockIdStart(text: string): number {
  const trimmed = text.trimEnd();
  const space = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
  if (space < 0 || !BLOCK_ID_TOKEN.test(trimmed.slice(space + 1))) return -1;
  let start = space;
  while (start > 0 && isBlank(trimmed.charCodeAt(start - 1))) start--;
  return start;
}

/** A space or a tab. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
