/**
 * `mentoringNotes.prepareNextMeeting`: builds the next session note from what is open and
 * opens it with the cursor in the agenda. Never overwrites: if the note for that meeting
 * already exists, it is opened as it is.
 */
import * as vscode from 'vscode';
import {
  agendaCursor,
  dateProblem,
  mentorName,
  mentorSchedule,
  planNextMeeting,
  relativeLink,
  renderNextMeeting,
  sessionPath,
  type LocalDate,
} from '../../core';
import { createNote, exists } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
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
      const mentor = args?.mentor ?? (await pickMentor(deps, today));
      if (mentor === undefined) return undefined;

      const plan = planNextMeeting(deps.service.notebook, mentor, today, {
        graceDays: settings.graceDays,
        ...(args?.date && { date: args.date }),
      });
      const target = vscode.Uri.joinPath(
        root,
        ...sessionPath(settings.sessionFileName, plan.date, plan.mentorId).split('/'),
      );
      if (await exists(target)) {
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

/** Asks which mentor to meet, soonest meeting first. `''` means no particular mentor. */
async function pickMentor(deps: FeatureDeps, today: LocalDate): Promise<string | undefined> {
  const notebook = deps.service.notebook;
  const ids = [...notebook.mentorIds()];
  if (ids.length === 0) return '';
  const grace = deps.settings().graceDays;
  const items = ids
    .map((id) => {
      const s = mentorSchedule(notebook, id, today, grace);
      const when = s.missed
        ? `missed ${s.missed.next.value}`
        : s.next
          ? `next ${s.next.date}`
          : 'no date agreed';
      return {
        id,
        sortKey: s.next?.date ?? '9999',
        label: mentorName(notebook, id),
        description: when,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.label.localeCompare(b.label));
  if (items.length === 1) return items[0]!.id;
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Prepare the next meeting with…',
  });
  return picked?.id;
}
