/**
 * Front matter: the YAML block between `---` lines at the top of a note.
 *
 * The block is delimited exactly as remark-frontmatter does (so the body scan and the
 * reference parser agree), then handed to gray-matter with a locked-down engine table:
 * only YAML is accepted (gray-matter's `---js` engine would `eval` the block), and the
 * YAML is read by the `yaml` package with the core schema, so dates stay text we
 * validate ourselves and no tag can construct objects. Every value keeps its range.
 */
import matter from 'gray-matter';
import {
  Composer,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type Node,
} from 'yaml';
import { NONE } from '../model/notes';
import type { Range } from '../model/types';
import { lineRange, position, range } from './text';

/** The largest front matter block parsed; longer blocks get a diagnostic. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/** One `key: value` of the front matter. */
export interface Field {
  readonly key: string;
  /** Where the key is written. */
  readonly keyRange: Range;
  /** The value as plain data (strings, numbers, booleans, arrays, objects, null). */
  readonly value: unknown;
  /** Where the value is written (the key's range when the value is empty). */
  readonly range: Range;
  /** Ranges of the items when the value is a list. */
  readonly itemRanges: readonly Range[];
}

/** A problem in the front matter block itself. */
export interface FrontMatterProblem {
  readonly range: Range;
  readonly message: string;
}

/** The front matter of a note. */
export interface FrontMatter {
  /** False when the note has no front matter at all. */
  readonly present: boolean;
  /** True when a block was opened with `---` and never closed. */
  readonly unclosed?: boolean;
  /** Fields by key; empty when absent or unreadable. */
  readonly fields: ReadonlyMap<string, Field>;
  /** Zero-based line where the body starts. */
  readonly bodyStartLine: number;
  /** Range from the opening to the closing `---` (or the first line when absent). */
  readonly range: Range;
  readonly problems: readonly FrontMatterProblem[];
  /**
   * The `type:` written in a block that could not be parsed, so a broken note is still
   * recognised as a notebook note and reported instead of silently ignored.
   */
  readonly typeHint?: string;
}

