import { NONE } from '../model/notes';

/** A map from key to a small list of values: the index's lookups by id. */
export class MultiMap<V> {
  protected readonly map = new Map<string, V[]>();

  add(key: string, value: V): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  remove(key: string, value: V): void {
    const list = this.map.get(key);
    if (!list) return;
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.map.delete(key);
  }

  /**
   * The values of `key` (here in the order they were added; {@link BagMap} keeps none).
   * One shared empty list for keys without values: rules ask about many ids that name
   * nothing (`#resource`), and a new empty list for each was measurable at 100k notes.
   */
  get(key: string): readonly V[] {
    return this.map.get(key) ?? NONE;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): Iterable<string> {
    return this.map.keys();
  }
}

/**
 * A {@link MultiMap} whose lists are in no particular order, for lookups whose lists can
 * grow long (every open item tagged `#weekly`): a value is removed by moving the last one
 * into its place, and readers get a copy, never the list the next change will alter.
 * (Sets made loading 100k notes 190 ms slower.)
 */
export class BagMap<V> extends MultiMap<V> {
  override remove(key: string, value: V): void {
    const list = this.map.get(key);
    if (!list) return;
    const i = list.lastIndexOf(value);
    if (i < 0) return;
    const last = list.pop()!;
    if (i < list.length) list[i] = last;
    if (list.length === 0) this.map.delete(key);
  }

  /** The values of `key`, as a new list in no particular order. */
  override get(key: string): V[] {
    return this.map.get(key)?.slice() ?? [];
  }
}
