/**
 * Notes on the local disk read with Node's file system, for the desktop extension host.
 * `vscode.workspace.fs` goes through the editor's file-system layer for every call; for the
 * thousands of small files of a notebook that is several times slower than reading them
 * directly (10,000 notes: about 3 s against 0.5 s). Only `file:` URIs come here; every other
 * scheme (remote, virtual, the web) still goes through `vscode.workspace.fs`. The web build
 * replaces this module with `src/web/localDisk.ts`, which has no disk.
 */
import { open, stat } from 'node:fs/promises';
import { tooLargeReason } from '../core';
import type { LocalDisk } from './notebookService';

/** The local disk of the Node extension host. */
export function localDisk(): LocalDisk | undefined {
  return {
    async stat(path) {
      const info = await stat(path);
      // Whole milliseconds, as `vscode.workspace.fs.stat` reports them.
      return { mtime: Math.trunc(info.mtimeMs), size: info.size, directory: info.isDirectory() };
    },
    async read(path) {
      // One open, then the size of what was opened: a huge file is refused before it is
      // read, and cannot change between the check and the read.
      const file = await open(path, 'r');
      try {
        const info = await file.stat();
        // A named pipe or device called `x.md` would block a reader thread forever.
        if (!info.isFile()) throw new Error('it is not a regular file');
        const size = info.size;
        const tooLarge = tooLargeReason(size);
        if (tooLarge) throw new Error(tooLarge);
        const bytes = new Uint8Array(size);
        let read = 0;
        while (read < size) {
          const { bytesRead } = await file.read(bytes, read, size - read, read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return read === size ? bytes : bytes.subarray(0, read);
      } finally {
        await file.close();
      }
    },
  };
}