const FENCE = /^---[ \t]*$/;
const LANGUAGE_FENCE = /^---([A-Za-z][\w-]*)[ \t]*$/;
const LOOSE_TYPE = /\btype["']?\s*[:=]\s*["']?(goal|session|mentor|review)\b/i;
const TYPE_LINE = /^type[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/;

/** Reads the front matter of a note split into `lines`. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const first = lines[0] ?? '';
  if (!first.startsWith('---')) return absent(lines);
  const language = LANGUAGE_FENCE.exec(first);
  if (!FENCE.test(first) && !language) return absent(lines);

  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    // Only a line starting with `-` can close the block: skip the pattern for the others.
    if (lines[i]!.charCodeAt(0) === 45 && FENCE.test(lines[i]!)) {
      close = i;
      break;
    }
  }
  const end = close === -1 ? lines.length - 1 : close;
  const range = lineRange(0, 0, 0);
  const blockRange: Range = { start: range.start, end: position(end, lines[end]?.length ?? 0) };
  // Only needed when the block cannot be read; a getter keeps the common path from paying.
  const hint = (): string | undefined =>
    guessType(lines, 1, close === -1 ? Math.min(lines.length, 200) : close, !!language);

  if (language) {
    return {
      ...absent(lines),
      range: blockRange,
      typeHint: hint(),
      problems: [
        {
          range: lineRange(0, 3, first.trimEnd().length),
          message: `front matter in "${language[1]}" is not supported (it could run code); write it as YAML after a plain ---`,
        },
      ],
    };
  }
  if (close === -1) {
    return {
      ...absent(lines),
      unclosed: true,
      range: lineRange(0, 0, first.length),
      typeHint: hint(),
      problems: [
        {
          range: lineRange(0, 0, first.length),
          message: 'front matter is never closed: add a line with --- after the last field',
        },
      ],
    };
  }

  // The block's length as joined text, without joining it: most notes never need the text.
  let length = close - 2;
  for (let i = 1; i < close; i++) length += lines[i]!.length;
  // A closed block that cannot be read: no fields, the type guessed.
  const unreadable = (problems: readonly FrontMatterProblem[]): FrontMatter => ({
    present: true,
    fields: new Map(),
    bodyStartLine: close + 1,
    range: blockRange,
    problems,
    typeHint: hint(),
  });
  if (length > MAX_FRONT_MATTER_CHARS) {
    return unreadable([
      {
        range: lineRange(0, 0, first.length),
        message: `front matter is ${length} characters long, over the ${MAX_FRONT_MATTER_CHARS} a note may have`,
      },
    ]);
  }
  const parsed =
    readSimpleFields(lines, 1, close) ?? readYamlFields(lines.slice(1, close).join('\n'));
  if ('problems' in parsed) return unreadable(parsed.problems);
  // Written out, not spread from a shared base: spreading cost 3% of the whole parse.
  return {
    present: true,
    fields: parsed.fields,
    bodyStartLine: close + 1,
    range: blockRange,
    problems: NONE,
  };
}

function absent(lines: readonly string[]): FrontMatter {
  return {
    present: false,
    fields: new Map(),
    bodyStartLine: 0,
    range: lineRange(0, 0, lines[0]?.length ?? 0),
    problems: [],
  };
}

function guessType(
  lines: readonly string[],
  from: number,
  to: number,
  loose: boolean,
): string | undefined {
  for (let i = from; i < to; i++) {
    const m = (loose ? LOOSE_TYPE : TYPE_LINE).exec(lines[i]!);
    if (m) return m[1]!.toLowerCase();
  }
  return undefined;
}

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+|$)/;
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#:]*?(?:[ \t]+#.*)?$/;
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const BLOCK_ITEM = /^( *)- ([^ ].*?)$/;
/** Any character `trim()` removes besides the space. */
const OTHER_BLANK = /[^\S ]/;
const DECIMAL = /^[-+]?[0-9]{1,15}$/;
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^,[\]{}#:]*[^\s,[\]{}#:])?$/;

/**
 * The fast path for the front matter notes almost always have: one `key: value` per line,
 * values that are plain or quoted strings (double-quoted with the common escapes) or flow
 * lists of plain strings, comments and blank lines. Anything else (numbers, booleans,
 * nesting, other escapes, anchors, repeated keys, tabs and other blanks…) returns undefined and goes to the full YAML parser, which a differential
 * test holds this path equal to.
 */
export function readSimpleFields(
  lines: readonly string[],
  from: number,
  to: number,
): { fields: Map<string, Field> } | undefined {
  const fields = new Map<string, Field>();
  for (let line = from; line < to; line++) {
    const text = lines[line]!;
    if (text === '' || text[0] === '#') continue;
    // Long lines go to the full parser, which is linear; the patterns here are meant for
    // short ones. So do lines with any blank but the space: this path trims as JavaScript
    // does, which also takes a tab, a no-break space or a BOM for blank; YAML does not.
    if (text.length > 400 || OTHER_BLANK.test(text)) return undefined;
    const key = SIMPLE_KEY.exec(text);
    if (!key || fields.has(key[1]!)) return undefined;
    const start = key[0].length;
    const raw = text.slice(start);
    const at = (a: number, b: number): Range => lineRange(line, start + a, start + b);
    if (raw.trim() === '') {
      if (raw !== '') return undefined;
      // A block list of plain items (`goals:` then `  - a` lines), or an empty value.
      const items: string[] = [];
      const itemRanges: Range[] = [];
      let next = line + 1;
      let indent: string | undefined;
      for (; next < to; next++) {
        const m = BLOCK_ITEM.exec(lines[next]!);
        if (!m || (indent !== undefined && m[1] !== indent)) break;
        indent = m[1]!;
        const item = m[2]!;
        if (!FLOW_ITEM.test(item) || NOT_A_STRING.test(item) || item.includes(': '))
          return undefined;
        items.push(item);
        itemRanges.push(lineRange(next, indent.length + 2, indent.length + 2 + item.length));
      }
      if (items.length === 0) {
        fields.set(key[1]!, {
          key: key[1]!,
          keyRange: lineRange(line, 0, key[1]!.length),
          value: null,
          range: at(0, 0),
          itemRanges: NONE,
        });
        continue;
      }
      const lastRange = itemRanges[itemRanges.length - 1]!;
      fields.set(key[1]!, {
        key: key[1]!,
        keyRange: lineRange(line, 0, key[1]!.length),
        value: items,
        // As the YAML parser reports it: a block list ends where the next line starts.
        range: {
          start: position(line + 1, indent!.length),
          end: next < to ? position(next, 0) : lastRange.end,
        },
        itemRanges,
      });
      line = next - 1;
      continue;
    }
    const field = simpleValue(raw, at);
    if (!field) return undefined;
    fields.set(key[1]!, {
      key: key[1]!,
      keyRange: lineRange(line, 0, key[1]!.length),
      value: field.value,
      range: field.range,
      itemRanges: field.itemRanges,
    });
  }
  return { fields };
}

function simpleValue(
  raw: string,
  at: (a: number, b: number) => Range,
): Omit<Field, 'key' | 'keyRange'> | undefined {
  const first = raw[0];
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? doubleQuoted(raw) : singleQuoted(raw);
    if (!quoted) return undefined;
    const rest = raw.slice(quoted.end);
    if (rest.trim() !== '' && !/^[ \t]+#/.test(rest)) return undefined;
    return { value: quoted.value, range: at(0, quoted.end), itemRanges: NONE };
  }
  if (first === '[') {
    const close = raw.indexOf(']');
    if (close < 0 || raw.slice(close + 1).trim() !== '') return undefined;
    const inner = raw.slice(1, close);
    const value: string[] = [];
    const itemRanges: Range[] = [];
    if (inner.trim() !== '') {
      let offset = 1;
      for (const part of inner.split(',')) {
        const item = part.trim();
        if (!FLOW_ITEM.test(item) || NOT_A_STRING.test(item)) return undefined;
        const begin = offset + part.indexOf(item);
        value.push(item);
        itemRanges.push(at(begin, begin + item.length));
        offset += part.length + 1;
      }
    }
    return { value, range: at(0, close + 1), itemRanges };
  }
  if (!PLAIN.test(raw)) return undefined;
  const comment = /[ \t]+#/.exec(raw);
  const value = (comment ? raw.slice(0, comment.index) : raw).trimEnd();
  if (DECIMAL.test(value))
    return { value: Number(value), range: at(0, value.length), itemRanges: NONE };
  if (NOT_A_STRING.test(value) || value.includes(': ')) return undefined;
  return { value, range: at(0, value.length), itemRanges: NONE };
}

/** A quoted scalar's value and the index just past its closing quote. */
interface Quoted {
  readonly value: string;
  readonly end: number;
}

/** `'text'` (a doubled `''` inside is left to the full parser). */
function singleQuoted(raw: string): Quoted | undefined {
  const close = raw.indexOf("'", 1);
  return close < 0 ? undefined : { value: raw.slice(1, close), end: close + 1 };
}

/**
 * `"text"` with the escapes titles use (`\"`, `\\`, `\/`, `\t`, `\n`); any other escape is
 * left to the full parser. (Most blocks the fast path used to leave to the full parser
 * quoted a title this way; each took about four times a whole note's parse there.)
 */
function doubleQuoted(raw: string): Quoted | undefined {
  let value = '';
  let from = 1;
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x22) return { value: value + raw.slice(from, i), end: i + 1 };
    if (c !== 0x5c) continue;
    const escaped = ESCAPED.get(raw[i + 1] ?? '');
    if (escaped === undefined) return undefined;
    value += raw.slice(from, i) + escaped;
    i++;
    from = i + 1;
  }
  return undefined;
}

