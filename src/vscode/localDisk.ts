/**
 * Notes on the local disk read with Node's file system, for the desktop extension host.
 * `vscode.workspace.fs` goes through the editor's file-system layer for every call; for the
 * thousands of small files of a notebook that is several times slower than reading them
 * directly (10,000 notes: about 3 s against 0.5 s). Only `file:` URIs come here; every other
 * scheme (remote, virtual, the web) still goes through `vscode.workspace.fs`. The web build
 * replaces this module with `src/web/localDisk.ts`, which has no disk.
 */
import { readFile } from 'node:fs/promises';
import { listNotes, readNote, statNote } from '../node/noteFile';
import type { LocalDisk } from './notebookService';

/** The local disk of the Node extension host. */
export function localDisk(): LocalDisk | undefined {
  return {
    // Synchronous underneath (see src/node/noteFile.ts); the loader yields between slices.
    stat: async (path) => statNote(path),
    read: async (path) => readNote(path),
    readText: (path) => readFile(path, 'utf8'),
    list: (root, keep, skipFolder, pause) => listNotes(root, keep, skipFolder, pause),
  };
}
