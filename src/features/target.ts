/** Reading the arguments commands accept from trees, quick fixes, keybindings and other extensions. */
import * as vscode from 'vscode';
import type { FeatureDeps } from './deps';
import type { ActionItem } from '../core';

/** Where an action item lives. */
export interface ItemTarget {
  readonly uri: vscode.Uri;
  /** Zero-based line. */
  readonly line: number;
  /** The item a tree row showed there, when the target came from one. */
  readonly item?: ActionItem;
}

/**
 * Accepts `{ uri, line }` (uri as Uri or string, line zero-based), a tree node holding an
 * `item`, or nothing (then the cursor's line in the active Markdown editor).
 */
export function itemTarget(arg: unknown): ItemTarget | undefined {
  if (arg && typeof arg === 'object') {
    const a = arg as { uri?: unknown; line?: unknown; item?: ActionItem };
    if (a.item && typeof a.item.uri === 'string')
      return { uri: vscode.Uri.parse(a.item.uri), line: a.item.line, item: a.item };
    if (typeof a.line === 'number' && (typeof a.uri === 'string' || a.uri instanceof vscode.Uri)) {
      return { uri: typeof a.uri === 'string' ? vscode.Uri.parse(a.uri) : a.uri, line: a.line };
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown')
    return { uri: editor.document.uri, line: editor.selection.active.line };
  return undefined;
}

/**
 * Where new notes go: the notebook folder inside the first workspace folder. Without an
 * open folder, tells the user and returns undefined.
 */
export function notebookRoot(folder: string): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) {
    void vscode.window.showWarningMessage('Open a folder for your mentoring notes first.');
    return undefined;
  }
  return folder ? vscode.Uri.joinPath(root, ...folder.split('/')) : root;
}

/**
 * Opens a note the extension just created with the cursor where the user writes first,
 * and indexes it at once (without waiting for the file watcher).
 */
export async function showCreated(
  deps: FeatureDeps,
  uri: vscode.Uri,
  line: number,
  character: number,
): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(
    new vscode.Range(position, position),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
  await deps.service.refreshFile(uri);
}
