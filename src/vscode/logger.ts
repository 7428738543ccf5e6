/** The extension's log: an output channel. */
import * as vscode from 'vscode';

/** A small logging port. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A logger over a LogOutputChannel named "Mentoring Notes". */
export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Mentoring Notes', { log: true });
  return {
    info: (m) => channel.info(m),
    error: (m, e) =>
      channel.error(`${m}${e ? `: ${e instanceof Error ? e.message : String(e)}` : ''}`),
    dispose: () => channel.dispose(),
  };
}
