/** `mentoringNotes.refresh`: scan the workspace again. */
import * as vscode from 'vscode';
import type { FeatureDeps } from '../deps';

/** Registers the command; returns the number of files indexed. */
export function registerRefresh(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand('mentoringNotes.refresh', async (): Promise<number> => {
    await deps.service.reload();
    return deps.service.index.size;
  });
}
