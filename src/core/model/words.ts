/** Wording shared by the rules' messages and the builders' Markdown. */

/** `n` and `word`, plural unless `n` is one (`3 days`, `1 day`). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
