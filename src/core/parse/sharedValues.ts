/**
 * Immutable parts of the model that many notes hold equal copies of, handed out as one
 * object each: the sections of a template (`## Action items` on line 9, up to line 14), a
 * `date:` on line 2, a `mentor:` on line 3, the tag list `[career]`. A notebook of 100,000
 * notes holds about 370,000 sections but a few hundred distinct ones.
 *
 * Each kind of value has a small cache of fixed size: a hash of the value picks two slots,
 * and a new value takes the place of the one of them used less recently. Bounded by
 * construction (a long session only ever loses some sharing), and a lookup costs a hash
 * and at most two comparisons, with nothing allocated to find an entry.
 *
 * Sharing is safe because the model is plain, read-only data: nothing compares these
 * objects by identity, and nothing writes to them.
 */
import type { Located, Range, Section } from '../model/types';
import { NONE } from '../model/notes';

/**
 * Longer strings are not shared, nor anything holding one: they rarely recur, and a cache
 * slot would keep one alive after its note is gone (as `shared` in text.ts does for 40).
 */
const MAX_SHARED_TEXT = 64;

/** FNV-1a over `s` and its length, continuing from `hash`. */
function hashText(s: string, hash: number): number {
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ s.length, 0x01000193);
}

const FNV_OFFSET = 0x811c9dc5 | 0;

function hashRange(r: Range, hash: number): number {
  hash = Math.imul(hash ^ r.start.line, 0x01000193);
  hash = Math.imul(hash ^ r.start.character, 0x01000193);
  hash = Math.imul(hash ^ r.end.line, 0x01000193);
  return Math.imul(hash ^ r.end.character, 0x01000193);
}

/** A two-way set-associative cache of `2^bits` slots. */
class SharedCache<T> {
  private readonly table: (T | undefined)[];
  private readonly shift: number;

  constructor(bits: number) {
    this.table = new Array<T | undefined>(1 << bits).fill(undefined);
    this.shift = 32 - bits;
  }

  /**
   * The first of the two slots a value with this hash may sit in (its top bits: a
   * multiplicative hash mixes every input into them).
   */
  pair(hash: number): number {
    return (hash >>> this.shift) & ~1;
  }

  first(pair: number): T | undefined {
    return this.table[pair];
  }

  second(pair: number): T | undefined {
    return this.table[pair + 1];
  }

  /** Makes the pair's second value its first (the one used most recently); returns it. */
  promote(pair: number): T {
    const value = this.table[pair + 1]!;
    this.table[pair + 1] = this.table[pair];
    this.table[pair] = value;
    return value;
  }

  /** Stores `made` first in the pair, the value that was first second; returns it. */
  keep(pair: number, made: T): T {
    this.table[pair + 1] = this.table[pair];
    this.table[pair] = made;
    return made;
  }
}

const located = new SharedCache<Located<string>>(15);

/**
 * The value `value` written at `range`, shared with an equal one seen recently. `range`
 * is compared by identity: ranges from `lineRange` are themselves shared, so equal
 * one-line ranges near the top of a note are one object.
 */
export function sharedLocated<T extends string>(value: T, range: Range): Located<T> {
  if (value.length > MAX_SHARED_TEXT) return { value, range };
  const pair = located.pair(hashRange(range, hashText(value, FNV_OFFSET)));
  let known = located.first(pair);
  if (known === undefined || known.range !== range || known.value !== value) {
    known = located.second(pair);
    if (known === undefined || known.range !== range || known.value !== value)
      return located.keep(pair, { value, range }) as Located<T>;
    located.promote(pair);
  }
  return known as Located<T>;
}

const sections = new SharedCache<Section>(12);

/** The section `title` (heading of `depth`) from `line` to `endLine`, shared with an equal one. */
export function sharedSection(
  title: string,
  depth: number,
  line: number,
  endLine: number,
  hasContent: boolean,
): Section {
  if (title.length > MAX_SHARED_TEXT) return { title, depth, line, endLine, hasContent };
  let hash = hashText(title, FNV_OFFSET);
  hash = Math.imul(hash ^ depth, 0x01000193);
  hash = Math.imul(hash ^ line, 0x01000193);
  hash = Math.imul(hash ^ endLine, 0x01000193);
  hash = Math.imul(hash ^ (hasContent ? 1 : 2), 0x01000193);
  const pair = sections.pair(hash);
  let known = sections.first(pair);
  if (!isSection(known, title, depth, line, endLine, hasContent)) {
    known = sections.second(pair);
    if (!isSection(known, title, depth, line, endLine, hasContent))
      return sections.keep(pair, { title, depth, line, endLine, hasContent });
    sections.promote(pair);
  }
  return known!;
}

function isSection(
  s: Section | undefined,
  title: string,
  depth: number,
  line: number,
  endLine: number,
  hasContent: boolean,
): boolean {
  return (
    s !== undefined &&
    s.line === line &&
    s.endLine === endLine &&
    s.depth === depth &&
    s.hasContent === hasContent &&
    s.title === title
  );
}

/** Lists longer than this are not shared: they rarely recur. */
const MAX_SHARED_LIST = 16;
const idLists = new SharedCache<readonly string[]>(13);

/**
 * `ids` as a list shared with an equal one (an item's tags, its goals), or `ids` itself
 * when it is long. The empty list is always the one shared empty list.
 */
export function sharedIds(ids: readonly string[]): readonly string[] {
  if (ids.length === 0 || ids.length > MAX_SHARED_LIST) return ids.length ? ids : NONE;
  let hash = FNV_OFFSET;
  for (const id of ids) {
    if (id.length > MAX_SHARED_TEXT) return ids;
    hash = hashText(id, hash);
  }
  return sharedList(idLists, hash, ids);
}

const sectionLists = new SharedCache<readonly Section[]>(14);

/** A note's sections, as a list shared with an equal one (the sections from {@link sharedSection}). */
export function sharedSections(list: readonly Section[]): readonly Section[] {
  if (list.length === 0 || list.length > MAX_SHARED_LIST) return list.length ? list : NONE;
  let hash = FNV_OFFSET;
  // Every field: notes of one template often differ only in which sections are empty.
  for (const s of list) {
    // A long title's section is never shared, so neither is a list holding it.
    if (s.title.length > MAX_SHARED_TEXT) return list;
    hash = hashText(s.title, hash);
    hash = Math.imul(hash ^ s.depth, 0x01000193);
    hash = Math.imul(hash ^ s.line, 0x01000193);
    hash = Math.imul(hash ^ s.endLine, 0x01000193);
    hash = Math.imul(hash ^ (s.hasContent ? 1 : 2), 0x01000193);
  }
  return sharedList(sectionLists, hash, list);
}

/** `list` as the list in `cache` holding the same elements (by identity), kept there if new. */
function sharedList<T>(
  cache: SharedCache<readonly T[]>,
  hash: number,
  list: readonly T[],
): readonly T[] {
  const pair = cache.pair(hash);
  let known = cache.first(pair);
  if (!sameElements(known, list)) {
    known = cache.second(pair);
    // A copy: the list given may still change, the shared one is several notes' list.
    if (!sameElements(known, list)) return cache.keep(pair, list.slice());
    cache.promote(pair);
  }
  return known!;
}

function sameElements<T>(known: readonly T[] | undefined, list: readonly T[]): boolean {
  if (known === undefined || known.length !== list.length) return false;
  for (let k = 0; k < list.length; k++) if (known[k] !== list[k]) return false;
  return true;
}
