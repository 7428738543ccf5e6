/**
 * Reading notes from the local disk with Node's file system, shared by the CLI and the
 * desktop extension host. Reads are synchronous: for thousands of small files that is
 * several times faster than the promise-based API (the extension host keeps responsive
 * because the loader yields between slices of files, and switches to the promise-based
 * API for good when the disk turns out to be slow; see src/vscode/localDisk.ts).
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
} from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_NOTE_BYTES, Pacer, TooLargeError, type FileStamp } from '../core';

/** A file's stamp (modification time in whole milliseconds) and whether it is a folder. */
export type NoteStat = FileStamp & { readonly directory: boolean };

/** Opening a named pipe for reading would wait for a writer: open without waiting. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** {@link NoteStat} of `path`, synchronously. */
export function statNote(path: string): NoteStat {
  return noteStat(statSync(path));
}

/** {@link NoteStat} of `path`, through the thread pool. */
export async function statNoteAsync(path: string): Promise<NoteStat> {
  return noteStat(await stat(path));
}

function noteStat(info: { mtimeMs: number; size: number; isDirectory(): boolean }): NoteStat {
  return { mtime: Math.trunc(info.mtimeMs), size: info.size, directory: info.isDirectory() };
}

function checkNote(info: { isFile(): boolean; size: number }): void {
  // A named pipe, a device or a folder called `x.md` is not a note.
  if (!info.isFile()) throw new Error('it is not a regular file');
  if (info.size > MAX_NOTE_BYTES) throw new TooLargeError(info.size);
}

/**
 * The first `length` bytes of a regular file (fewer when it is shorter): enough to tell
 * whether a file too large to be a note means to be one.
 */
export function readNoteHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('it is not a regular file');
    return readInto(fd, new Uint8Array(length));
  } finally {
    closeSync(fd);
  }
}

/**
 * A note's bytes, synchronously. One open, then the size of what was opened: a file too
 * large to be a note is refused before it is read and cannot change between the check and
 * the read, and anything but a regular file is refused without waiting on it.
 */
export function readNote(path: string): Uint8Array {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    checkNote(info);
    return readInto(fd, new Uint8Array(info.size));
  } finally {
    closeSync(fd);
  }
}

/** Fills `bytes` from the start of the open file `fd`; what was read (less at its end). */
function readInto(fd: number, bytes: Uint8Array): Uint8Array {
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return read === bytes.length ? bytes : bytes.subarray(0, read);
}

/** {@link readNote} through the thread pool. */
export async function readNoteAsync(path: string): Promise<Uint8Array> {
  const file = await open(path, OPEN_FLAGS);
  try {
    const info = await file.stat();
    checkNote(info);
    const bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < info.size) {
      const { bytesRead } = await file.read(bytes, read, info.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return read === info.size ? bytes : bytes.subarray(0, read);
  } finally {
    await file.close();
  }
}

/** How {@link listNotes} treats the tree. */
export interface ListOptions {
  /** Keep the file at this path (relative to the root, with `/`). */
  readonly keep: (relativePath: string) => boolean;
  /** Do not enter the folder at this path. */
  readonly skipFolder: (relativePath: string) => boolean;
  /** Follow symbolic links (the editor's `search.followSymlinks`; default true). */
  readonly followLinks?: boolean;
  /** Awaited between slices of work, so a large tree never holds the host. */
  readonly pause?: () => Promise<void>;
  /** Use the promise-based API (a slow disk). */
  readonly slow?: () => boolean;
  /** Give up (what was found so far is returned): a newer scan replaced this one. */
  readonly stop?: () => boolean;
}

/**
 * The Markdown files under `root`, as paths relative to it with `/`, sorted. Entries that
 * cannot be read are left out, as the editor's file search leaves them out. Linked
 * folders are entered after every real one, and each real folder once: a note reachable
 * through a link and through its own folder is listed under its own folder (the path the
 * user opens), and a link cycle ends.
 */
export async function listNotes(root: string, options: ListOptions): Promise<string[]> {
  const { keep, skipFolder, pause, followLinks = true } = options;
  const slow = options.slow ?? (() => false);
  const stop = options.stop ?? (() => false);
  const found: string[] = [];
  const entered = new Set<string>();
  const folders: [string, string][] = [[root, '']];
  const linked: [string, string][] = [];
  const pacer = new Pacer(pause);
  for (;;) {
    const next = folders.pop() ?? linked.shift();
    if (!next || stop()) break;
    if (pacer.due()) await pacer.rest();
    const [dir, rel] = next;
    let entries: Dirent[];
    try {
      const real = slow() ? await realpath(dir) : realpathSync.native(dir);
      if (entered.has(real)) continue;
      entered.add(real);
      entries = slow()
        ? await readdir(dir, { withFileTypes: true })
        : readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const child = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        if (!followLinks) continue;
        try {
          const target = slow() ? await stat(child) : statSync(child);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (!skipFolder(childRel)) (isLink ? linked : folders).push([child, childRel]);
      } else if (isFile && /\.md$/i.test(entry.name) && keep(childRel)) found.push(childRel);
    }
  }
  return found.sort();
}
