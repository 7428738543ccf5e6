/**
 * Splitting diagnostics into the batches the editor accepts. VS Code sends at most about
 * 1,100 diagnostics of one `DiagnosticCollection.set(entries)` call to the window and
 * silently drops the files after that: a notebook with thousands of findings published
 * in one call showed only the first ~1,100 in the Problems panel and the editors. (A
 * call per file costs a message per file: thousands at the end of a scan.)
 */

/** Diagnostics per `set` call, safely under the editor's limit for one call (1,100). */
export const MAX_DIAGNOSTICS_PER_CALL = 1000;

/**
 * `entries` in order, split into runs of at most `limit` diagnostics (an entry with no
 * diagnostics clears its file and counts for none; an entry with more than `limit`, which
 * the editor cuts to its own per-file limit, goes alone).
 */
export function diagnosticBatches<E extends readonly [unknown, readonly unknown[] | undefined]>(
  entries: readonly E[],
  limit = MAX_DIAGNOSTICS_PER_CALL,
): E[][] {
  const batches: E[][] = [];
  let batch: E[] = [];
  let count = 0;
  for (const entry of entries) {
    const size = entry[1]?.length ?? 0;
    if (batch.length && count + size > limit) {
      batches.push(batch);
      batch = [];
      count = 0;
    }
    batch.push(entry);
    count += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
}
