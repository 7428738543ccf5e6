/**
 * `mentoringNotes.prepareNextMeeting`: builds the next session note from what is open and
 * opens it with the cursor in the agenda. Never overwrites: if the note for that meeting
 * already exists, it is opened as it is.
 */
import * as vscode from 'vscode';
import {
  agendaCursor,
  dateProblem,
  isAnotherMeeting,
  planNextMeeting,
  relativeLink,
  renderNextMeeting,
  sessionPath,
  type LocalDate,
} from '../../core';
import { createNote, exists } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { pickMentor } from '../pickMentor';
import { notebookRoot, showCreated } from '../target';

/** Arguments for keybindings, tasks and other extensions. */
export interface PrepareArgs {
  readonly mentor?: string;
  readonly date?: LocalDate;
}

/** Registers the command; resolves to the note's Uri (undefined when cancelled). */
export function registerPrepareNextMeeting(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.prepareNextMeeting',
    async (args?: PrepareArgs): Promise<vscode.Uri | undefined> => {
      await deps.service.ready();
      const settings = deps.settings();
      const root = notebookRoot(settings.notebookFolder);
      if (!root) return undefined;
      if (args?.date !== undefined && dateProblem(args.date))
        throw new Error(`date: ${dateProblem(args.date)}`);
      const today = deps.clock.today();
      const mentor =
        args?.mentor ?? (await pickMentor(deps, today, 'Prepare the next meeting with…'));
      if (mentor === undefined) return undefined;

      const plan = planNextMeeting(deps.service.notebook, mentor, today, {
        graceDays: settings.graceDays,
        ...(args?.date && { date: args.date }),
      });
      // The note for this meeting may exist under any name (written by hand, renamed).
      if (plan.existing) {
        const existing = vscode.Uri.parse(plan.existing);
        await vscode.window.showTextDocument(existing, { preview: false });
        return existing;
      }
      const target = vscode.Uri.joinPath(
        root,
        ...sessionPath(settings.sessionFileName, plan.date, plan.mentorId).split('/'),
      );
      // A file at that name that is not another meeting's session (a draft) is opened as
      // it is; another meeting's note is left alone, and this one goes beside it
      // (createNote never overwrites).
      const there = deps.service.notebook.file(target.toString())?.note;
      if (
        !isAnotherMeeting(deps.service.notebook, plan, there, settings.sessionFileName) &&
        (await exists(target))
      ) {
        await vscode.window.showTextDocument(target, { preview: false });
        return target;
      }
      const markdown = renderNextMeeting(plan, {
        // Decoded paths in, one encoding out (URI strings are already encoded).
        linkTo: (uri, line) =>
          `${relativeLink(target.path, vscode.Uri.parse(uri).path)}#L${line + 1}`,
      });
      const created = await createNote(target, markdown);
      const cursor = agendaCursor(markdown);
      await showCreated(deps, created, cursor.line, cursor.character);
      return created;
    },
  );
}
