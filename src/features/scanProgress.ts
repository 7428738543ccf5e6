/**
 * Shows that the notebook is being indexed: a spinner in the status bar and a progress
 * bar on each Mentoring view while a scan runs (seconds for a shared notebook of tens of
 * thousands of notes, during which the views still show the previous scan or nothing).
 * While nothing has been read yet, the context key `mentoringNotes.ready` is false, so
 * the views say they are reading the notes instead of offering to create a first goal.
 */
import * as vscode from 'vscode';
import type { FeatureDeps } from './deps';

/** Shows progress for every scan the service starts, on the window and on `viewIds`. */
export function registerScanProgress(
  deps: FeatureDeps,
  viewIds: readonly string[],
): vscode.Disposable {
  const setReady = (ready: boolean): void => {
    Promise.resolve(
      vscode.commands.executeCommand('setContext', 'mentoringNotes.ready', ready),
    ).catch((error: unknown) => deps.logger.error('Could not set mentoringNotes.ready', error));
  };
  setReady(false);
  let latest: Promise<void> | undefined;
  return deps.service.onDidStartScan((done) => {
    latest = done;
    // Nothing to show yet (the first scan, a folder added to an empty window): say so until
    // this scan is done. A later scan keeps the views on what the last one found.
    if (deps.service.index.size === 0) setReady(false);
    // Only the newest scan counts: one replaced by a newer one settles early.
    void done.then(() => {
      if (latest === done) setReady(true);
    });
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Indexing mentoring notes' },
      () => done,
    );
    for (const viewId of viewIds)
      void vscode.window.withProgress({ location: { viewId } }, () => done);
  });
}
