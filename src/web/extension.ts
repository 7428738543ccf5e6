/**
 * The web entry point (vscode.dev, github.dev). The same composition root serves both
 * hosts; the web build swaps `src/vscode/localDisk.ts` for `src/web/localDisk.ts`, so on the
 * web every file goes through `vscode.workspace.fs`.
 */
export { activate, deactivate } from '../extension';
