/**
 * The web entry point (vscode.dev, github.dev). The extension touches files only through
 * `vscode.workspace.fs`, so the same composition root serves both hosts.
 */
export { activate, deactivate } from '../extension';
