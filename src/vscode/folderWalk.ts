/**
 * Lists the Markdown files of a folder on any file system through `vscode.workspace.fs`:
 * for workspace folders off the local disk (virtual and web workspaces). The editor's file
 * search is not used there: for a file system that registered no search provider, it
 * waits for one forever, and the notebook would never finish loading.
 */
import * as vscode from 'vscode';
import type { FolderFilter } from './includeFilter';

/** How many folders are read at once. */
const PARALLEL_READS = 8;

/** What {@link listFolder} needs to know besides the folder. */
export interface WalkOptions {
  /** Which files and folders belong to the notebook (paths relative to the folder, with `/`). */
  readonly filter: FolderFilter;
  /** Give up (what was found so far is returned): a newer scan replaced this one. */
  readonly stop?: () => boolean;
}

/**
 * The Markdown files under `root` that `filter` keeps, as paths relative to `root` with
 * `/`, sorted. Folders that cannot be read are left out, as the editor's file search leaves
 * them out. Linked folders are not entered: without a way to resolve a link's target
 * through `workspace.fs`, a link cycle could not be told from a deep tree.
 */
export async function listFolder(root: vscode.Uri, options: WalkOptions): Promise<string[]> {
  const { filter } = options;
  const stop = options.stop ?? (() => false);
  const found: string[] = [];
  let pending: string[] = [''];
  while (pending.length && !stop()) {
    const batch = pending.splice(0, PARALLEL_READS);
    const listings = await Promise.all(
      batch.map(async (rel) => {
        try {
          const dir = rel ? vscode.Uri.joinPath(root, ...rel.split('/')) : root;
          return { rel, entries: await vscode.workspace.fs.readDirectory(dir) };
        } catch {
          return { rel, entries: [] as [string, vscode.FileType][] };
        }
      }),
    );
    const next: string[] = [];
    for (const { rel, entries } of listings) {
      for (const [name, type] of entries) {
        const childRel = rel ? `${rel}/${name}` : name;
        const linked = (type & vscode.FileType.SymbolicLink) !== 0;
        if (type & vscode.FileType.Directory) {
          if (!linked && !filter.excludesFolder(childRel)) next.push(childRel);
        } else if (
          type & vscode.FileType.File &&
          /\.md$/i.test(name) &&
          filter.includesPath(childRel)
        ) {
          found.push(childRel);
        }
      }
    }
    pending = next.concat(pending);
  }
  return found.sort();
}
