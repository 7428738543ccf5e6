/** Wording shared by the rules' messages and the builders' Markdown. */

/** `n` and `word`, plural unless `n` is one (`3 days`, `1 day`). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `text` on one line (a name or a title with a line break in it stays one line), control
 * characters (an escape sequence in a YAML value) shown as spaces.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
