/** Small facts about action items that views, rules and builders share. */
import type { ActionItem } from './types';

/** True for an item still to do: neither done nor cancelled, nor a self-assessment statement. */
export function isOpen(item: ActionItem): boolean {
  return !item.done && !item.cancelled && !item.checklist;
}

/** Orders items by due date (undated last), then file, then line. */
export function compareItems(a: ActionItem, b: ActionItem): number {
  const da = a.due?.value ?? '9999-99-99';
  const db = b.due?.value ?? '9999-99-99';
  return da.localeCompare(db) || a.uri.localeCompare(b.uri) || a.line - b.line;
}
