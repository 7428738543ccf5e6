/**
 * `mentoringNotes.exportNextMeeting`: saves the next meeting with a mentor as an `.ics`
 * file for any calendar. The user picks where; an existing file is never replaced (the
 * new one gets a `-2`, `-3`, … name beside it).
 */
import * as vscode from 'vscode';
import { nextMeetingCalendar } from '../../core';
import { createNote } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { pickMentor } from '../pickMentor';
import { notebookRoot } from '../target';

/** Arguments for keybindings, tests and other extensions. */
export interface ExportMeetingArgs {
  readonly mentor?: string;
  /** Where to save, without asking (a `-2` name beside it if it exists). */
  readonly target?: vscode.Uri | string;
}

/** Registers the command; resolves to the file written (undefined when cancelled or none). */
export function registerExportMeeting(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.exportNextMeeting',
    async (args?: ExportMeetingArgs): Promise<vscode.Uri | undefined> => {
      await deps.service.ready();
      const today = deps.clock.today();
      const mentor =
        args?.mentor ?? (await pickMentor(deps, today, 'Export the next meeting with…'));
      if (mentor === undefined) return undefined;
      const meeting = nextMeetingCalendar(deps.service.notebook, mentor, today, new Date());
      if (!meeting.ok) {
        void vscode.window.showWarningMessage(meeting.reason);
        return undefined;
      }
      let target = typeof args?.target === 'string' ? vscode.Uri.parse(args.target) : args?.target;
      if (!target) {
        const root = notebookRoot(deps.settings().notebookFolder);
        target = await vscode.window.showSaveDialog({
          title: 'Save the next meeting as a calendar file',
          saveLabel: 'Save .ics',
          filters: { 'iCalendar files': ['ics'] },
          ...(root && { defaultUri: vscode.Uri.joinPath(root, meeting.fileName) }),
        });
        if (!target) return undefined;
      }
      const written = await createNote(target, meeting.ics);
      const name = vscode.workspace.asRelativePath(written);
      const replaced = written.toString() === target.toString() ? '' : ' (the name was taken)';
      void vscode.window.showInformationMessage(
        `Saved the meeting of ${meeting.date} to ${name}${replaced}: open it with your calendar to add it.`,
      );
      return written;
    },
  );
}
