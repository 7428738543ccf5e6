/**
 * `mentoringNotes.openExample`: copies the example notebook shipped with the extension
 * into a folder the user picks (never overwriting a file) and opens it.
 */
import * as vscode from 'vscode';
import { createNote, exists } from '../../vscode/edits';

/** Registers the command; resolves to the folder the example was copied to. */
export function registerOpenExample(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(
    'mentoringNotes.openExample',
    async (arg?: { folder?: vscode.Uri }) => {
      const source = vscode.Uri.joinPath(extensionUri, 'examples', 'notebook');
      const parent =
        arg?.folder ??
        (
          await vscode.window.showOpenDialog({
            canSelectFolders: true,
            canSelectFiles: false,
            openLabel: 'Copy the example here',
            title: 'Where should the example notebook go?',
            ...(vscode.workspace.workspaceFolders?.[0] && {
              defaultUri: vscode.workspace.workspaceFolders[0].uri,
            }),
          })
        )?.[0];
      if (!parent) return undefined;
      let target = vscode.Uri.joinPath(parent, 'mentoring-notes-example');
      for (let n = 2; await exists(target); n++)
        target = vscode.Uri.joinPath(parent, `mentoring-notes-example-${n}`);
      const copy = async (from: vscode.Uri, to: vscode.Uri): Promise<void> => {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
          if (type === vscode.FileType.Directory)
            await copy(vscode.Uri.joinPath(from, name), vscode.Uri.joinPath(to, name));
          else if (type === vscode.FileType.File) {
            const text = new TextDecoder().decode(
              await vscode.workspace.fs.readFile(vscode.Uri.joinPath(from, name)),
            );
            await createNote(vscode.Uri.joinPath(to, name), text);
          }
        }
      };
      await copy(source, target);
      const inWorkspace = vscode.workspace.getWorkspaceFolder(target);
      if (inWorkspace) {
        await vscode.commands.executeCommand('mentoringNotes.refresh');
        await vscode.window.showTextDocument(vscode.Uri.joinPath(target, 'README.md'));
      } else {
        await vscode.commands.executeCommand('vscode.openFolder', target, {
          forceNewWindow: false,
        });
      }
      return target;
    },
  );
}
