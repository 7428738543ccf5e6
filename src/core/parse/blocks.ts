/**
 * The Markdown structure a note needs: where its task-list items and headings are.
 *
 * A fast line scanner handles the shapes notes are made of: ATX headings, paragraphs,
 * nested lists (spaces or tabs), fenced code (also inside list items), indented code, HTML
 * comments and HTML blocks opened by a block-level tag, block quotes of plain text, tables
 * and thematic breaks. Whenever a file holds
 * something it cannot decide exactly as remark-parse + remark-gfm would (setext headings under
 * a task or a definition,
 * other HTML, lists or headings inside quotes, empty list items, a checkbox with nothing
 * after it, a table that may follow a list item…), it answers `undefined` and the file goes
 * to the full unified/remark parse instead. test/unit/blocks.differential.test.ts holds the
 * two to the same answers on a corpus of hard cases and on generated documents.
 *
 * Where micromark departs from the CommonMark text the scanner follows micromark: indented
 * code can only be interrupted the way a paragraph can (no empty item, no ordered item not
 * numbered 1), unless the code began on a line that closed a container.
 */
import { fullParseRefusal, remarkBlocks, type FullParseRefusal } from './remarkBlocks';
import { stripClosingHashes } from './text';

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
  /** Which parser produced the result (`loose`: the note was too large or too deep for the full parse). */
  readonly parser: 'fast' | 'remark' | 'loose';
  /** Why the full parse was not used although the note needed it. */
  readonly refusal?: FullParseRefusal;
}

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])( *)/;
const TASK = /^\[([ xX])\][ \t]+\S/;
/** A checkbox the fast path cannot decide alone: `[\t]`, nothing after it, `[` at the end… */
const MAYBE_TASK = /^\[(?:[ \txX]\]|$)/;
// No pattern may backtrack on a long line: each is anchored, and a tail is sliced off
// rather than matched with `(.*)$` (`.` stops at U+2028).
const ATX = /^(#{1,6})(?:[ \t]|$)/;
const FENCE = /^(?:`{3,}|~{3,})/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/;
/** The block-level tags that open an HTML block ending at a blank line (micromark's list). */
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** A list item inside a quote, followed by words (checked by the caller). */
const QUOTED_PLAIN_ITEM = /^(?:[-*+]|\d{1,9}[.)]) {1,4}(?=\S)/;
/** The start of a footnote definition, a container like a list item. */
const FOOTNOTE = /^\[\^[^\]]+\]:/;
/** Content on a list item's first line that opens another block inside the item. */
const BLOCK_IN_ITEM = /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[><\t]|`{3}|~{3}|\[\^)/;
/** Quoted text that opens a block (list, heading, code, HTML, quote…) inside the quote. */
const BLOCK_IN_QUOTE =
  /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[#>`~<|[\t]|=+[ \t]*$|-+[ \t]*$|[-*_][ \t]*[-*_][ \t]*[-*_])/;

/**
 * Scans the body of a note (lines from `from` on). `text` is the whole note, for remark.
 * With `full`, the fast scanner is skipped (the caller knows it cannot decide the note).
 * Notes too large or too deeply nested for the full parse are read loosely, and say so.
 */
export function scanBlocks(
  lines: readonly string[],
  from: number,
  text: string,
  full = false,
): BlockScan {
  const fast = full ? undefined : scanFast(lines, from);
  if (fast) return fast;
  let refusal = fullParseRefusal(lines, text.length);
  if (!refusal) {
    try {
      return remarkBlocks(text);
    } catch (error) {
      const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
      refusal = {
        line: 0,
        message: `the Markdown parser gave up (${reason}), so the note was read with the fast scanner only`,
      };
    }
  }
  return { ...scanLoose(lines, from), refusal };
}

const LOOSE_TASK = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+\[([ xX])\][ \t]+\S/;

/**
 * A best-effort scan for notes the full parser cannot take: task lines and ATX headings
 * outside fenced code, without the finer container rules. Linear, no recursion.
 */
function scanLoose(
  lines: readonly string[],
  from: number,
): { tasks: TaskSite[]; headings: HeadingSite[]; parser: 'loose' } {
  const tasks: TaskSite[] = [];
  const headings: HeadingSite[] = [];
  let fence: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    const marker = FENCE.exec(trimmed)?.[0];
    if (fence) {
      if (
        marker &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        trimmed.slice(marker.length).trim() === ''
      )
        fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const task = LOOSE_TASK.exec(line);
    if (task) {
      tasks.push({
        line: i,
        column: task[0].lastIndexOf('[', task[0].length - 3),
        status: task[1]!,
      });
      continue;
    }
    const heading = ATX.exec(trimmed);
    if (heading && line.length - trimmed.length < 4) {
      headings.push({
        line: i,
        depth: heading[1]!.length,
        text: headingText(trimmed.slice(heading[0].length)),
      });
    }
  }
  return { tasks, headings, parser: 'loose' };
}

/**
 * The fast scanner alone: the structure, or undefined when the file needs the full parse.
 * Exported for the differential test.
 *
 * Columns are visual (a tab in the indentation advances to the next multiple of 4, as in
 * CommonMark); `items` holds the content column of each open list item, outermost first.
 */
export function scanFast(lines: readonly string[], from: number): BlockScan | undefined {
  const tasks: TaskSite[] = [];
  const headings: HeadingSite[] = [];
  const items: number[] = [];
  let inParagraph = false;
  /** The first line of the open paragraph (a setext underline makes it a heading). */
  let paragraphStart = -1;
  /** The open paragraph is inside a block quote (so lines without `>` cannot interrupt it). */
  let quoted = false;
  /** The last line was a block quote line (a line without `>` closes the quote). */
  let quoteOpen = false;
  /**
   * Indented code is open, begun on a line that closed no container: micromark then lets
   * it be interrupted only as a paragraph can be.
   */
  let inCode = false;
  /** The open paragraph may have become a GFM table, which other rules interrupt. */
  let maybeTable = false;
  /** The line of the list item whose first line is the open paragraph's only line. */
  let itemLine = -1;
  /**
   * An open fenced code block (its fence) or HTML comment (char `<`), and how many list
   * items hold it: no block starts inside until it closes or its item ends.
   */
  let raw: { char: string; length: number; depth: number } | undefined;

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    let col = 0;
    let pos = 0;
    for (; pos < line.length; pos++) {
      const c = line.charCodeAt(pos);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    if (pos === line.length) {
      // A blank line ends an HTML block of the kind that starts with a block tag.
      if (raw?.char === 'h') raw = undefined;
      inParagraph = false;
      quoteOpen = false;
      maybeTable = false;
      continue;
    }
    const rest = line.slice(pos);
    const wasCode = inCode;
    const closesQuote = quoteOpen;
    inCode = false;
    quoteOpen = false;
    if (raw) {
      const owner = raw.depth > 0 ? items[raw.depth - 1]! : 0;
      if (col >= owner) {
        if (raw.char === '<') {
          if (rest.includes('-->')) raw = undefined;
        } else if (raw.char === 'h') {
          // Inside an HTML block: nothing starts here.
        } else {
          const close = col - owner < 4 ? FENCE_CLOSE.exec(rest) : null;
          if (close && close[1]![0] === raw.char && close[1]!.length >= raw.length) raw = undefined;
        }
        continue;
      }
      // Code and HTML take no lazy lines: a line left of the item's content ends the item.
      raw = undefined;
    }
    let depth = items.length;
    while (depth > 0 && items[depth - 1]! > col) depth--;
    const relative = col - (depth > 0 ? items[depth - 1]! : 0);
    // A block start here would interrupt the open paragraph or indented code, when every
    // open container goes on (a quote does not go on without `>`).
    const interrupting =
      depth === items.length && (wasCode || (inParagraph && !(quoted && rest[0] !== '>')));

    if (relative >= 4) {
      // Indented code, or the continuation of a paragraph: never a block start. (After a
      // table it is code, which changes what may interrupt the next line.)
      if (maybeTable) return undefined;
      if (!inParagraph) {
        inCode = depth === items.length && !closesQuote;
        items.length = depth;
      }
      continue;
    }
    const paragraphText: boolean = maybeTable;
    maybeTable = false;
    const first = rest[0]!;
    if (first === '>') {
      // A quote of plain text is a paragraph for our purposes; anything else inside it
      // (lists, headings, code) goes to the full parse.
      let gap = 1;
      while (rest.charCodeAt(gap) === 32) gap++;
      const inner = rest.slice(gap);
      if (gap > 5) return undefined;
      if (BLOCK_IN_QUOTE.test(inner)) {
        // A quoted list item of plain words holds no checkbox and no heading, so its
        // structure inside the quote does not matter here; anything else does.
        const quotedItem = QUOTED_PLAIN_ITEM.exec(inner);
        if (!quotedItem || /^[[\-*+>#<`~|]|^\d{1,9}[.)]/.test(inner.slice(quotedItem[0].length)))
          return undefined;
      }
      items.length = depth;
      if (!inParagraph) paragraphStart = i;
      inParagraph = inner !== '';
      quoted = true;
      quoteOpen = true;
      itemLine = -1;
      continue;
    }
    if (first === '<') {
      // An HTML comment runs to the line with `-->`; other HTML needs the full parse, and
      // so do the short forms `<!-->` and `<!--->`.
      if (HTML_BLOCK_TAG.test(rest)) {
        // A block-level tag (`<details>`, `<div>`…) opens HTML that runs to a blank line.
        items.length = depth;
        raw = { char: 'h', length: 0, depth };
        inParagraph = false;
        continue;
      }
      if (!rest.startsWith('<!--')) return undefined;
      const end = rest.indexOf('-->', 2);
      if (end >= 0 && end < 4) return undefined;
      items.length = depth;
      if (end < 0) raw = { char: '<', length: 0, depth };
      inParagraph = false;
      continue;
    }
    // Every pattern below is anchored: its first character is checked before it runs
    // (most lines are words, which none of them matches).
    const fence = first === '`' || first === '~' ? FENCE.exec(rest)?.[0] : undefined;
    if (fence && (fence[0] === '~' || !rest.includes('`', fence.length))) {
      items.length = depth;
      raw = { char: fence[0]!, length: fence.length, depth };
      inParagraph = false;
      continue;
    }
    if (inParagraph && (first === '=' || first === '-') && SETEXT_UNDERLINE.test(rest)) {
      // Under a paragraph of the same container it makes that paragraph a setext heading
      // (unless the paragraph is a task's, which would then not be a task: full parse).
      // A paragraph that opens with `[` may be a link reference definition, which no
      // underline turns into a heading: full parse.
      const mayBeDefinition = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?\[/.test(lines[paragraphStart]!);
      if (
        interrupting &&
        !paragraphText &&
        !quoted &&
        !mayBeDefinition &&
        tasks[tasks.length - 1]?.line !== paragraphStart
      ) {
        headings.push({
          line: paragraphStart,
          depth: rest[0] === '=' ? 1 : 2,
          text: lines[paragraphStart]!.trim(),
        });
        inParagraph = false;
        itemLine = -1;
        continue;
      }
      // A lazy line cannot underline, and `---` there is a thematic break (common right
      // after a list).
      if (interrupting || paragraphText || !THEMATIC_BREAK.test(rest)) return undefined;
    }
    if ((first === '-' || first === '*' || first === '_') && THEMATIC_BREAK.test(rest)) {
      items.length = depth;
      inParagraph = false;
      continue;
    }
    if (
      inParagraph &&
      (first === '|' || first === ':' || first === '-') &&
      TABLE_DELIMITER.test(rest) &&
      !/^-[ \t]/.test(rest)
    ) {
      // A table may start here, the line above being its header: no checkbox there then.
      if (itemLine === i - 1) return undefined;
      maybeTable = true;
      continue;
    }
    const heading = first === '#' ? ATX.exec(rest) : null;
    if (heading) {
      items.length = depth;
      inParagraph = false;
      const text = headingText(rest.slice(heading[0].length));
      headings.push({ line: i, depth: heading[1]!.length, text });
      continue;
    }
    const item =
      first === '-' || first === '*' || first === '+' || (first >= '0' && first <= '9')
        ? LIST_ITEM.exec(rest)
        : null;
    const afterMarker = item ? rest[item[0].length] : undefined;
    if (item && (item[2]!.length > 0 || afterMarker === undefined || afterMarker === '\t')) {
      const marker = item[1]!;
      const spaces = item[2]!.length;
      const content = rest.slice(marker.length + spaces);
      const emptyItem = content.trim() === '';
      // An empty item, or an ordered one not numbered 1, cannot interrupt: then the line
      // is paragraph text.
      const cannotInterrupt = emptyItem || (marker.length > 1 && marker.slice(0, -1) !== '1');
      // In a table it would start a list; in a paragraph, continue it.
      if (paragraphText && cannotInterrupt) return undefined;
      if (!interrupting || !cannotInterrupt) {
        if (emptyItem || spaces >= 5 || afterMarker === '\t') return undefined;
        if (BLOCK_IN_ITEM.test(content) || ATX.test(content) || THEMATIC_BREAK.test(content))
          return undefined;
        items.length = depth;
        items.push(col + marker.length + spaces);
        const task = TASK.exec(content);
        if (task) {
          tasks.push({ line: i, column: pos + marker.length + spaces, status: task[1]! });
        } else if (MAYBE_TASK.test(content)) {
          return undefined;
        }
        inParagraph = true;
        paragraphStart = i;
        quoted = false;
        itemLine = i;
        continue;
      }
    }
    if (first === '[' && FOOTNOTE.test(rest)) return undefined;
    // Paragraph text (or table rows): a new paragraph closes deeper items; a continuation
    // keeps them.
    maybeTable = paragraphText;
    if (!inParagraph) {
      items.length = depth;
      itemLine = -1;
      quoted = false;
      paragraphStart = i;
    }
    inParagraph = true;
  }
  return { tasks, headings, parser: 'fast' };
}

/** The text of an ATX heading without its closing `#`s (the same helper as remark's path). */
export function headingText(raw: string): string {
  return stripClosingHashes(raw);
}
