/**
 * The open action items of a notebook, kept as notes come and go, for what views recount
 * after every change: the overdue count, the items in order, the items of a goal.
 */
import type { LocalDate } from '../model/dates';
import { compareItems } from '../model/actionItems';
import type { ActionItem } from '../model/types';
import { BagMap } from './multiMap';
import { insertSorted, removeSorted } from './sortedList';

/**
 * Single changes keep the order by binary insertion; past this many changes between two
 * reads (a scan, a branch switch) the order is rebuilt by one sort when next read.
 */
const INCREMENTAL_CHANGES = 512;

/** Open items by note, in {@link compareItems} order, by due date and by goal. */
export class OpenItems {
  private readonly byUri = new Map<string, readonly ActionItem[]>();
  /** How many open items are due on each date (dates with none left out). */
  private readonly dueCounts = new Map<LocalDate, number>();
  /** By every goal id and tag they name (a tag counts once it names a goal). */
  private readonly byGoal = new BagMap<ActionItem>();
  /** Every open item; sorted unless `stale`. */
  private order: ActionItem[] = [];
  private stale = false;
  /** Items removed while the order is stale, taken out at the next read. */
  private readonly removed = new Set<ActionItem>();
  private changesSinceRead = 0;

  /** Records the open items of `uri` (which holds none yet). */
  add(uri: string, items: readonly ActionItem[]): void {
    if (items.length === 0) return;
    this.byUri.set(uri, items);
    this.changed();
    for (const item of items) {
      if (item.due) this.countDue(item.due, 1);
      for (const id of goalKeys(item)) this.byGoal.add(id, item);
      if (this.stale) {
        // Removed and added back before the order was read (the cache's same parse): it
        // is still in the order.
        if (!this.removed.delete(item)) this.order.push(item);
      } else insertSorted(this.order, item, compareItems);
    }
  }

  /** Forgets the open items of `uri`. */
  remove(uri: string): void {
    const items = this.byUri.get(uri);
    if (!items) return;
    this.byUri.delete(uri);
    this.changed();
    for (const item of items) {
      if (item.due) this.countDue(item.due, -1);
      for (const id of goalKeys(item)) this.byGoal.remove(id, item);
      if (this.stale) this.removed.add(item);
      else removeSorted(this.order, item, compareItems);
    }
    if (this.stale) this.compact();
  }

  /**
   * While nothing reads the order (the views are closed), edits only append to it: drop
   * what was removed once that is most of it, so memory stays proportional to the items.
   */
  private compact(): void {
    if (this.removed.size < 1024 || this.removed.size * 2 < this.order.length) return;
    this.order = this.order.filter((item) => !this.removed.has(item));
    this.removed.clear();
  }

  /** Every open item, by due date (undated last), then file, then line, as a new list. */
  sorted(): ActionItem[] {
    if (this.stale) {
      this.order = this.order.filter((item) => !this.removed.has(item)).sort(compareItems);
      this.removed.clear();
      this.stale = false;
    }
    this.changesSinceRead = 0;
    // A copy: the order changes in place with the next edit, and callers may sort it.
    return this.order.slice();
  }

  /** How many open items are due before `date`. */
  countDueBefore(date: LocalDate): number {
    let n = 0;
    for (const [due, count] of this.dueCounts) if (due < date) n += count;
    return n;
  }

  /** Open items naming `id` as a goal or a tag, as a new list in no particular order. */
  naming(id: string): ActionItem[] {
    return this.byGoal.get(id);
  }

  private changed(): void {
    if (!this.stale && ++this.changesSinceRead > INCREMENTAL_CHANGES) this.stale = true;
  }

  private countDue(date: LocalDate, delta: 1 | -1): void {
    const n = (this.dueCounts.get(date) ?? 0) + delta;
    if (n) this.dueCounts.set(date, n);
    else this.dueCounts.delete(date);
  }
}

/** Every goal id an item may count toward: its note's goals, and its links in case they name one. */
function goalKeys(item: ActionItem): readonly string[] {
  if (item.links.length === 0) return item.goals; // already free of repeats
  const keys = [...item.goals];
  for (const link of item.links) if (!keys.includes(link.id)) keys.push(link.id);
  return keys;
}
