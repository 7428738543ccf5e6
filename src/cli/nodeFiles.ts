/**
 * The notebook's file-system port on Node, for the CLI: walks a folder for Markdown files
 * (skipping dot-folders and node_modules, never following symbolic links) and reads them.
 * URIs are paths relative to the root with forward slashes.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { tooLargeReason, type FileStamp, type NotebookFiles } from '../core';

const SKIPPED_DIRS = new Set(['node_modules']);

/** A {@link NotebookFiles} over the folder `root`. */
export class NodeNotebookFiles implements NotebookFiles {
  /** Listed files that are symbolic links: reported, never followed. */
  private readonly links = new Set<string>();
  /** Folders that could not be listed, with why: each becomes a finding, not a crash. */
  private readonly unlisted = new Map<string, string>();

  constructor(private readonly root: string) {}

  async list(): Promise<readonly string[]> {
    const found: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (!rel) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        this.unlisted.set(`${rel}/`, `the folder could not be listed (${reason})`);
        found.push(`${rel}/`);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name))
            await walk(join(dir, entry.name), childRel);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) {
          if (entry.isSymbolicLink()) this.links.add(childRel);
          found.push(childRel);
        }
      }
    };
    await walk(this.root, '');
    return found;
  }

  // Reads are synchronous: the CLI has no UI to keep responsive, and for thousands of small
  // files this is several times faster than the promise-based API.
  async stat(uri: string): Promise<FileStamp> {
    const info = statSync(this.path(uri));
    return { mtime: info.mtimeMs, size: info.size };
  }

  async read(uri: string): Promise<Uint8Array> {
    const unlisted = this.unlisted.get(uri);
    if (unlisted) throw new Error(unlisted);
    if (this.links.has(uri)) throw new Error('it is a symbolic link, which is not followed');
    // One open, then the size of what was opened: huge files are refused before reading,
    // and the file cannot change between the check and the read.
    const fd = openSync(this.path(uri), 'r');
    try {
      const size = fstatSync(fd).size;
      const tooLarge = tooLargeReason(size);
      if (tooLarge) throw new Error(tooLarge);
      const bytes = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, bytes, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return read === size ? bytes : bytes.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }

  private path(uri: string): string {
    return join(this.root, ...uri.split('/'));
  }
}

/** `uri` as printed: already relative with `/`. */
export function displayPath(uri: string): string {
  return uri.split(sep).join('/');
}
