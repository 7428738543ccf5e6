/** `mentoringNotes.newMentor`: create a mentor note holding the agreement and the cadence. */
import * as vscode from 'vscode';
import { createNote } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { notebookRoot, showCreated } from '../target';
import { isNoCadence, parseCadence } from '../../core';
import { freeId, slug } from '../../core';

/** Arguments for keybindings and other extensions. */
export interface NewMentorArgs {
  readonly name?: string;
  readonly cadence?: string;
}

/** Registers the command; resolves to the new note's Uri. */
export function registerNewMentor(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.newMentor',
    async (args?: NewMentorArgs): Promise<vscode.Uri | undefined> => {
      // Without a folder, notebookRoot says to open one.
      const root = notebookRoot(deps.settings().notebookFolder);
      if (!root) return undefined;
      const name =
        args?.name ??
        (await vscode.window.showInputBox({
          title: 'New mentor',
          prompt: "Your mentor's name",
          placeHolder: 'Alex Rivera',
          validateInput: (v) => (v.trim() ? undefined : 'Enter a name.'),
        }));
      if (!name) return undefined;
      const cadence = args?.cadence ?? (await askCadence());
      // Escape means cancel, not "monthly".
      if (!cadence) return undefined;
      const notebook = deps.service.notebook;
      const id = freeId(slug(name) || 'mentor', (c) => notebook.mentorsById(c).length > 0);
      const lines = [
        '---',
        'type: mentor',
        `name: ${JSON.stringify(name.trim())}`,
        `cadence: ${cadence}`,
        'channel: ',
        '---',
        '',
        '## What we agreed',
        '',
        `- How often: ${cadence}`,
        '- Where and how: ',
        '- What stays between us: ',
        '- What is out of scope: ',
        '- How I ask for feedback, and how I report back on what I applied: ',
        '',
        '## Their background',
        '',
        '',
      ];
      const created = await createNote(
        vscode.Uri.joinPath(root, 'mentors', `${id}.md`),
        lines.join('\n'),
      );
      await showCreated(deps, created, lines.indexOf('channel: '), 9);
      return created;
    },
  );
}

const OTHER = 'Other…';

/** The agreed cadence: a common one, or any the notes can read ("every other Tuesday"). */
async function askCadence(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    ['weekly', 'biweekly', 'every 3 weeks', 'monthly', 'as needed', OTHER],
    { title: 'How often did you agree to meet?' },
  );
  if (picked !== OTHER) return picked;
  return vscode.window.showInputBox({
    title: 'How often did you agree to meet?',
    placeHolder: 'every 10 days, every other Tuesday, every 2 months…',
    validateInput: (v) =>
      parseCadence(v) || isNoCadence(v)
        ? undefined
        : 'Write it as: weekly, biweekly, monthly, every N days/weeks/months, every other Tuesday, or as needed.',
  });
}