const ESCAPED = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['t', '\t'],
  ['n', '\n'],
]);

/** Engines for every language gray-matter knows; only YAML is allowed through. */
function lockedEngines(yaml: (text: string) => object): Record<string, (text: string) => object> {
  const refuse = (): never => {
    throw new Error('only YAML front matter is read');
  };
  return {
    yaml,
    yml: yaml,
    javascript: refuse,
    js: refuse,
    json: refuse,
    coffee: refuse,
    toml: refuse,
  };
}

type YamlResult = { fields: Map<string, Field> } | { problems: FrontMatterProblem[] };

/**
 * Parses the YAML text between the fences with the full parser (through gray-matter).
 * Line 0 of the YAML is line 1 of the note.
 */
export function readYamlFields(yamlText: string): YamlResult {
  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  // gray-matter may hand the engine a few characters before the block (the newline after
  // the opening fence); `lead` lines are subtracted so ranges land on the note's lines.
  let lead = 0;
  const toRange = (start: number, end: number): Range => {
    // LineCounter lines are 1-based; the block starts on the note's line 1.
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    // One-line ranges from the shared table, as the fast path hands them out (a value is
    // then shared with the notes that write it alike; see sharedValues.ts).
    return s.line === e.line
      ? lineRange(s.line - lead, s.col - 1, e.col - 1)
      : range(s.line - lead, s.col - 1, e.line - lead, e.col - 1);
  };
  // Where the front matter nests deeper than a note would, if it does (offset in the
  // engine's text).
  let tooDeep: number | undefined;
  try {
    // gray-matter splits and dispatches; our engine keeps the Document for its ranges.
    // Passing options also turns off gray-matter's cache, which is keyed by content and
    // never evicted.
    matter(`---\n${yamlText}\n---\n`, {
      language: 'yaml',
      engines: lockedEngines((text) => {
        const at = text.indexOf(yamlText);
        lead = at > 0 ? text.slice(0, at).split('\n').length - 1 : 0;
        // parseDocument, in its two steps: the syntax tree is built without recursion,
        // and nesting deeper than a note would write is refused before the composer
        // recurses into it. (Its own limit is where the stack runs out, which differs
        // between the CLI, the extension host and a browser: the same note must read the
        // same everywhere.)
        const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
        tooDeep = tooDeepAt(tokens);
        if (tooDeep !== undefined) return {};
        const composer = new Composer({
          schema: 'core',
          customTags: [],
          merge: false,
          uniqueKeys: true,
          strict: true,
        });
        for (const next of composer.compose(tokens, true, text.length)) {
          if (!doc) doc = next;
          else {
            doc.errors.push(
              new YAMLParseError(
                [next.range[0], next.range[1]],
                'MULTIPLE_DOCS',
                'Source contains multiple documents',
              ),
            );
            break;
          }
        }
        return {};
      }),
    } as never);
  } catch (error) {
    return {
      problems: [
        {
          range: lineRange(1, 0, 0),
          message: `front matter could not be read: ${describe(error)}`,
        },
      ],
    };
  }
  if (tooDeep !== undefined)
    return {
      problems: [{ range: toRange(tooDeep, tooDeep + 1), message: `invalid YAML: ${TOO_DEEP}` }],
    };
  if (!doc) return { fields: new Map() }; // only comments or blank lines

  const duplicates = duplicateKeys(doc, toRange);
  if (doc.errors.length > 0) {
    // One problem per place and message (a broken line can yield hundreds alike), and
    // at most MAX_YAML_PROBLEMS: the first ones say what to mend.
    const problems: FrontMatterProblem[] = [];
    const seen = new Set<string>();
    for (const e of doc.errors) {
      const problem =
        e.code === 'DUPLICATE_KEY' && duplicates.length
          ? duplicates.shift()!
          : {
              range: toRange(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
              message: `invalid YAML: ${describe(e)}`,
            };
      const key = `${problem.range.start.line}:${problem.range.start.character}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
      if (problems.length === MAX_YAML_PROBLEMS) break;
    }
    return { problems };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null))
    return { fields: new Map() };
  if (!isMap(contents)) {
    const r = (contents as Node).range ?? [0, 1, 1];
    return {
      problems: [
        { range: toRange(r[0], r[1]), message: 'front matter must be a list of key: value fields' },
      ],
    };
  }
  const fields = new Map<string, Field>();
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    const valueNode = pair.value as Node | null;
    const anchor = valueNode?.range ?? keyNode.range!;
    let value: unknown;
    try {
      value = valueNode ? valueNode.toJS(doc, { maxAliasCount: 50 }) : null;
    } catch (error) {
      return {
        problems: [
          { range: toRange(anchor[0], anchor[1]), message: `front matter: ${describe(error)}` },
        ],
      };
    }
    const itemRanges = isSeq(valueNode)
      ? valueNode.items.map((item) => {
          const r = (item as Node).range ?? anchor;
          return toRange(r[0], r[1]);
        })
      : [];
    const keyAt = keyNode.range!;
    fields.set(key, {
      key,
      keyRange: toRange(keyAt[0], keyAt[1]),
      value,
      range: toRange(anchor[0], anchor[1]),
      itemRanges,
    });
  }
  return { fields };
}

/** Each repeated key of the top-level map, at the repetition. */
function duplicateKeys(
  doc: Document,
  toRange: (start: number, end: number) => Range,
): FrontMatterProblem[] {
  const out: FrontMatterProblem[] = [];
  if (!isMap(doc.contents)) return out;
  const seen = new Set<unknown>();
  for (const pair of doc.contents.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    if (seen.has(key.value)) {
      out.push({
        range: toRange(key.range[0], key.range[1]),
        message: `invalid YAML: "${String(key.value)}" is set twice`,
      });
    }
    seen.add(key.value);
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

const TOO_DEEP = 'it is nested too deeply';
/**
 * Deepest nesting of lists and maps read, the front matter's own map counting as one: far
 * beyond what a note writes, well within any stack the parser runs on.
 */
const MAX_DEPTH = 100;

/** A node of the YAML syntax tree, as far as nesting goes. */
interface CstNode {
  readonly type?: string;
  readonly offset?: number;
  readonly key?: unknown;
  readonly value?: unknown;
  readonly items?: readonly { readonly key?: unknown; readonly value?: unknown }[];
}

/**
 * Where the syntax tree `tokens` opens a list or map more than {@link MAX_DEPTH} deep, or
 * undefined: walked with a stack of its own, so no depth makes it recurse.
 */
function tooDeepAt(tokens: readonly unknown[]): number | undefined {
  const stack: [unknown, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const n = node as CstNode;
    const nested =
      n.type === 'block-map' || n.type === 'block-seq' || n.type === 'flow-collection'
        ? depth + 1
        : depth;
    if (nested > MAX_DEPTH) return n.offset ?? 0;
    if (n.key) stack.push([n.key, nested]);
    if (n.value) stack.push([n.value, nested]);
    if (n.items)
      for (const item of n.items) {
        if (item.key) stack.push([item.key, nested]);
        if (item.value) stack.push([item.value, nested]);
      }
  }
  return undefined;
}
/** Most YAML problems reported for one note. */
const MAX_YAML_PROBLEMS = 10;

function describe(error: unknown): string {
  if (error instanceof RangeError) return TOO_DEEP;
  if (!(error instanceof Error)) return String(error);
  // The parser reports a stack overflow deep inside as an error of its own.
  if (/call stack/i.test(error.message)) return TOO_DEEP;
  return firstLine(error.message);
}
