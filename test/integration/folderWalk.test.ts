import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { listFolder } from '../../src/vscode/folderWalk';

/**
 * A file system held in memory that registers no search provider, as some virtual
 * workspaces do: the editor's file search never answers for it.
 */
class MemoryFs implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** Folder path → its entries; `null` entries: a folder that cannot be read. */
  constructor(private readonly tree: Map<string, [string, vscode.FileType][] | null>) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const type = this.tree.has(uri.path) ? vscode.FileType.Directory : vscode.FileType.File;
    return { type, ctime: 0, mtime: 0, size: 0 };
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const entries = this.tree.get(uri.path);
    if (!entries) throw vscode.FileSystemError.NoPermissions(uri);
    return entries;
  }
  readFile(): Uint8Array {
    return new Uint8Array();
  }
  createDirectory(): void {}
  writeFile(): void {}
  delete(): void {}
  rename(): void {}
}

describe('listing a folder on a file system without a file search', () => {
  it('walks it through workspace.fs with the notebook filter, skipping links and unreadable folders', async () => {
    const { File, Directory, SymbolicLink } = vscode.FileType;
    const tree = new Map<string, [string, vscode.FileType][] | null>([
      [
        '/notes',
        [
          ['goals', Directory],
          ['sessions', Directory],
          ['archive', Directory],
          ['locked', Directory],
          ['loop', Directory | SymbolicLink],
          ['README.md', File],
          ['Notes.MD', File],
          ['picture.png', File],
        ],
      ],
      ['/notes/goals', [['speaking.md', File]]],
      [
        '/notes/sessions',
        [
          ['2026-11-21.md', File],
          ['2026', Directory],
        ],
      ],
      ['/notes/sessions/2026', [['2026-01-05.md', File]]],
      ['/notes/archive', [['old.md', File]]],
      ['/notes/locked', null],
      ['/notes/loop', [['again.md', File]]],
    ]);
    const registration = vscode.workspace.registerFileSystemProvider(
      'mentoring-notes-test',
      new MemoryFs(tree),
    );
    try {
      const root = vscode.Uri.parse('mentoring-notes-test:/notes');
      const filter = {
        includesPath: (path: string) => path !== 'README.md',
        excludesFolder: (path: string) => path === 'archive',
      };
      assert.deepEqual(await listFolder(root, { filter }), [
        'Notes.MD',
        'goals/speaking.md',
        'sessions/2026-11-21.md',
        'sessions/2026/2026-01-05.md',
      ]);
      // A newer scan stops it between batches of folders: after the top folder, nothing.
      let asked = 0;
      assert.deepEqual(await listFolder(root, { filter, stop: () => asked++ > 0 }), ['Notes.MD']);
    } finally {
      registration.dispose();
    }
  });
});
