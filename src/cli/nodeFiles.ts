/**
 * The notebook's file-system port on Node, for the CLI: walks a folder for Markdown files
 * (skipping dot-folders and node_modules, never following symbolic links) and reads them.
 * URIs are paths relative to the root with forward slashes.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FileStamp, NotebookFiles } from '../core';

const SKIPPED_DIRS = new Set(['node_modules']);

/** A {@link NotebookFiles} over the folder `root`. */
export class NodeNotebookFiles implements NotebookFiles {
  constructor(private readonly root: string) {}

  async list(): Promise<readonly string[]> {
    const found: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name))
            await walk(join(dir, entry.name), childRel);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) {
          found.push(childRel);
        }
      }
    };
    await walk(this.root, '');
    return found;
  }

  async stat(uri: string): Promise<FileStamp> {
    const info = await stat(join(this.root, ...uri.split('/')));
    return { mtime: info.mtimeMs, size: info.size };
  }

  async read(uri: string): Promise<Uint8Array> {
    const path = join(this.root, ...uri.split('/'));
    const info = await lstat(path);
    if (info.isSymbolicLink()) throw new Error('it is a symbolic link, which is not followed');
    return readFile(path);
  }
}

/** `uri` as printed: already relative with `/`. */
export function displayPath(uri: string): string {
  return uri.split(sep).join('/');
}
