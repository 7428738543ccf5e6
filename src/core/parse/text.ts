/**
 * Text helpers shared by the parsers: decoding bytes safely, splitting lines the way
 * editors do, and building ranges.
 */
import { dateProblem, type LocalDate } from '../model/dates';
import type { Position, Range } from '../model/types';

/** Largest note read in full; larger files get a diagnostic instead of being parsed. */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

/**
 * Why a file of `size` bytes is not read as a note, or undefined when it may be. Hosts that
 * can see a file's size before reading it refuse large files with this reason.
 */
export function tooLargeReason(size: number): string | undefined {
  return size > MAX_NOTE_BYTES
    ? `the file is ${formatBytes(size)}, over the ${formatBytes(MAX_NOTE_BYTES)} a note may have`
    : undefined;
}

/**
 * What a host throws for a file too large to read as a note (it is not read): only a file
 * whose first {@link NOTE_HEAD_BYTES} say it is a note is then reported (see `headIsNote`).
 */
export class TooLargeError extends Error {
  constructor(readonly size: number) {
    super(tooLargeReason(size));
  }
}

/**
 * Thrown by a host that chose not to read a file, for a reason the user may be fine with
 * (a symbolic link to outside the notebook): reported as a warning, not an error.
 */
export class NotReadError extends Error {}

/**
 * How much of a file that cannot be read as a note is read to tell whether it means to be
 * one: front matter with a known `type` starts a note, and fits in far less.
 */
export const NOTE_HEAD_BYTES = 16 * 1024;

/** The outcome of decoding a file's bytes. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes a note's bytes as UTF-8 (a BOM is dropped). Binary files and files over
 * {@link MAX_NOTE_BYTES} are refused with a reason; invalid UTF-8 is decoded with
 * replacement characters and a warning.
 */
export function decodeNote(bytes: Uint8Array): Decoded {
  const tooLarge = tooLargeReason(bytes.length);
  if (tooLarge) return { ok: false, reason: `${tooLarge}; it was not read` };
  if (utf16Encoding(bytes)) {
    return { ok: false, reason: 'the file is saved as UTF-16; save it as UTF-8' };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) {
      return { ok: false, reason: 'the file is binary (it contains NUL bytes), not Markdown' };
    }
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return {
      ok: true,
      text: utf8Lenient.decode(bytes),
      warning: 'the file is not valid UTF-8; unreadable bytes are shown as \uFFFD',
    };
  }
}

/**
 * The encoding a UTF-16 byte-order mark announces (what some Windows tools write), or
 * undefined. Such a file is not UTF-8: read as it is, it looks binary.
 */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The UTF-16 encoding `bytes` are in, by their byte-order mark or, without one, by their
 * first characters: text in UTF-16 has a NUL byte beside every ASCII character (`-\0-\0`
 * in little-endian), which UTF-8 text never has. Undefined for anything else (binary
 * files included: they do not alternate so).
 */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const bom = utf16Bom(bytes);
  if (bom) return bom;
  const pairs = Math.min(bytes.length >> 1, 8);
  if (pairs < 2) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    le &&= isTextByte(a) && b === 0;
    be &&= a === 0 && isTextByte(b);
  }
  return le ? 'utf-16le' : be ? 'utf-16be' : undefined;
}

