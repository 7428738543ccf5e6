/** `mentoringNotes.newGoal`: create a goal note from the template. */
import * as vscode from 'vscode';
import { fileStem, freeId, plusMonths, safeFileName, slug, yamlScalar } from '../../core';
import { createNote, freeName } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { notebookRoot, showCreated } from '../target';

/** Arguments for quick fixes, keybindings and other extensions. */
export interface NewGoalArgs {
  readonly id?: string;
  readonly title?: string;
  readonly mentor?: string;
}

/** Registers the command; resolves to the new note's Uri. */
export function registerNewGoal(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.newGoal',
    async (args?: NewGoalArgs): Promise<vscode.Uri | undefined> => {
      const settings = deps.settings();
      const root = notebookRoot(settings.notebookFolder);
      if (!root) return undefined;
      const title =
        args?.title ??
        (args?.id
          ? titleFromId(args.id)
          : await vscode.window.showInputBox({
              title: 'New goal',
              prompt: 'What do you want to achieve? Make it specific.',
              placeHolder: 'Present confidently to leadership',
              validateInput: (v) => (v.trim() ? undefined : 'Give the goal a title.'),
            }));
      if (!title) return undefined;
      const notebook = deps.service.notebook;
      const id = args?.id ?? freeId(slug(title) || 'goal', (c) => notebook.goalsById(c).length > 0);
      const target = await freeName(
        vscode.Uri.joinPath(
          root,
          ...settings.goalFileName.replace(/\{id\}/g, safeFileName(id) || 'goal').split('/'),
        ),
      );
      const today = deps.clock.today();
      const lines = [
        '---',
        'type: goal',
        // The id defaults to the file name; write it when the name had to differ.
        ...(fileStem(target.path) !== id ? [`id: ${yamlScalar(id)}`] : []),
        `title: ${yamlScalar(title)}`,
        'status: active',
        'horizon: short',
        `target: ${plusMonths(today, 3)}`,
        'measure: ',
        ...(args?.mentor ? [`mentor: ${yamlScalar(args.mentor)}`] : []),
        '---',
        '',
        '## Why it matters',
        '',
        '## Milestones',
        '',
        `- [ ] First step 📅 ${plusMonths(today, 1)}`,
        '',
      ];
      const created = await createNote(target, lines.join('\n'));
      await showCreated(deps, created, lines.indexOf('measure: '), 9);
      return created;
    },
  );
}

function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
