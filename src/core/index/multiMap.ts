/** A map from key to a small list of values: the index's lookups by id. */
export class MultiMap<V> {
  private readonly map = new Map<string, V[]>();

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

  get(key: string): readonly V[] {
    return this.map.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): Iterable<string> {
    return this.map.keys();
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * A map from key to a set of values, for lookups whose lists can grow long (every open
 * item tagged `#weekly`): adding and removing cost the same however long they are.
 */
export class SetMultiMap<V> {
  private readonly map = new Map<string, Set<V>>();

  add(key: string, value: V): void {
    const set = this.map.get(key);
    if (set) set.add(value);
    else this.map.set(key, new Set([value]));
  }

  remove(key: string, value: V): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) this.map.delete(key);
  }

  /** The values of `key`, as a new list in no particular order. */
  get(key: string): V[] {
    const set = this.map.get(key);
    return set ? [...set] : [];
  }

  clear(): void {
    this.map.clear();
  }
}
