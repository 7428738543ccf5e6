/**
 * Reading notes from the local disk with Node's file system, shared by the CLI and the
 * desktop extension host. Reads are synchronous: for thousands of small files that is
 * several times faster than the promise-based API (the extension host keeps responsive
 * because the loader yields between slices of files).
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { SLICE_MS, tooLargeReason, type FileStamp } from '../core';

/** A file's stamp (modification time in whole milliseconds) and whether it is a folder. */
export function statNote(path: string): FileStamp & { readonly directory: boolean } {
  const info = statSync(path);
  return { mtime: Math.trunc(info.mtimeMs), size: info.size, directory: info.isDirectory() };
}

/**
 * A note's bytes. One open, then the size of what was opened: a file too large to be a
 * note is refused before it is read and cannot change between the check and the read, and
 * anything but a regular file (a named pipe called `x.md` would block) is refused.
 */
export function readNote(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error('it is not a regular file');
    const tooLarge = tooLargeReason(info.size);
    if (tooLarge) throw new Error(tooLarge);
    const bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, bytes, read, info.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === info.size ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The Markdown files under `root`, as paths relative to it with `/`. Folders for which
 * `skipFolder` is true are not entered; files are kept when `keep` is true. Symbolic links
 * are followed (each real folder is entered once, so a link cycle ends), as the editor's
 * file search does by default; entries that cannot be read are left out, as there. Every
 * {@link SLICE_MS} it awaits `pause` (when given), so a large tree never holds the host.
 */
export async function listNotes(
  root: string,
  keep: (relativePath: string) => boolean,
  skipFolder: (relativePath: string) => boolean,
  pause?: () => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  const entered = new Set<string>();
  const folders: [string, string][] = [[root, '']];
  let sliceStart = performance.now();
  for (let next = folders.pop(); next; next = folders.pop()) {
    if (pause && performance.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    const [dir, rel] = next;
    let entries;
    try {
      const real = realpathSync(dir);
      if (entered.has(real)) continue;
      entered.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const child = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(child);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (!skipFolder(childRel)) folders.push([child, childRel]);
      } else if (isFile && /\.md$/i.test(entry.name) && keep(childRel)) found.push(childRel);
    }
  }
  return found.sort();
}
