/** What every feature is given by the composition root. */
import type * as vscode from 'vscode';
import type { DayClock } from '../vscode/clock';
import type { NotebookSettings } from '../vscode/config';
import type { Logger } from '../vscode/logger';
import type { NotebookService } from '../vscode/notebookService';

/** Shared services. */
export interface FeatureDeps {
  readonly service: NotebookService;
  readonly clock: DayClock;
  readonly settings: () => NotebookSettings;
  /** Fires when the extension's settings change. */
  readonly onDidChangeSettings: vscode.Event<void>;
  readonly logger: Logger;
}
