/**
 * Quick fixes for the notebook's diagnostics: mark done, reschedule (+1 day, +1 week, a
 * date of your choice), add a due date to an undated item, create a missing goal, and
 * prepare the missed meeting. Edits are WorkspaceEdits, so they are undoable.
 */
import * as vscode from 'vscode';
import { parseText, plusDays, type ActionItem } from '../core';
import { DIAGNOSTIC_SOURCE } from '../vscode/convert';
import { addMarkDone, addSetDue } from '../vscode/edits';
import type { FeatureDeps } from './deps';
import type { DiagnosticsFeature } from './diagnostics';

/** Registers the code action provider for Markdown. */
export function registerQuickFixes(
  deps: FeatureDeps,
  published: DiagnosticsFeature,
): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const actions: vscode.CodeAction[] = [];
      const today = deps.clock.today();
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      let items: readonly ActionItem[] | undefined;
      const itemOn = (line: number): ActionItem | undefined => {
        items ??= parseText(document.uri.toString(), document.getText()).note?.actionItems ?? [];
        return items.find((i) => i.line === line);
      };

      for (const diagnostic of ours) {
        const code = String(diagnostic.code);
        if (code === 'overdue-action-item') {
          const item = itemOn(diagnostic.range.start.line);
          if (!item) continue;
          actions.push(markDone(document, item, today, diagnostic));
          for (const [label, date] of [
            ['tomorrow', plusDays(today, 1)],
            ['a week from today', plusDays(today, 7)],
          ] as const) {
            actions.push(
              setDue(document, item, date, `Reschedule to ${label} (${date})`, diagnostic),
            );
          }
          actions.push(
            command(
              'Reschedule to a date…',
              'mentoringNotes.reschedule',
              { uri: document.uri, line: item.line },
              diagnostic,
            ),
          );
        } else if (code === 'unknown-goal') {
          // The finding knows the id (`[[goals/x.md|X]]` → `x`); the text may not.
          const goal = published
            .findings(document.uri.toString())
            .find(
              (f) =>
                f.code === 'unknown-goal' &&
                f.range.start.line === diagnostic.range.start.line &&
                f.range.start.character === diagnostic.range.start.character,
            )?.data?.goal;
          if (typeof goal === 'string' && goal)
            actions.push(
              command(`Create goal "${goal}"`, 'mentoringNotes.newGoal', { id: goal }, diagnostic),
            );
        } else if (code === 'missed-meeting' || code === 'cadence-lapsed') {
          actions.push(
            command(
              'Prepare the next meeting',
              'mentoringNotes.prepareNextMeeting',
              {},
              diagnostic,
            ),
          );
        }
      }

      // Not tied to a diagnostic: an open item without a due date on the cursor's line.
      const item = itemOn(range.start.line);
      if (item && !item.done && !item.due) {
        for (const [label, date] of [
          ['tomorrow', plusDays(today, 1)],
          ['a week from today', plusDays(today, 7)],
        ] as const) {
          actions.push(setDue(document, item, date, `Add a due date: ${label} (${date})`));
        }
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

function markDone(
  document: vscode.TextDocument,
  item: ActionItem,
  today: string,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction('Mark done', vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  addMarkDone(action.edit, document, item, today);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

function setDue(
  document: vscode.TextDocument,
  item: ActionItem,
  date: string,
  title: string,
  diagnostic?: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  addSetDue(action.edit, document, item, date);
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

function command(
  title: string,
  id: string,
  arg: unknown,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command: id, title, arguments: [arg] };
  action.diagnostics = [diagnostic];
  return action;
}
