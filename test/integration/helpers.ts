import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { MentoringNotesApi } from '../../src/extension';

/** The extension's id from package.json. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** Activates the extension and waits for the first index. */
export async function api(): Promise<MentoringNotesApi> {
  const extension = vscode.extensions.getExtension<MentoringNotesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  await exports.ready();
  return exports;
}

/** A file of the fixture workspace. */
export function fixture(path: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders![0]!.uri;
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

/**
 * Resolves with `check()`'s value once it is truthy, re-checking each time `event` fires.
 * The timeout only turns a hang into a clear failure; nothing waits on a fixed delay.
 */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  event: vscode.Event<unknown>,
  timeoutMs = 15000,
): Promise<T> {
  const first = await check();
  if (first) return first;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out waiting for ${what}`))),
      timeoutMs,
    );
    const listener = event(async () => {
      const value = await check();
      if (value) finish(() => resolve(value));
    });
  });
}

/** Our diagnostics on `uri`. */
export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentoring-notes');
}

/** Our diagnostics on `uri` with rule `code`, on `line` (zero-based) when given. */
export function findings(uri: vscode.Uri, code: string, line?: number): vscode.Diagnostic[] {
  return diagnostics(uri).filter(
    (d) => d.code === code && (line === undefined || d.range.start.line === line),
  );
}
