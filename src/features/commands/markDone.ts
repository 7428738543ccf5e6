/**
 * `mentoringNotes.markDone`: tick an action item and stamp today's ✅ date; a recurring
 * item's next occurrence goes on a new line above it.
 */
import * as vscode from 'vscode';
import { markItemDone } from '../../vscode/edits';
import type { FeatureDeps } from '../deps';
import { itemTarget } from '../target';

/** Registers the command. Args: `{ uri, line }` or a tree node; returns true when an item was marked. */
export function registerMarkDone(deps: FeatureDeps): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.markDone',
    async (arg?: unknown): Promise<boolean> => {
      const target = itemTarget(arg);
      if (!target) {
        void vscode.window.showInformationMessage(
          'Put the cursor on an action item, or pick one in the Action items view.',
        );
        return false;
      }
      const done = await markItemDone(target.uri, target.line, deps.clock.today(), target.item);
      if (!done) {
        void vscode.window.showInformationMessage('There is no open action item on that line.');
        return false;
      }
      await deps.service.refreshFile(target.uri);
      if (done.next)
        void vscode.window.showInformationMessage(
          done.next.due
            ? `Done. It recurs: the next one is due ${done.next.due} (added above it).`
            : 'Done. It recurs: the next one is added above it.',
        );
      else if (done.ended)
        void vscode.window.showInformationMessage(
          'Done. It was the last of its series (its 🔁 rule ends there), so no next one was added.',
        );
      else if (done.unreadRule)
        void vscode.window.showWarningMessage(
          `Done. Its rule "🔁 ${done.unreadRule}" could not be read, so no next one was added: write it as Obsidian Tasks does, such as "every week" or "every month on the 1st".`,
        );
      return true;
    },
  );
}
