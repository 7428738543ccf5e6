/** The status bar item: the next meeting and the overdue count; a click opens the action items. */
import * as vscode from 'vscode';
import { groupOpenItems, mentorName, mentorSchedule } from '../core';
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
    const overdue = groupOpenItems(notebook, today, settings.weekStart, settings.graceDays).get(
      'overdue',
    )!.length;
    let next: { id: string; date: string; missed: boolean } | undefined;
    for (const id of notebook.mentorIds()) {
      const s = mentorSchedule(notebook, id, today, settings.graceDays);
      if (!s.next) continue;
      const candidate = { id, date: s.next.date, missed: !!(s.missed || s.lapsed) };
      if (!next || candidate.date < next.date) next = candidate;
    }
    if (!next && overdue === 0 && [...notebook.notes()].length === 0) {
      item.hide();
      return;
    }
    const parts: string[] = [];
    if (next)
      parts.push(
        `$(${next.missed ? 'bell-dot' : 'calendar'}) ${mentorName(notebook, next.id)} ${next.missed ? 'overdue' : next.date}`,
      );
    if (overdue) parts.push(`$(warning) ${overdue}`);
    item.text = parts.join('  ') || '$(checklist) Mentoring';
    item.tooltip = [
      next
        ? `Next meeting: ${mentorName(notebook, next.id)}, ${next.date}${next.missed ? ' (passed; nothing logged since)' : ''}`
        : 'No next meeting agreed',
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
