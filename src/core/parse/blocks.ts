/**
 * The Markdown structure a note needs: where its task-list items and headings are.
 *
 * A fast line scanner handles the shapes notes are made of (headings, paragraphs, nested
 * lists, fenced code at the margin). Whenever a file holds something it cannot decide
 * exactly as CommonMark + GFM would (block quotes, HTML, indented code near a checkbox,
 * setext headings, tables, tabs in indentation…), the file goes to the full
 * unified/remark parse instead. A differential test holds the two to the same answers.
 */
import { remarkBlocks } from './remarkBlocks';

/** A task-list item's checkbox: `[ ]`, `[x]` or `[X]`. */
export interface TaskSite {
  /** Zero-based line of the checkbox. */
  readonly line: number;
  /** Zero-based column of `[`. */
  readonly column: number;
  /** The character between the brackets. */
  readonly status: string;
}

/** A heading. */
export interface HeadingSite {
  readonly line: number;
  readonly depth: number;
  readonly text: string;
}

/** The structure of a note's body. */
export interface BlockScan {
  readonly tasks: readonly TaskSite[];
  readonly headings: readonly HeadingSite[];
  /** Which parser produced the result. */
  readonly parser: 'fast' | 'remark';
}

/** A line that might hold a checkbox at the start of a list item's paragraph. */
const CANDIDATE = /^[\s>*+\-\d.)]*\[[ \txX]\]/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])( *)/;
const TASK = /^\[([ xX])\][ \t]+\S/;
const MAYBE_TASK = /^\[[ \txX]\]/;
const ATX = /^(#{1,6})(?:[ \t]+|$)(.*)$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const SETEXT_OR_BREAK = /^(?:(?:-[ \t]*){2,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*|-[ \t]*)$/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLOCK_START_IN_ITEM = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[>#<|]|`{3}|~{3})/;

/** Scans the body of a note (lines from `from` on). `text` is the whole note, for remark. */
export function scanBlocks(lines: readonly string[], from: number, text: string): BlockScan {
  return scanFast(lines, from) ?? remarkBlocks(text);
}

/**
 * The fast scanner alone: the structure, or undefined when the file needs the full parse.
 * Exported for the differential test.
 */
export function scanFast(lines: readonly string[], from: number): BlockScan | undefined {
  let hasCandidates = false;
  for (let i = from; i < lines.length; i++) {
    if (CANDIDATE.test(lines[i]!)) {
      hasCandidates = true;
      break;
    }
  }
  const tasks: TaskSite[] = [];
  const headings: HeadingSite[] = [];
  /** Content columns of the open list items, outermost first. */
  const items: number[] = [];
  let inParagraph = false;
  let fence: { char: string; length: number } | undefined;
  // Without a checkbox anywhere, only the headings matter and a best effort is exact
  // enough; with one, anything uncertain sends the file to the full parser.
  const unsure = (): boolean => hasCandidates;

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length)
        fence = undefined;
      continue;
    }
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || /^[ \t]*$/.test(line)) {
      inParagraph = false;
      continue;
    }
    if (line[indent] === '\t') {
      if (unsure()) return undefined;
      inParagraph = true;
      continue;
    }
    const rest = line.slice(indent);
    let depth = items.length;
    while (depth > 0 && items[depth - 1]! > indent) depth--;
    const relative = indent - (depth > 0 ? items[depth - 1]! : 0);

    if (relative >= 4) {
      // Indented code, or the continuation of a paragraph: never a block start.
      if (CANDIDATE.test(line) && unsure()) return undefined;
      if (!inParagraph) items.length = depth;
      continue;
    }
    const first = rest[0]!;
    if (first === '>' || first === '<' || first === '|') {
      if (unsure()) return undefined;
      inParagraph = true;
      continue;
    }
    const fenceOpen = FENCE.exec(rest);
    if (fenceOpen) {
      const marker = fenceOpen[1]!;
      if (indent > 0 || (marker[0] === '`' && fenceOpen[2]!.includes('`'))) {
        if (unsure()) return undefined;
        continue;
      }
      fence = { char: marker[0]!, length: marker.length };
      items.length = 0;
      inParagraph = false;
      continue;
    }
    if (
      SETEXT_OR_BREAK.test(rest) ||
      (inParagraph && TABLE_DELIMITER.test(rest) && rest.includes('|'))
    ) {
      if (unsure()) return undefined;
      inParagraph = false;
      continue;
    }
    const heading = ATX.exec(rest);
    if (heading) {
      items.length = depth;
      inParagraph = false;
      headings.push({ line: i, depth: heading[1]!.length, text: headingText(heading[2]!) });
      continue;
    }
    const item = LIST_ITEM.exec(rest);
    if (item && (item[2]!.length > 0 || item[0].length === rest.length)) {
      const marker = item[1]!;
      const spaces = item[2]!.length;
      const content = rest.slice(marker.length + spaces);
      const ordered = marker.length > 1 || /\d/.test(marker);
      const emptyItem = content.trim() === '';
      const interruptsWithOddNumber = ordered && inParagraph && parseInt(marker, 10) !== 1;
      if (
        emptyItem ||
        spaces >= 5 ||
        interruptsWithOddNumber ||
        BLOCK_START_IN_ITEM.test(content)
      ) {
        if (unsure()) return undefined;
        inParagraph = true;
        continue;
      }
      items.length = depth;
      const contentColumn = indent + marker.length + spaces;
      items.push(contentColumn);
      const task = TASK.exec(content);
      if (task) {
        tasks.push({ line: i, column: contentColumn, status: task[1]! });
      } else if (MAYBE_TASK.test(content) && unsure()) {
        return undefined;
      }
      inParagraph = true;
      continue;
    }
    // Paragraph text: a new paragraph closes deeper items; a continuation keeps them.
    if (!inParagraph) items.length = depth;
    inParagraph = true;
  }
  return { tasks, headings, parser: 'fast' };
}

/** The text of an ATX heading without its closing `#`s. */
export function headingText(raw: string): string {
  return raw.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
}
