/**
 * `mentoringNotes.newReview`: the self-assessment of the month just lived (in a month's
 * first week, the month before, when it has none), with the checklist and a line for
 * each active goal. Never overwrites: the review already written for that month is
 * opened instead.
 */
import * as vscode from 'vscode';
import {
  renderSelfAssessment,
  reviewOf,
  selfAssessmentPeriod,
  SELF_ASSESSMENT_CHECKLIST,
} from '../../core';
import { createNote } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { notebookRoot, showCreated } from '../target';

/** Registers the command; resolves to the review's Uri. */
export function registerNewReview(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.newReview',
    async (): Promise<vscode.Uri | undefined> => {
      const root = notebookRoot(deps.settings().notebookFolder);
      if (!root) return undefined;
      await deps.service.ready();
      const today = deps.clock.today();
      const notebook = deps.service.notebook;
      const period = selfAssessmentPeriod(notebook, today);
      const existing = reviewOf(notebook, period);
      if (existing) {
        const uri = vscode.Uri.parse(existing.uri);
        await vscode.window.showTextDocument(uri, { preview: false });
        return uri;
      }
      const text = renderSelfAssessment(notebook, today, period);
      const created = await createNote(vscode.Uri.joinPath(root, 'reviews', `${period}.md`), text);
      // The cursor on the first statement, ready to tick.
      const line = text.split('\n').indexOf(`- [ ] ${SELF_ASSESSMENT_CHECKLIST[0]}`);
      await showCreated(deps, created, line, 3);
      return created;
    },
  );
}
