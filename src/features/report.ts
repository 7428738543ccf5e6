/**
 * The progress report: `mentoringNotes.showReport` opens it in a webview with charts (kept
 * current as notes change while it is visible), `mentoringNotes.reportAsMarkdown` opens it
 * as a new, unsaved Markdown document to paste or save where the user wants. Neither writes
 * a file. The webview runs no script (see core/report/reportPage.ts).
 */
import * as vscode from 'vscode';
import {
  buildProgressReport,
  dateProblem,
  defaultReportStart,
  mentorName,
  plusDays,
  plusMonths,
  renderReportMarkdown,
  renderReportPage,
  type LocalDate,
  type ProgressReport,
} from '../core';
import type { FeatureDeps } from './deps';
import { ALL_MENTORS, pickMentor } from './pickMentor';

/** Arguments for keybindings, tests and other extensions. */
export interface ReportArgs {
  /** The mentor's id; `null` for every mentor; omitted: ask. */
  readonly mentor?: string | null;
  /** First day of the period (`YYYY-MM-DD`); by default three months back. */
  readonly from?: LocalDate;
}

/** What a report is about: the mentor (undefined: everyone) and the period's first day. */
interface ReportScope {
  readonly mentorId?: string;
  readonly from?: LocalDate;
}

const VIEW_TYPE = 'mentoringNotes.report';

/** Registers both commands and the panel's upkeep. */
export function registerReport(deps: FeatureDeps): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let shown: ReportScope = {};
  let pending: ReturnType<typeof setTimeout> | undefined;

  const build = (scope: ReportScope): ProgressReport =>
    buildProgressReport(deps.service.notebook, deps.clock.today(), {
      ...scope,
      graceDays: deps.settings().graceDays,
    });
  const draw = (): string => {
    const html = renderReportPage(build(shown));
    // Setting the same page again would reload it and lose the reader's place.
    if (panel && panel.webview.html !== html) {
      panel.webview.html = html;
      panel.title = titleOf(deps, shown);
    }
    return html;
  };
  // Notes change in bursts (a save, a branch switch): redraw once the burst is over, and
  // only while the report is visible; a hidden one is redrawn when shown again.
  let stale = false;
  const later = (): void => {
    if (!panel?.visible) {
      stale = true;
      return;
    }
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      draw();
    }, 300);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(
      'mentoringNotes.showReport',
      async (args?: ReportArgs): Promise<string | undefined> => {
        const scope = await scopeOf(deps, args);
        if (!scope) return undefined;
        shown = scope;
        if (!panel) {
          panel = vscode.window.createWebviewPanel(
            VIEW_TYPE,
            titleOf(deps, scope),
            { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
            // No script, no local files: the page is text and inline SVG only.
            { enableScripts: false, localResourceRoots: [] },
          );
          panel.onDidDispose(() => {
            panel = undefined;
            if (pending) clearTimeout(pending);
          });
          panel.onDidChangeViewState(() => {
            if (panel?.visible && stale) {
              stale = false;
              draw();
            }
          });
        } else {
          panel.reveal();
        }
        return draw();
      },
    ),
    vscode.commands.registerCommand(
      'mentoringNotes.reportAsMarkdown',
      async (args?: unknown): Promise<vscode.Uri | undefined> => {
        // From the report's title bar (the editor passes the panel's own resource, not
        // report arguments): the report on show, period and all.
        const scope =
          !isReportArgs(args) && panel?.active ? shown : await scopeOf(deps, reportArgs(args));
        if (!scope) return undefined;
        const doc = await vscode.workspace.openTextDocument({
          language: 'markdown',
          content: renderReportMarkdown(build(scope)),
        });
        await vscode.window.showTextDocument(doc, { preview: false });
        return doc.uri;
      },
    ),
    vscode.commands.registerCommand(
      'mentoringNotes.changeReportPeriod',
      async (args?: { readonly from?: LocalDate }): Promise<string | undefined> => {
        if (!panel) return undefined;
        if (args?.from !== undefined) checkFrom(deps, args.from);
        const from = args?.from ?? (await pickPeriod(deps, shown));
        if (from === undefined) return undefined;
        shown = { ...shown, from };
        return draw();
      },
    ),
    deps.service.onDidChange(later),
    { dispose: () => panel?.dispose() },
  );
}

/** True for `{ mentor }` or `{ from }`: arguments meant for the report commands. */
function isReportArgs(args: unknown): args is ReportArgs {
  return (
    typeof args === 'object' &&
    args !== null &&
    !(args instanceof vscode.Uri) &&
    ('mentor' in args || 'from' in args)
  );
}

function reportArgs(args: unknown): ReportArgs | undefined {
  return isReportArgs(args) ? args : undefined;
}

/** Refuses a first day that is not a date, or comes after today. */
function checkFrom(deps: FeatureDeps, from: LocalDate): void {
  const problem = dateProblem(from);
  if (problem) throw new Error(`from: ${problem}`);
  if (from > deps.clock.today())
    throw new Error(`from: ${from} is after today (${deps.clock.today()})`);
}

async function scopeOf(deps: FeatureDeps, args?: ReportArgs): Promise<ReportScope | undefined> {
  await deps.service.ready();
  if (args?.from !== undefined) checkFrom(deps, args.from);
  let mentor: string | typeof ALL_MENTORS | undefined;
  if (args?.mentor === null) mentor = ALL_MENTORS;
  else
    mentor =
      args?.mentor ??
      (await pickMentor(deps, deps.clock.today(), 'Progress report for…', {
        label: 'All mentors',
      }));
  if (mentor === undefined) return undefined;
  return {
    ...(mentor !== ALL_MENTORS && { mentorId: mentor }),
    ...(args?.from && { from: args.from }),
  };
}

function titleOf(deps: FeatureDeps, scope: ReportScope): string {
  return scope.mentorId === undefined
    ? 'Progress Report'
    : `Progress: ${mentorName(deps.service.notebook, scope.mentorId)}`;
}

/** Asks for the report's period; resolves to its first day (undefined when cancelled). */
async function pickPeriod(deps: FeatureDeps, scope: ReportScope): Promise<LocalDate | undefined> {
  const today = deps.clock.today();
  const current = scope.from ?? defaultReportStart(today);
  const choices: { label: string; from: LocalDate }[] = [];
  const last =
    scope.mentorId !== undefined
      ? deps.service.notebook.latestSession(scope.mentorId, today)?.date?.value
      : undefined;
  // The day after the last meeting: what happened since then.
  if (last && last < today)
    choices.push({ label: 'Since the last session', from: plusDays(last, 1) });
  for (const months of [1, 3, 6, 12])
    choices.push({
      label: months === 1 ? 'Last month' : `Last ${months} months`,
      from: plusDays(plusMonths(today, -months), 1),
    });
  choices.push({ label: 'This year', from: `${today.slice(0, 4)}-01-01` });
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({
      ...c,
      description: `${c.from} to ${today}${c.from === current ? ' · shown now' : ''}`,
    })),
    { title: 'Report on the period…' },
  );
  return picked?.from;
}
