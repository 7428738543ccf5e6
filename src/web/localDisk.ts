/**
 * The web build's stand-in for `src/vscode/localDisk.ts` (esbuild substitutes it): an
 * extension on the web has no local disk, so every file goes through `vscode.workspace.fs`.
 */
import type { LocalDisk } from '../vscode/notebookService';

/** No local disk on the web. */
export function localDisk(): LocalDisk | undefined {
  return undefined;
}
