/**
 * Notes on the local disk read with Node's file system, for the desktop extension host.
 * `vscode.workspace.fs` goes through the editor's file-system layer for every call; for the
 * thousands of small files of a notebook that is several times slower than reading them
 * directly (10,000 notes: about 3 s against 0.5 s). Only `file:` URIs come here; every other
 * scheme (remote, virtual, the web) still goes through `vscode.workspace.fs`. The web build
 * replaces this module with `src/web/localDisk.ts`, which has no disk.
 *
 * Calls are synchronous (fast, and the loader yields between slices) until one of them
 * takes longer than {@link SLOW_MS}: a network share or a cloud folder that fetches files
 * on demand. From then on this disk uses the promise-based API, which waits in Node's
 * thread pool instead of on the extension host.
 */
import { readFile } from 'node:fs/promises';
import {
  listNotes,
  readNote,
  readNoteAsync,
  readNoteHead,
  statNote,
  statNoteAsync,
} from '../node/noteFile';
import type { LocalDisk } from './notebookService';

/** A synchronous call slower than this makes the disk asynchronous for good. */
export const SLOW_MS = 50;

/** The local disk of the Node extension host. */
export function localDisk(): LocalDisk | undefined {
  let slow = false;
  const timed = <T>(call: () => T): T => {
    const started = performance.now();
    try {
      return call();
    } finally {
      if (performance.now() - started > SLOW_MS) slow = true;
    }
  };
  return {
    stat: async (path) => (slow ? statNoteAsync(path) : timed(() => statNote(path))),
    read: async (path) => (slow ? readNoteAsync(path) : timed(() => readNote(path))),
    readHead: async (path, length) => readNoteHead(path, length),
    readText: (path) => readFile(path, 'utf8'),
    list: (root, options) => listNotes(root, { ...options, slow: () => slow }),
  };
}
