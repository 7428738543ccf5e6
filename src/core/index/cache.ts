/**
 * A persisted parse cache for warm starts. Each entry is keyed by the file's URI and
 * stamped with its modification time and size as the host reports them, plus the
 * parser's version: a file whose stamp differs is read and parsed again, so a changed
 * file is never served stale. Entries for files that no longer exist are dropped when
 * the cache is written, so it never grows beyond the notebook.
 *
 * Entries are stored in the compact encoding of `codec.ts` and decoded only when a file
 * is asked for; an entry that does not decode is treated as missing.
 */
import type { ParsedFile } from '../model/types';
import { decodeFile, encodeFile, type EncodedFile } from './codec';

/** What identifies a version of a file without reading it. */
export interface FileStamp {
  /** Modification time in milliseconds. */
  readonly mtime: number;
  readonly size: number;
}

/**
 * Bumped whenever parsing or the encoding changes what is stored, so caches written by
 * older versions are ignored rather than trusted.
 */
export const PARSER_VERSION = 2;

interface Entry {
  readonly stamp: FileStamp;
  /** The parsed file, once decoded or parsed in this session. */
  parsed?: ParsedFile;
  /** The file as read from a serialized cache, until it is asked for. */
  encoded?: unknown;
}

/** The cache: URI → (stamp, parsed file). */
export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** The parsed file for `uri` if its stamp still matches. */
  get(uri: string, stamp: FileStamp): ParsedFile | undefined {
    const e = this.entries.get(uri);
    if (!e || e.stamp.mtime !== stamp.mtime || e.stamp.size !== stamp.size) return undefined;
    if (!e.parsed) {
      try {
        e.parsed = decodeFile(uri, e.encoded);
      } catch {
        // A damaged entry is simply not used: the file is read and parsed again.
        this.entries.delete(uri);
        return undefined;
      }
      e.encoded = undefined;
    }
    return e.parsed;
  }

  /** Records the parse of `uri` at `stamp`. */
  set(uri: string, stamp: FileStamp, parsed: ParsedFile): void {
    this.entries.set(uri, { stamp, parsed });
  }

  /** Forgets `uri`. */
  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Keeps only the URIs in `keep`. */
  retain(keep: ReadonlySet<string>): void {
    for (const uri of this.entries.keys()) if (!keep.has(uri)) this.entries.delete(uri);
  }

  /** The cache as text. */
  serialize(): string {
    const entries: [string, number, number, EncodedFile | unknown][] = [];
    for (const [uri, e] of this.entries)
      entries.push([uri, e.stamp.mtime, e.stamp.size, e.parsed ? encodeFile(e.parsed) : e.encoded]);
    return JSON.stringify({ version: PARSER_VERSION, entries });
  }

  /** Reads a serialized cache; anything unreadable or from another parser version gives an empty cache. */
  static deserialize(text: string): ParseCache {
    const cache = new ParseCache();
    try {
      const data = JSON.parse(text) as { version?: unknown; entries?: unknown };
      if (data.version !== PARSER_VERSION || !Array.isArray(data.entries)) return cache;
      for (const row of data.entries as unknown[]) {
        if (!Array.isArray(row) || row.length !== 4) continue;
        const [uri, mtime, size, encoded] = row as unknown[];
        if (typeof uri !== 'string' || typeof mtime !== 'number' || typeof size !== 'number')
          continue;
        if (!Array.isArray(encoded)) continue;
        cache.entries.set(uri, { stamp: { mtime, size }, encoded });
      }
    } catch {
      // A damaged cache is simply not used.
    }
    return cache;
  }
}
