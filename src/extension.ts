import * as vscode from 'vscode';

/** Activates Mentoring Notes (Node extension host). */
export function activate(_context: vscode.ExtensionContext): void {}

/** Nothing to do: every registration is disposed through the context. */
export function deactivate(): void {}
