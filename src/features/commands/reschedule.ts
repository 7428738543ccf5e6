/** `mentoringNotes.reschedule`: move an action item's due date. */
import * as vscode from 'vscode';
import { dateProblem, plusDays, startOfWeek, type LocalDate } from '../../core';
import { setItemDue } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { itemTarget } from '../target';

/**
 * Registers the command. Args: `{ uri, line, date? }` or a tree node. Without a date it
 * offers tomorrow, next week, next Monday or a date typed in. Returns the new date.
 */
export function registerReschedule(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.reschedule',
    async (arg?: unknown): Promise<LocalDate | undefined> => {
      const target = itemTarget(arg);
      if (!target) {
        void vscode.window.showInformationMessage(
          'Put the cursor on an action item, or pick one in the Action items view.',
        );
        return undefined;
      }
      const given = (arg as { date?: unknown } | undefined)?.date;
      const date =
        typeof given === 'string'
          ? given
          : await pickDate(deps.clock.today(), deps.settings().weekStart);
      if (!date) return undefined;
      const problem = dateProblem(date);
      if (problem) throw new Error(`Cannot reschedule: ${problem}.`);
      if (!(await setItemDue(target.uri, target.line, date, target.item))) {
        void vscode.window.showInformationMessage(
          target.item
            ? 'That action item is no longer on its line: the view is being redrawn, try again.'
            : 'There is no action item on that line.',
        );
        return undefined;
      }
      await deps.service.refreshFile(target.uri);
      return date;
    },
  );
}

/** Asks for a new due date. */
export async function pickDate(
  today: LocalDate,
  weekStart: number,
): Promise<LocalDate | undefined> {
  const nextWeekStart = plusDays(startOfWeek(today, weekStart), 7);
  const choices: (vscode.QuickPickItem & { date?: LocalDate })[] = [
    { label: 'Tomorrow', description: plusDays(today, 1), date: plusDays(today, 1) },
    { label: 'In a week', description: plusDays(today, 7), date: plusDays(today, 7) },
    { label: 'Start of next week', description: nextWeekStart, date: nextWeekStart },
    { label: 'In two weeks', description: plusDays(today, 14), date: plusDays(today, 14) },
    { label: 'Pick a date…' },
  ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: 'Reschedule to',
    placeHolder: 'New due date',
  });
  if (!picked) return undefined;
  if (picked.date) return picked.date;
  const typed = await vscode.window.showInputBox({
    title: 'New due date',
    value: plusDays(today, 1),
    prompt: 'YYYY-MM-DD',
    validateInput: (v) => dateProblem(v.trim()),
  });
  return typed?.trim();
}
