/** Lists kept sorted by binary search: the index's timelines and its open items. */

/**
 * The first index of `list` at which `notAfter` fails, for a list sorted so that it holds
 * on a prefix and fails on the rest (binary search).
 */
export function firstAfter<T>(list: readonly T[], notAfter: (value: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (notAfter(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inserts `value` into `list`, sorted by `compare`, after the values equal to it. A value
 * that sorts last is appended after one comparison: a scan lists files in order, and
 * their sessions and items mostly arrive in order too.
 */
export function insertSorted<T>(list: T[], value: T, compare: (a: T, b: T) => number): void {
  const last = list.length - 1;
  if (last < 0 || compare(list[last]!, value) <= 0) {
    list.push(value);
    return;
  }
  list.splice(
    firstAfter(list, (x) => compare(x, value) <= 0),
    0,
    value,
  );
}

/**
 * Removes `value` from `list`, sorted by `compare`: found by binary search, or by a scan
 * when it no longer sorts where it was put. Returns whether it was there.
 */
export function removeSorted<T>(list: T[], value: T, compare: (a: T, b: T) => number): boolean {
  const i = firstAfter(list, (x) => compare(x, value) <= 0) - 1;
  const at = list[i] === value ? i : list.indexOf(value);
  if (at < 0) return false;
  list.splice(at, 1);
  return true;
}
