/** `mentoringNotes.newSession`: create an empty session log for a date and mentor. */
import * as vscode from 'vscode';
import { dateProblem, mentorName, sessionPath, yamlScalar, type LocalDate } from '../../core';
import { createNote } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { notebookRoot, showCreated } from '../target';

/** Arguments for keybindings and other extensions. */
export interface NewSessionArgs {
  readonly mentor?: string;
  readonly date?: LocalDate;
}

/** Registers the command; resolves to the new note's Uri. */
export function registerNewSession(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.newSession',
    async (args?: NewSessionArgs): Promise<vscode.Uri | undefined> => {
      const settings = deps.settings();
      const root = notebookRoot(settings.notebookFolder);
      if (!root) return undefined;
      const date = args?.date ?? deps.clock.today();
      if (dateProblem(date)) throw new Error(`date: ${dateProblem(date)}`);
      let mentor = args?.mentor;
      if (mentor === undefined) {
        const ids = [...deps.service.notebook.mentorIds()].sort();
        if (ids.length > 0) {
          const picked = await vscode.window.showQuickPick(
            ids.map((id) => ({ label: mentorName(deps.service.notebook, id), id })),
            { title: 'Session with…' },
          );
          if (!picked) return undefined;
          mentor = picked.id;
        } else mentor = '';
      }
      const target = vscode.Uri.joinPath(
        root,
        ...sessionPath(settings.sessionFileName, date, mentor).split('/'),
      );
      const lines = [
        '---',
        'type: session',
        `date: ${date}`,
        ...(mentor ? [`mentor: ${yamlScalar(mentor)}`] : []),
        'goals: []',
        'next: ',
        '---',
        '',
        '## Agenda',
        '',
        '- ',
        '',
        '## Notes',
        '',
        '## Feedback',
        '',
        // Left empty: a note left as it was is reported once its date passes
        // (session-not-logged), which an empty task line would hide.
        '## Action items',
        '',
      ];
      const created = await createNote(target, lines.join('\n'));
      await showCreated(deps, created, lines.indexOf('- '), 2);
      return created;
    },
  );
}
