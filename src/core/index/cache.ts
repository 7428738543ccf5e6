/**
 * A persisted parse cache for warm starts. Each entry is keyed by the file's URI and
 * stamped with its modification time and size as the host reports them, plus the
 * parser's version: a file whose stamp differs is read and parsed again, so a changed
 * file is never served stale. Entries for files that no longer exist are dropped when
 * the cache is written, so it never grows beyond the notebook.
 *
 * Entries are stored in the compact encoding of `codec.ts`, one line per file after a line
 * of the strings they share, and read only when the file is asked for; an entry that does
 * not decode is treated as missing.
 */
import type { ParsedFile } from '../model/types';
import { decodeFile, encodeFile, StringTable } from './codec';
import { Pacer, SLICE_MS } from './pacer';

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
export const PARSER_VERSION = 22;

interface Entry {
  readonly stamp: FileStamp;
  /** The parsed file, once decoded or parsed in this session. */
  parsed?: ParsedFile;
  /**
   * The file's encoding as read from a serialized cache (JSON text, its strings in the
   * cache's table), until it is asked for.
   */
  body?: string;
  /**
   * The URI as read from a serialized cache, until the entry is decoded: one flat string
   * of its own, which the decoded file then holds (a host's URI for the file may be a
   * string joined from pieces).
   */
  uri?: string;
}

/** The first line of a serialized cache. */
const HEADER = JSON.stringify({ cache: 'mentoring-notes', version: PARSER_VERSION });

/** The cache's text: the header, the strings the files share, a line per file. */
function serialized(table: StringTable, lines: readonly string[]): string {
  return [HEADER, JSON.stringify(table.strings), ...lines].join('\n');
}

/** The cache: URI → (stamp, parsed file). */
export class ParseCache {
  private readonly entries = new Map<string, Entry>();
  /** The strings the entries read from a serialized cache refer to, while any is unread. */
  private strings: readonly string[] = [];

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
        e.parsed = decodeFile(e.uri ?? uri, JSON.parse(e.body ?? ''), this.strings);
      } catch {
        // A damaged entry is simply not used: the file is read and parsed again.
        this.entries.delete(uri);
        return undefined;
      }
      e.body = e.uri = undefined;
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
    let unread = false;
    for (const [uri, e] of this.entries) {
      if (!keep.has(uri)) this.entries.delete(uri);
      else if (e.body !== undefined) unread = true;
    }
    // Once every entry is read (a whole load), the table of strings is garbage.
    if (!unread) this.strings = [];
  }

  /**
   * Forgets the entries not read since the cache was deserialized, and the strings they
   * refer to: each unread entry's text is a slice of the whole serialized cache, which it
   * would otherwise keep in memory. For a load that failed part way; a load that completes
   * reads or replaces every entry it keeps.
   */
  forgetUnread(): void {
    for (const [uri, e] of this.entries) if (e.body !== undefined) this.entries.delete(uri);
    this.strings = [];
  }

  /** One file's line: `[uri, mtime, size]`, a tab, its encoding; undefined if it does not decode. */
  private line(uri: string, e: Entry, table: StringTable): string | undefined {
    let parsed = e.parsed;
    if (!parsed) {
      // Written with the table it was read with: decoded, to be written with the new one.
      try {
        parsed = decodeFile(uri, JSON.parse(e.body ?? ''), this.strings);
      } catch {
        return undefined;
      }
    }
    const body = JSON.stringify(encodeFile(parsed, table));
    return `${JSON.stringify([uri, e.stamp.mtime, e.stamp.size])}\t${body}`;
  }

  /**
   * The cache as text: a header line, a line with the strings the files share (a JSON
   * list), then one line per file, `[uri, mtime, size]`, a tab, and the file's encoding.
   * (JSON never holds a raw tab or newline, so both split safely.) Each file's line is
   * parsed only when the file is asked for, so a warm start never builds the whole cache
   * as one structure at once.
   */
  serialize(): string {
    const table = new StringTable();
    const lines: string[] = [];
    for (const [uri, e] of this.entries) {
      const l = this.line(uri, e, table);
      if (l !== undefined) lines.push(l);
    }
    return serialized(table, lines);
  }

  /**
   * {@link serialize}, pausing every `sliceMs` on `pause`: at 100,000 notes encoding
   * takes most of a second, which a host writing the cache while the user edits should not
   * spend in one piece. Entries changed meanwhile are written as they are when reached.
   */
  async serializeInSlices(pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<string> {
    const table = new StringTable();
    const lines: string[] = [];
    const pacer = new Pacer(pause, sliceMs);
    for (const [uri, e] of this.entries) {
      const l = this.line(uri, e, table);
      if (l !== undefined) lines.push(l);
      if (pacer.due()) await pacer.rest();
    }
    return serialized(table, lines);
  }

  /** Reads a serialized cache; anything unreadable or from another parser version gives an empty cache. */
  static deserialize(text: string): ParseCache {
    const cache = new ParseCache();
    const lines = text.split('\n');
    if (lines[0] !== HEADER) return cache;
    try {
      const strings = JSON.parse(lines[1] ?? '') as unknown;
      if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return cache;
      cache.strings = strings as string[];
    } catch {
      return cache;
    }
    for (let i = 2; i < lines.length; i++) {
      const line = lines[i]!;
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      try {
        const head = JSON.parse(line.slice(0, tab)) as unknown;
        if (!Array.isArray(head) || head.length !== 3) continue;
        const [uri, mtime, size] = head as unknown[];
        if (typeof uri !== 'string' || typeof mtime !== 'number' || typeof size !== 'number')
          continue;
        cache.entries.set(uri, { stamp: { mtime, size }, body: line.slice(tab + 1), uri });
      } catch {
        // A damaged line is simply not used.
      }
    }
    return cache;
  }
}
