/**
 * `mentoringNotes.newReview`: this month's self-assessment, with the checklist and a line
 * for each active goal. Never overwrites: a second one this month gets a `-2` name.
 */
import * as vscode from 'vscode';
import { renderSelfAssessment, SELF_ASSESSMENT_CHECKLIST } from '../../core';
import { createNote } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { notebookRoot, showCreated } from '../target';

/** Registers the command; resolves to the new note's Uri. */
export function registerNewReview(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.newReview',
    async (): Promise<vscode.Uri | undefined> => {
      const root = notebookRoot(deps.settings().notebookFolder);
      if (!root) return undefined;
      await deps.service.ready();
      const today = deps.clock.today();
      const text = renderSelfAssessment(deps.service.notebook, today);
      const created = await createNote(
        vscode.Uri.joinPath(root, 'reviews', `${today.slice(0, 7)}.md`),
        text,
      );
      // The cursor on the first statement, ready to tick.
      const line = text.split('\n').indexOf(`- [ ] ${SELF_ASSESSMENT_CHECKLIST[0]}`);
      await showCreated(deps, created, line, 3);
      return created;
    },
  );
}
