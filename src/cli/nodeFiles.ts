/**
 * The notebook's file-system port on Node, for the CLI: walks a folder for Markdown files
 * (skipping dot-folders and node_modules) and reads them. A linked file is read when it
 * lies inside the folder (a `README.md` linked to another one); a link out of the folder
 * is reported, not followed (the CLI runs in CI on repositories from anywhere), and linked
 * folders are not entered. URIs are paths relative to the root with forward slashes.
 */
import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { NotReadError, type FileStamp, type NotebookFiles } from '../core';
import { readNote, readNoteHead, statNote } from '../node/noteFile';

const SKIPPED_DIRS = new Set(['node_modules']);

/** A {@link NotebookFiles} over the folder `root`. */
export class NodeNotebookFiles implements NotebookFiles {
  /** Listed files that are symbolic links not followed, with why: reported as warnings. */
  private readonly links = new Map<string, string>();
  /** Folders that could not be listed, with why: each becomes a finding, not a crash. */
  private readonly unlisted = new Map<string, string>();

  constructor(private readonly root: string) {}

  async list(): Promise<readonly string[]> {
    const found: string[] = [];
    const realRoot = realpathSync.native(this.root);
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
          if (entry.isSymbolicLink()) {
            const why = linkProblem(realRoot, join(dir, entry.name));
            if (why) this.links.set(childRel, why);
          }
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
    const { mtime, size } = statNote(this.path(uri));
    return { mtime, size };
  }

  async read(uri: string): Promise<Uint8Array> {
    const unlisted = this.unlisted.get(uri);
    if (unlisted) throw new Error(unlisted);
    const link = this.links.get(uri);
    if (link) throw new NotReadError(link);
    return readNote(this.path(uri));
  }

  async readHead(uri: string, length: number): Promise<Uint8Array> {
    if (this.unlisted.has(uri) || this.links.has(uri)) return this.read(uri);
    return readNoteHead(this.path(uri), length);
  }

  private path(uri: string): string {
    // `join` takes `/` as a separator on every platform: no need to split the URI first
    // (which doubled the cost of building the path, once per stat and read).
    return join(this.root, uri);
  }
}

/** `uri` as printed: already relative with `/`. */
export function displayPath(uri: string): string {
  return uri.split(sep).join('/');
}

/**
 * Why the linked file at `path` is not read, or undefined when it is a regular file
 * inside `realRoot`.
 */
function linkProblem(realRoot: string, path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    return 'it is a symbolic link to nothing';
  }
  if (!real.startsWith(realRoot + sep))
    return 'it is a symbolic link out of the folder, which is not followed';
  // Not into what the walk itself skips either (.git holds credentials in CI).
  const parts = real.slice(realRoot.length + 1).split(sep);
  if (parts.slice(0, -1).some((p) => p.startsWith('.') || SKIPPED_DIRS.has(p)))
    return 'it is a symbolic link into a skipped folder (a dot-folder or node_modules), which is not followed';
  try {
    if (!statSync(real).isFile()) return 'it is a symbolic link to something other than a file';
  } catch {
    return 'it is a symbolic link to nothing';
  }
  return undefined;
}
