/**
 * Shows that the notebook is being indexed: a spinner in the status bar and a progress
 * bar on each Mentoring view while a scan runs (seconds for a shared notebook of tens of
 * thousands of notes, during which the views still show the previous scan or nothing).
 * Until the first scan is done, the context key `mentoringNotes.ready` is unset, so the
 * views say they are reading the notes instead of offering to create a first goal.
 */
import * as vscode from 'vscode';
import type { FeatureDeps } from './deps';

/** Shows progress for every scan the service starts, on the window and on `viewIds`. */
export function registerScanProgress(
  deps: FeatureDeps,
  viewIds: readonly string[],
): vscode.Disposable {
  return deps.service.onDidStartScan((done) => {
    void done.then(() =>
      vscode.commands.executeCommand('setContext', 'mentoringNotes.ready', true),
    );
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Indexing mentoring notes' },
      () => done,
    );
    for (const viewId of viewIds)
      void vscode.window.withProgress({ location: { viewId } }, () => done);
  });
}
