/** Small facts about action items that views, rules and builders share. */
import type { LocalDate } from './dates';
import type { ActionItem } from './types';

/** True for an item still to do: neither done nor cancelled, nor a self-assessment statement. */
export function isOpen(item: ActionItem): boolean {
  return !item.done && !item.cancelled && !item.checklist;
}

/**
 * Orders items by due date (undated last), then file, then line. Dates and URIs compare
 * code unit by code unit: the same order for ISO dates, and for URIs a stable one that a
 * locale-aware comparison made many times slower (views sort every open item on each change).
 */
export function compareItems(a: ActionItem, b: ActionItem): number {
  const da = a.due?.value ?? '9999-99-99';
  const db = b.due?.value ?? '9999-99-99';
  return compareText(da, db) || compareText(a.uri, b.uri) || a.line - b.line;
}

/** Orders strings by UTF-16 code units (`<`): for dates, ids and URIs, not for words shown to people. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What an item's line says besides its words, one fact per entry (`Due: 2026-03-02`,
 * `Owner: @sam`, `Goals: public-speaking`), in a fixed order: for tooltips, which show the
 * item without the emoji and brackets of the line as written.
 */
export function itemDetails(item: ActionItem): string[] {
  const out: string[] = [];
  const dates: [string, LocalDate | undefined][] = [
    ['Due', item.due?.value],
    ['Scheduled', item.scheduled],
    ['Starts', item.start],
    ['Created', item.created],
    ['Done', item.doneDate?.value],
    ['Cancelled', item.cancelled],
  ];
  for (const [label, date] of dates) if (date) out.push(`${label}: ${date}`);
  if (item.recurrence) out.push(`Repeats: ${item.recurrence}`);
  if (item.priority) out.push(`Priority: ${item.priority}`);
  out.push(item.owner ? `Owner: @${item.owner}` : 'Owner: you');
  if (item.goals.length) out.push(`Goals: ${item.goals.join(', ')}`);
  // A tag that names a goal is already listed as one.
  const tags = item.tags.filter((t) => !item.goals.includes(t));
  if (tags.length) out.push(`Tags: ${tags.map((t) => `#${t}`).join(' ')}`);
  return out;
}
