/**
 * Loading a whole notebook through a small file-system port, so the same code serves the
 * CLI (Node's fs), the extension (`vscode.workspace.fs`) and tests (in memory).
 */
import { NONE } from '../model/notes';
import type { Finding, ParsedFile } from '../model/types';
import { headIsNote } from '../parse/note';
import {
  flatCopy,
  MAX_NOTE_BYTES,
  NOTE_HEAD_BYTES,
  NotReadError,
  TooLargeError,
} from '../parse/text';
import { CODES } from '../rules/codes';
import type { FileStamp, ParseCache } from './cache';
import type { NoteIndex } from './noteIndex';
import { Pacer } from './pacer';

/** The file access the core needs. URIs are opaque strings chosen by the host. */
export interface NotebookFiles {
  /** Every Markdown file that may belong to the notebook. */
  list(): Promise<readonly string[]>;
  /** A file's bytes. */
  read(uri: string): Promise<Uint8Array>;
  /** A file's modification time and size; needed to use a {@link ParseCache}. */
  stat?(uri: string): Promise<FileStamp>;
  /**
   * The first `length` bytes of a file. Hosts that can read part of a file provide it: a
   * file too large to be a note is then reported only when its head says it is one (a
   * large CHANGELOG.md is just another file of the repository); without it, every file
   * too large to read is reported.
   */
  readHead?(uri: string, length: number): Promise<Uint8Array>;
}

/** Options for {@link loadNotebook}. */
export interface LoadOptions {
  /** Files read at once. */
  readonly concurrency?: number;
  /** Stops early when aborted. */
  readonly signal?: AbortSignal;
  /**
   * A warm-start cache: files whose stamp matches are not read or parsed; the others are,
   * and the cache is updated with them. Entries of vanished files are dropped.
   */
  readonly cache?: ParseCache;
  /**
   * Lets the host run other work (an editor's events, other extensions). Called whenever
   * loading has run for a slice (15 ms) without waiting on anything, which is the case
   * when the host's reads are synchronous; without it, loading never pauses.
   */
  readonly yieldToHost?: () => Promise<void>;
}

/** Reads every file `files` lists into `index`. A file that cannot be read becomes a finding. */
export async function loadNotebook(
  files: NotebookFiles,
  index: NoteIndex,
  options: LoadOptions = {},
): Promise<void> {
  const uris = await files.list();
  let next = 0;
  // One pause shared by every worker: the host only gets its turn when all of them wait.
  let pause: Promise<void> | undefined;
  const pacer = new Pacer(options.yieldToHost);
  const worker = async (): Promise<void> => {
    while (next < uris.length && !options.signal?.aborted) {
      if (pause) {
        await pause;
        continue;
      }
      const uri = uris[next++]!;
      await loadFile(files, index, uri, options.cache);
      if (!pause && pacer.due()) pause = pacer.rest().then(() => (pause = undefined));
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 32, uris.length) }, worker),
  );
  if (!options.signal?.aborted) options.cache?.retain(new Set(uris));
}

/** Reads one file into `index`, turning a read error into an `unreadable-file` finding. */
export async function loadFile(
  files: NotebookFiles,
  index: NoteIndex,
  uri: string,
  cache?: ParseCache,
): Promise<void> {
  let bytes: Uint8Array;
  let stamp: FileStamp | undefined;
  try {
    if (cache && files.stat) {
      stamp = await files.stat(uri);
      const hit = cache.get(uri, stamp);
      if (hit) {
        index.set(hit);
        return;
      }
      // The size is known: a file too large to be a note is not read at all.
      if (stamp.size > MAX_NOTE_BYTES) throw new TooLargeError(stamp.size);
    }
    bytes = await files.read(uri);
  } catch (error) {
    if (error instanceof TooLargeError && (await isOtherFile(files, uri))) {
      const other: ParsedFile = { uri: flatCopy(uri), problems: NONE };
      index.set(other);
      if (cache && stamp) cache.set(other.uri, stamp, other);
      else cache?.delete(uri);
      return;
    }
    const problem: Finding = {
      uri: flatCopy(uri),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      code: CODES.unreadableFile,
      severity: error instanceof NotReadError ? 'warning' : 'error',
      message: `Not read: ${error instanceof Error ? error.message : String(error)}.`,
    };
    index.set({ uri: problem.uri, problems: [problem] });
    cache?.delete(uri);
    return;
  }
  // The index stores a flat copy of the URI (a file served by the cache holds the cache's).
  const parsed = index.setBytes(uri, bytes);
  if (cache && stamp) cache.set(parsed.uri, stamp, parsed);
}

/**
 * True when the file at `uri`, too large to read as a note, is not meant to be one: the
 * host read its head and it names no notebook `type`. False when it may be a note (it is
 * then reported), including when its head cannot be read.
 */
async function isOtherFile(files: NotebookFiles, uri: string): Promise<boolean> {
  if (!files.readHead) return false;
  try {
    return !headIsNote(await files.readHead(uri, NOTE_HEAD_BYTES));
  } catch {
    return false;
  }
}
