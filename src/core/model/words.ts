/** Wording shared by the rules' messages and the builders' Markdown. */

/**
 * Longest message a finding carries: messages quote what a note wrote (an id, a date), and
 * a note can write anything at any length.
 */
export const MAX_MESSAGE = 400;

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

/**
 * An id, and a file name, from a title or a name: lowercase letters and digits of any
 * script joined by hyphens (`Ana Núñez` → `ana-nunez`, `李明` → `李明`); empty when the
 * title has neither.
 */
export function slug(title: string): string {
  const id = title
    // Latin letters lose their accents (Núñez → nunez); every other script keeps its
    // marks (the breve of й, the voicing of ガ, the vowel signs of हिंदी), recomposed at
    // the end (한).
    .normalize('NFKD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    // Marks that belong to no letter go: an emoji's variation selector, a keycap (1️⃣).
    .replace(/[\p{Variation_Selector}\p{Me}]/gu, '')
    .replace(/(^|[^\p{L}\p{M}\p{N}])\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
  return clipText(id, 60, '').replace(/-+$/, '');
}

/**
 * `text` cut to at most `max` UTF-16 code units, `ellipsis` included, never between the
 * two halves of a character (an emoji): a lone half shows as � and breaks JSON.
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  let end = max - ellipsis.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ellipsis;
}

/**
 * `base`, or the first `base-2`, `base-3`… that `taken` says no note has: a new note's id
 * must not collide with one the notebook already has ("Learn C++" and "Learn C#" both
 * make `learn-c`).
 */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** YAML words that a plain scalar would turn into a boolean or null. */
const YAML_RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * `text` as a YAML scalar that reads back as this very string: plain when it is words
 * (`alex-rivera`, `Present confidently to leadership`), else double-quoted (`"notes #1"`,
 * `"2026"`, `"yes"`). In a flow list (`goals: [a, b]`), `inList` quotes a comma too.
 */
export function yamlScalar(text: string, inList = false): string {
  const plain =
    (inList ? /^[\p{L}_][\p{L}\p{N}_ .'’()!?/-]*$/u : /^[\p{L}_][\p{L}\p{N}_ .,'’()!?/-]*$/u).test(
      text,
    ) &&
    !/\s$/.test(text) &&
    !YAML_RESERVED.test(text);
  return plain ? text : JSON.stringify(text);
}
