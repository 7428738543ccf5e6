/** The status bar item: the next meeting and the overdue count; a click opens the action items. */
import * as vscode from 'vscode';
import { countOverdue, mentorName, mentorSchedule } from '../core';
import type { FeatureDeps } from './deps';

/** Registers the status bar item. */
export function registerStatusBar(deps: FeatureDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    'mentoringNotes.status',
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = 'Mentoring Notes';
  item.command = 'mentoringNotes.actionItems.focus';

  const update = (): void => {
    const notebook = deps.service.notebook;
    const settings = deps.settings();
    const today = deps.clock.today();
    const overdue = countOverdue(notebook, today, settings.graceDays);
    // The next meeting still ahead, and separately any agreed meeting that was missed.
    let next: { id: string; date: string } | undefined;
    const missed: string[] = [];
    // A lapsed cadence is not a missed meeting: nothing was agreed, it is just overdue.
    const lapsed: string[] = [];
    for (const id of notebook.mentorIds()) {
      const s = mentorSchedule(notebook, id, today, settings.graceDays);
      if (s.missed) missed.push(mentorName(notebook, id));
      else if (s.lapsed) lapsed.push(mentorName(notebook, id));
      else if (s.next && s.next.date >= today && (!next || s.next.date < next.date))
        next = { id, date: s.next.date };
    }
    if (
      !next &&
      missed.length === 0 &&
      lapsed.length === 0 &&
      overdue === 0 &&
      notebook.notes()[Symbol.iterator]().next().done === true
    ) {
      item.hide();
      return;
    }
    const parts: string[] = [];
    if (next)
      parts.push(
        `$(calendar) ${mentorName(notebook, next.id)} ${next.date === today ? 'today' : next.date}`,
      );
    if (missed.length)
      parts.push(
        `$(bell-dot) ${missed.length === 1 ? `${missed[0]} missed` : `${missed.length} missed`}`,
      );
    if (lapsed.length)
      parts.push(
        `$(bell-dot) ${lapsed.length === 1 ? `${lapsed[0]} due` : `${lapsed.length} meetings due`}`,
      );
    if (overdue) parts.push(`${overdue} overdue`);
    item.text = parts.join('  ') || '$(checklist) Mentoring';
    item.tooltip = [
      next
        ? `Next meeting: ${mentorName(notebook, next.id)}, ${next.date}`
        : 'No upcoming meeting agreed',
      ...(missed.length ? [`Missed, nothing logged since: ${missed.join(', ')}`] : []),
      ...(lapsed.length
        ? [`Longer than the agreed cadence, nothing planned: ${lapsed.join(', ')}`]
        : []),
      `${overdue} overdue action item${overdue === 1 ? '' : 's'}`,
      'Click to open the action items',
    ].join('\n');
    item.backgroundColor = overdue
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
    item.show();
  };

  void deps.service.ready().then(update);
  return vscode.Disposable.from(
    item,
    deps.service.onDidChange(update),
    deps.clock.onDidChangeDay(update),
    deps.onDidChangeSettings(update),
  );
}
