/**
 * The composition root: builds the adapters, the notebook service and every feature, and
 * ties their lifetimes to the extension context. No logic lives here.
 */
import * as vscode from 'vscode';
import { dateProblem, systemClock, type Clock, type Notebook } from './core';
import { registerMarkDone } from './features/commands/markDone';
import { registerNewGoal } from './features/commands/newGoal';
import { registerNewMentor } from './features/commands/newMentor';
import { registerNewSession } from './features/commands/newSession';
import { registerNewReview } from './features/commands/newReview';
import { registerOpenExample } from './features/commands/openExample';
import { registerPrepareNextMeeting } from './features/commands/prepareNextMeeting';
import { registerExportMeeting } from './features/commands/exportMeeting';
import { registerRefresh } from './features/commands/refresh';
import { registerReschedule } from './features/commands/reschedule';
import { ActionItemsProvider, registerActionItemsView } from './features/actionItemsView';
import type { FeatureDeps } from './features/deps';
import { registerDiagnostics } from './features/diagnostics';
import { GoalsProvider, registerGoalsView } from './features/goalsView';
import { registerQuickFixes } from './features/quickFixes';
import { registerReport } from './features/report';
import { registerSessionsView, SessionsProvider } from './features/sessionsView';
import { registerScanProgress } from './features/scanProgress';
import { registerStatusBar } from './features/statusBar';
import { DayClock } from './vscode/clock';
import { readSettings } from './vscode/config';
import { localDisk } from './vscode/localDisk';
import { createLogger } from './vscode/logger';
import { NotebookService } from './vscode/notebookService';

/** What the extension exports to tests and to other extensions. */
export interface MentoringNotesApi {
  /** How long `activate` took (the workspace is indexed afterwards, in the background). */
  readonly activationMs: number;
  /** The live notebook. */
  readonly notebook: Notebook;
  /** Resolves when the workspace has been indexed. */
  ready(): Promise<void>;
  /** Fires when every change so far has been handed to the editor as diagnostics. */
  readonly onDidUpdateDiagnostics: vscode.Event<void>;
  readonly views: {
    readonly actionItems: ActionItemsProvider;
    readonly goals: GoalsProvider;
    readonly sessions: SessionsProvider;
  };
}

/** Activates Mentoring Notes (Node and web extension hosts alike). */
export function activate(context: vscode.ExtensionContext): MentoringNotesApi {
  const started = performance.now();
  const logger = createLogger();
  const settingsChanged = new vscode.EventEmitter<void>();
  const settingsClock: Clock = {
    // `mentoringNotes.today` pins the date for demos and tests.
    today: () => {
      const pinned = vscode.workspace
        .getConfiguration('mentoringNotes')
        .get<string>('today')
        ?.trim();
      return pinned && !dateProblem(pinned) ? pinned : systemClock.today();
    },
  };
  const clock = new DayClock(settingsClock);
  const service = new NotebookService(
    () => readSettings().include,
    logger,
    context.storageUri,
    localDisk(),
  );
  const deps: FeatureDeps = {
    service,
    clock,
    // New notes go to the first folder, so its (resource-scoped) settings are the ones read.
    settings: () => readSettings(vscode.workspace.workspaceFolders?.[0]?.uri),
    onDidChangeSettings: settingsChanged.event,
    logger,
  };
  const actionItems = new ActionItemsProvider(deps);
  const goals = new GoalsProvider(deps);
  const sessions = new SessionsProvider(deps);
  const diagnostics = registerDiagnostics(deps);

  context.subscriptions.push(
    logger,
    settingsChanged,
    clock,
    service,
    diagnostics,
    registerQuickFixes(deps, diagnostics),
    registerGoalsView(deps, goals),
    registerActionItemsView(deps, actionItems),
    registerSessionsView(deps, sessions),
    registerStatusBar(deps),
    registerScanProgress(deps, [
      'mentoringNotes.goals',
      'mentoringNotes.actionItems',
      'mentoringNotes.sessions',
    ]),
    registerPrepareNextMeeting(deps),
    registerReport(deps),
    registerExportMeeting(deps),
    registerNewGoal(deps),
    registerNewMentor(deps),
    registerNewSession(deps),
    registerNewReview(deps),
    registerMarkDone(deps),
    registerReschedule(deps),
    registerRefresh(deps),
    registerOpenExample(context.extensionUri),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('mentoringNotes.include') ||
        e.affectsConfiguration('files.exclude')
      ) {
        void service.reload();
      }
      if (e.affectsConfiguration('mentoringNotes')) {
        // The pinned date may have moved: let the clock notice before features re-read it.
        clock.today();
        settingsChanged.fire();
      }
    }),
  );
  void service.start();
  const activationMs = performance.now() - started;
  logger.info(`Activated in ${activationMs.toFixed(1)} ms; indexing in the background.`);
  return {
    activationMs,
    notebook: service.notebook,
    ready: () => service.ready(),
    onDidUpdateDiagnostics: diagnostics.onDidUpdate,
    views: { actionItems, goals, sessions },
  };
}

/** Nothing to do: every registration is disposed through the context. */
export function deactivate(): void {}
