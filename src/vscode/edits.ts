/**
 * Every change the extension makes to notes goes through here, as a WorkspaceEdit: it is
 * undoable, it applies on top of unsaved text, and new notes never overwrite a file.
 * A note that had no unsaved changes is saved after the edit, so the change lands on
 * disk; one with unsaved changes is left for the user to save.
 */
import * as vscode from 'vscode';
import {
  blockIdStart,
  nextOccurrence,
  parseRecurrence,
  parseText,
  type ActionItem,
  type LocalDate,
} from '../core';
import { toRange } from './convert';

/** The action item on `line` of `uri`, read from the document as it is now (unsaved text included). */
export async function itemAt(
  uri: vscode.Uri,
  line: number,
): Promise<{ doc: vscode.TextDocument; item: ActionItem } | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const item = parseText(uri.toString(), doc.getText()).note?.actionItems.find(
    (i) => i.line === line,
  );
  return item ? { doc, item } : undefined;
}

/**
 * Marks the item on `line` done today: `[x]` and a `✅` date, and the next occurrence of
 * a recurring item above it. Undefined when there is no open item there (or the edit
 * failed); else what {@link addMarkDone} added.
 */
export async function markItemDone(
  uri: vscode.Uri,
  line: number,
  today: LocalDate,
  expected?: ActionItem,
): Promise<MarkedDone | undefined> {
  const found = await itemAt(uri, line);
  if (!found || found.item.done || !isExpected(found.item, expected)) return undefined;
  // A row already marked done, asked again before the view redrew (a double click): its
  // line now holds the next occurrence, which may read exactly as the row's item did (a
  // recurring item with no date to move), and is left alone.
  if (expected && markedRows.has(expected)) return undefined;
  const edit = new vscode.WorkspaceEdit();
  const added = addMarkDone(edit, found.doc, found.item, today);
  // Recorded before the edit is applied (and the note saved): a second click while that
  // runs is refused too.
  if (expected) markedRows.add(expected);
  if (await apply(found.doc, edit)) return added;
  if (expected) markedRows.delete(expected);
  return undefined;
}

/**
 * The items of tree rows marked done. A redrawn row holds a new item object (the note is
 * read again), so only a stale row is refused; a weak set holds nothing alive.
 */
const markedRows = new WeakSet<ActionItem>();

/**
 * Adds to `edit` the change that marks `item` done: `[x]`, and `✅ today` unless a done
 * date is written. A recurring item (`🔁 every week`) gets its next occurrence on a new
 * line above it, as Obsidian Tasks does. Returns that occurrence's due date, if any.
 */
export function addMarkDone(
  edit: vscode.WorkspaceEdit,
  doc: vscode.TextDocument,
  item: ActionItem,
  today: LocalDate,
): MarkedDone {
  const line = doc.lineAt(item.line);
  const next = nextOccurrence(item, line.text, today);
  if (next) {
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    edit.insert(doc.uri, line.range.start, `${next.line}${eol}`);
  }
  edit.replace(doc.uri, toRange(item.checkboxRange), '[x]');
  if (!item.doneDate) edit.insert(doc.uri, endOfContent(doc, item.line), ` ✅ ${today}`);
  if (next) return { next };
  if (!item.recurrence) return {};
  // A rule that reads but gives no next date has run its course (`until` passed).
  return parseRecurrence(item.recurrence) ? { ended: true } : { unreadRule: item.recurrence };
}

/** What marking an item done added besides the tick. */
export interface MarkedDone {
  /** The next occurrence of a recurring item, added above it. */
  readonly next?: { readonly due?: LocalDate };
  /** The recurrence rule that could not be read (no next occurrence was added). */
  readonly unreadRule?: string;
  /** The item was the last of its series (its rule gives no date after it). */
  readonly ended?: boolean;
}

/** Adds to `edit` the change that sets `item`'s due date (replacing it, or appending `📅 date`). */
export function addSetDue(
  edit: vscode.WorkspaceEdit,
  doc: vscode.TextDocument,
  item: ActionItem,
  due: LocalDate,
): void {
  if (item.due) edit.replace(doc.uri, toRange(item.dueRange!), due);
  else edit.insert(doc.uri, endOfContent(doc, item.line), ` 📅 ${due}`);
}

/**
 * True when `item` is the one a tree row showed (`expected`), or no row is involved. A
 * row names the item it shows: if its line holds another one by now (lines added above
 * it, the next occurrence of a recurring item), that one is left alone.
 */
function isExpected(item: ActionItem, expected: ActionItem | undefined): boolean {
  return !expected || (item.text === expected.text && item.due === expected.due);
}

/** Sets the due date of the item on `line`, replacing the one written or adding `📅 date`. */
export async function setItemDue(
  uri: vscode.Uri,
  line: number,
  due: LocalDate,
  expected?: ActionItem,
): Promise<boolean> {
  const found = await itemAt(uri, line);
  if (!found || !isExpected(found.item, expected)) return false;
  const edit = new vscode.WorkspaceEdit();
  addSetDue(edit, found.doc, found.item, due);
  return apply(found.doc, edit);
}

/**
 * Creates a note with `content`. Never overwrites: when `uri` exists, `-2`, `-3`, … is
 * added to the name. Returns the URI actually created.
 */
export async function createNote(uri: vscode.Uri, content: string): Promise<vscode.Uri> {
  const target = await freeName(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, {
    overwrite: false,
    ignoreIfExists: false,
    contents: new TextEncoder().encode(content),
  });
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(`Could not create ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

/** `uri`, or the first `name-N.ext` beside it (`name-N.md`, `name-N.ics`) that does not exist. */
export async function freeName(uri: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; n < 1000; n++) {
    const candidate =
      n === 1 ? uri : uri.with({ path: uri.path.replace(/(\.[^./]+)?$/, `-${n}$1`) });
    if (!(await exists(candidate))) return candidate;
  }
  throw new Error(`No free file name near ${uri.path}.`);
}

/** True when something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function apply(doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): Promise<boolean> {
  const wasDirty = doc.isDirty;
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && !wasDirty) await doc.save();
  return ok;
}

/** Where a field is added to a task line: at its end, before a block id (`^abc`), which has to end it. */
function endOfContent(doc: vscode.TextDocument, line: number): vscode.Position {
  const content = doc.lineAt(line).text.trimEnd();
  const id = blockIdStart(content);
  return new vscode.Position(line, id < 0 ? content.length : id);
}