/** A printable ASCII byte, a tab or a line break. */
function isTextByte(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Removes a leading byte-order mark, if any. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits text into lines at `\r\n`, `\r` or `\n`, as editors and CommonMark do. */
export function splitLines(text: string): string[] {
  // Splitting at one character is several times faster than at a pattern; most notes
  // have no carriage return at all.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

const SHARED_LINES = 512;
const SHARED_COLUMNS = 128;
/** Positions near the top-left of a note, shared: a notebook holds hundreds of thousands of them. */
const sharedPositions: (Position | undefined)[] = new Array<undefined>(
  SHARED_LINES * SHARED_COLUMNS,
).fill(undefined);

/**
 * The position (`line`, `character`). Positions are immutable, so those that notes have in
 * common (the front matter's lines, checkboxes at the start of a line…) are one shared
 * object each; the table is bounded by its key space (64 Ki entries).
 */
export function position(line: number, character: number): Position {
  if (line >= SHARED_LINES || character >= SHARED_COLUMNS || line < 0 || character < 0)
    return { line, character };
  const key = line * SHARED_COLUMNS + character;
  return (sharedPositions[key] ??= { line, character });
}

/** The range from (`startLine`, `startCharacter`) to (`endLine`, `endCharacter`). */
export function range(
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
): Range {
  return { start: position(startLine, startCharacter), end: position(endLine, endCharacter) };
}

/**
 * One-line ranges are shared the same way (the `mentor:` value on line 3, a checkbox at
 * column 2 of line 12…): at most {@link MAX_SHARED_RANGES}, then the table restarts.
 */
const sharedRanges = new Map<number, Range>();
const MAX_SHARED_RANGES = 100_000;

/** A range on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  if (
    line >= SHARED_LINES ||
    start >= SHARED_COLUMNS ||
    end >= SHARED_COLUMNS ||
    line < 0 ||
    start < 0 ||
    end < 0
  )
    return { start: position(line, start), end: position(line, end) };
  const key = (line * SHARED_COLUMNS + start) * SHARED_COLUMNS + end;
  let shared = sharedRanges.get(key);
  if (!shared) {
    if (sharedRanges.size >= MAX_SHARED_RANGES) sharedRanges.clear();
    shared = { start: position(line, start), end: position(line, end) };
    sharedRanges.set(key, shared);
  }
  return shared;
}

/** A range covering a whole line of `lines` (an empty range past the end). */
export function wholeLine(lines: readonly string[], line: number): Range {
  return lineRange(line, 0, lines[line]?.length ?? 0);
}

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * The text of an ATX heading's content without its closing `#`s (`Notes ##` → `Notes`).
 * Written without a regular expression so that a long line cannot make it backtrack.
 */
export function stripClosingHashes(raw: string): string {
  const s = raw.trimEnd();
  let i = s.length;
  while (i > 0 && s[i - 1] === '#') i--;
  if (i < s.length && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t'))
    return s.slice(0, i).trim();
  return s.trim();
}

/**
 * A copy of `s` that does not keep the string it was cut from alive. JavaScript engines
 * represent substrings as views into their parent, so a short title sliced from a note
 * would otherwise pin the note's whole text in memory for as long as the index holds it.
 * (A copy through JSON would also store words cut from a line with an emoji at one byte
 * per character, 7% less memory, but made parsing 13% slower: not worth it.)
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Like {@link own}, and stored at one byte per character when every character fits in one,
 * even when `s` was cut from text that needs two (an item's words from a line with an
 * emoji date: most done items). Costs a copy through JSON, so it is kept for the one
 * string per action item, where it saves about a tenth of the index's memory.
 */
export function ownNarrow(s: string): string {
  return s.length < 13 || WIDE_CHAR.test(s) ? own(s) : flatCopy(s);
}

const WIDE_CHAR = /[\u0100-\uffff]/;

/**
 * `s` as one string of its own, however it was built: a string joined from pieces (a
 * folder and a file name) is held by engines as a tree of them, several times its size.
 */
export function flatCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * Like {@link own}, for values that recur across notes (dates, goal and mentor ids, tags,
 * section titles): every equal value is one shared copy.
 */
export function shared(s: string): string {
  if (s.length > MAX_SHARED_LENGTH) return own(s);
  const known = sharedStrings.get(s);
  if (known !== undefined) return known;
  const copy = own(s);
  // Bounded: a long session that keeps typing new words only ever restarts the table.
  if (sharedStrings.size >= MAX_SHARED_STRINGS) sharedStrings.clear();
  sharedStrings.set(copy, copy);
  return copy;
}

const sharedStrings = new Map<string, string>();
const MAX_SHARED_LENGTH = 40;
const MAX_SHARED_STRINGS = 8192;

/**
 * `token` when it is a real calendar date (`YYYY-MM-DD`), as one shared copy; undefined
 * otherwise (ask {@link dateProblem} why). Dates seen before are found by their number
 * (20261121) without validating or hashing the text again: every action item and most
 * front matter hold some, and a notebook repeats them.
 */
export function sharedDate(token: string): LocalDate | undefined {
  if (token.length !== 10 || token.charCodeAt(4) !== 0x2d || token.charCodeAt(7) !== 0x2d)
    return undefined;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = token.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    key = key * 10 + digit;
  }
  const known = sharedDates.get(key);
  if (known !== undefined) return known;
  if (dateProblem(token) !== undefined) return undefined;
  // Bounded like the shared strings: a long session, or a notebook of made-up dates,
  // only ever restarts the table (a notebook's real dates span far fewer days).
  if (sharedDates.size >= MAX_SHARED_DATES) sharedDates.clear();
  const copy = own(token);
  sharedDates.set(key, copy);
  return copy;
}

const sharedDates = new Map<number, LocalDate>();
/** About 180 years of days. */
const MAX_SHARED_DATES = 65_536;

/**
 * `s` with every run of whitespace made one space and none at either end, as
 * `s.replace(/\s+/g, ' ').trim()` gives (the same characters count as whitespace), and
 * `s` itself when it already reads so: most of an item's words do, and the regular
 * expression copied every one.
 */
export function squeezeSpaces(s: string): string {
  // Squeezed already: no whitespace but single spaces between words.
  let squeezed = true;
  let afterSpace = true;
  for (let i = 0; squeezed && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      squeezed = !afterSpace;
      afterSpace = true;
    } else if (isWhitespace(c)) squeezed = false;
    else afterSpace = false;
  }
  return squeezed && !(afterSpace && s.length > 0) ? s : s.replace(/\s+/g, ' ').trim();
}

/** True for the characters `\s` matches besides the space. */
function isWhitespace(c: number): boolean {
  if (c < 0xa0) return c >= 0x09 && c <= 0x0d;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
