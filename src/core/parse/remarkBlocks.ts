/**
 * The full parse: unified + remark-parse + remark-gfm + remark-frontmatter, for files the
 * fast scanner cannot decide. Only positions are kept; the syntax tree is dropped at once.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { BlockScan, HeadingSite, TaskSite } from './blocks';
import { stripClosingHashes } from './text';

interface MdNode {
  type: string;
  checked?: boolean | null;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number } };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Notes longer than this are not given to the full parser (its cost can grow faster than linearly). */
export const MAX_FULL_PARSE_CHARS = 64 * 1024;
/** Container nesting (quotes, list markers, indentation) beyond which the full parser is not used. */
export const MAX_NESTING = 48;

/** Why a note was not given to the full parser, with the line to point at. */
export interface FullParseRefusal {
  readonly line: number;
  readonly message: string;
}

/**
 * Whether the full parser can safely take `lines`: very long notes and very deep nesting
 * are refused (remark's cost and recursion grow with them), so no note can hang or crash it.
 */
export function fullParseRefusal(
  lines: readonly string[],
  length: number,
): FullParseRefusal | undefined {
  if (length > MAX_FULL_PARSE_CHARS) {
    return {
      line: 0,
      message: `the note is ${Math.ceil(length / 1024)} KB long, so it was read with the fast scanner only`,
    };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let depth = 0;
    let column = 0;
    for (let c = 0; c < line.length && depth <= MAX_NESTING; c++) {
      const ch = line[c];
      if (ch === '>' || ch === '-' || ch === '*' || ch === '+') depth++;
      else if (ch === ' ') column++;
      else if (ch === '\t') column += 4;
      else if (!/[\d.)]/.test(ch!)) break;
    }
    if (depth + Math.floor(column / 2) > MAX_NESTING) {
      return {
        line: i,
        message: `line ${i + 1} nests quotes or lists more than ${MAX_NESTING} levels deep, so the note was read with the fast scanner only`,
      };
    }
  }
  return undefined;
}

/** Task-list items and headings of `text`, as remark sees them. */
export function remarkBlocks(text: string): BlockScan {
  const tree = processor.parse(text) as MdNode;
  const tasks: TaskSite[] = [];
  const headings: HeadingSite[] = [];
  const lineStarts = computeLineStarts(text);
  // An explicit stack: deep nesting must not overflow the call stack.
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const site = checkboxOf(node, text, lineStarts);
      if (site) tasks.push(site);
    } else if (node.type === 'heading' && node.position) {
      const line = node.position.start.line - 1;
      const source = text.slice(lineStarts[line], lineStarts[line + 1] ?? text.length);
      headings.push({ line, depth: node.depth ?? 1, text: headingSource(source) });
    }
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  tasks.sort((a, b) => a.line - b.line || a.column - b.column);
  headings.sort((a, b) => a.line - b.line);
  return { tasks, headings, parser: 'remark' };
}

/** remark moves the paragraph's start past the checkbox; walk back to find `[`. */
function checkboxOf(
  item: MdNode,
  text: string,
  lineStarts: readonly number[],
): TaskSite | undefined {
  // remark moves the paragraph's start past the checkbox when plain text follows it, and
  // leaves it on `[` otherwise (`- [ ] **bold**`, a code span, a link…).
  const paragraph = item.children?.find((child) => child.type === 'paragraph');
  const start = paragraph?.position?.start.offset;
  if (start === undefined) return undefined;
  let offset = start - 1;
  while (offset > 0 && /\s/.test(text[offset]!)) offset--;
  const open = text[offset] === ']' ? offset - 2 : start;
  if (text[open] !== '[' || text[open + 2] !== ']') return undefined;
  let line = 0;
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lineStarts[mid]! <= open) {
      line = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { line, column: open - lineStarts[line]!, status: text[open + 1]! };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

function headingSource(line: string): string {
  const trimmed = line.replace(/[\r\n]+$/, '').trim();
  const atx = /^#{1,6}(?:[ \t]|$)/.exec(trimmed);
  if (!atx) return trimmed.replace(/^>\s*/, '');
  return stripClosingHashes(trimmed.slice(atx[0].length));
}
