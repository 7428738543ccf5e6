/**
 * Keeps the core's NoteIndex in step with the workspace: an initial scan through
 * `vscode.workspace.fs` (so it also works on the web and in virtual workspaces; notes on the
 * local disk are read directly when the host can), file watchers for changes on disk,
 * and open editors, whose unsaved text wins over the disk. Updates are debounced per file,
 * never globally, and coalesced into one change event.
 */
import * as vscode from 'vscode';
import {
  loadFile,
  loadNotebook,
  NoteIndex,
  ParseCache,
  type Notebook,
  type NotebookFiles,
} from '../core';
import { listFolder } from './folderWalk';
import { IncludeFilter, type FolderFilter } from './includeFilter';
import type { ListOptions, NoteStat } from '../node/noteFile';
import type { Logger } from './logger';

/** How long a file's edits settle before it is re-parsed. */
const EDIT_DEBOUNCE_MS = 150;
/** How long the notebook stays quiet before the warm-start cache is written. */
const CACHE_WRITE_DELAY_MS = 5000;
/** How often, at most, edits cause the cache to be written again. */
const CACHE_REWRITE_DELAY_MS = 60_000;
const CACHE_FILE = 'parse-cache.json';

/**
 * Direct access to the local disk, where the host has one (the desktop extension host):
 * much faster than `vscode.workspace.fs` for thousands of small files.
 */
export interface LocalDisk {
  stat(path: string): Promise<NoteStat>;
  /** A note's bytes; files too large to be a note are refused before they are read. */
  read(path: string): Promise<Uint8Array>;
  /** The first `length` bytes of a file (see NotebookFiles.readHead). */
  readHead(path: string, length: number): Promise<Uint8Array>;
  /** A whole file as UTF-8 text, whatever its size (the extension's own cache). */
  readText(path: string): Promise<string>;
  /** The Markdown files under the folder `root`, relative to it with `/` (see listNotes). */
  list(root: string, options: ListOptions): Promise<string[]>;
}

/** Largest file read whole, off the local disk, to look at its first bytes (see readHead). */
const MAX_HEAD_SOURCE_BYTES = 64 * 1024 * 1024;

/**
 * Gives the extension host a turn: local reads are synchronous, so a long scan pauses
 * between slices of files (setImmediate where the host has it, a zero timeout on the web).
 */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** The workspace notebook: the index plus its lifecycle. */
export class NotebookService implements vscode.Disposable {
  readonly index = new NoteIndex();
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  /** Fires (coalesced) with the URIs whose notes changed. */
  readonly onDidChange = this.changed.event;
  private readonly scanning = new vscode.EventEmitter<Promise<void>>();
  /** Fires when a scan of the workspace starts, with a promise that settles when it ends. */
  readonly onDidStartScan = this.scanning.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.scanning];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private pending = new Set<string>();
  private flushScheduled = false;
  private loading: Promise<void> | undefined;
  private scan: AbortController | undefined;
  /** The include glob and files.exclude, for events after the first scan. */
  private readonly filter: IncludeFilter;
  /** URIs changed on disk while a scan runs (undefined when no scan runs). */
  private touched: Set<string> | undefined;
  /**
   * Folders deleted, moved or created while a scan runs, to forget or read again once its
   * result replaces the index (the scan may have listed them before the change).
   */
  private foldersTouched: (() => Promise<void>)[] | undefined;
  private generation = 0;
  /** Parses of files as they are on disk, persisted for a warm start. */
  private cache = new ParseCache();
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param storage the extension's workspace storage (never the user's repository), where
   * the warm-start cache lives; undefined disables the cache.
   * @param disk the local disk, for `file:` URIs; undefined reads everything through
   * `vscode.workspace.fs`.
   */
  constructor(
    include: () => string,
    private readonly logger: Logger,
    private readonly storage?: vscode.Uri,
    private readonly disk?: LocalDisk,
  ) {
    this.filter = new IncludeFilter(include);
    const off = this.index.onDidChange((c) => this.queue(c.uris));
    this.disposables.push({ dispose: off });
  }

  /** The notebook, for reading. */
  get notebook(): Notebook {
    return this.index;
  }

  /** Scans the workspace and starts watching. Resolves when the first scan is done. */
  start(): Promise<void> {
    this.watch();
    return this.reload();
  }

  /** Resolves when the current scan (if any) is complete. */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** Forgets everything and scans the workspace again. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.filter.refresh();
    // A newer scan replaces an older one: stop the older one's reads.
    this.scan?.abort();
    const scan = (this.scan = new AbortController());
    this.touched = new Set();
    this.foldersTouched = [];
    const run = async (): Promise<void> => {
      const started = Date.now();
      const fresh = new NoteIndex();
      this.cache = await this.readCache();
      const cacheRead = Date.now();
      const warm = this.cache.size > 0;
      const files = this.files(scan.signal);
      let listed = cacheRead;
      await loadNotebook(
        { ...files, list: () => files.list().finally(() => (listed = Date.now())) },
        fresh,
        { cache: this.cache, signal: scan.signal, yieldToHost },
      );
      const loaded = Date.now();
      if (generation !== this.generation) return;
      this.index.adopt(fresh);
      for (const doc of vscode.workspace.textDocuments)
        if (this.isCandidate(doc)) this.index.setText(doc.uri.toString(), doc.getText());
      const indexed = Date.now();
      // Files and folders that changed on disk while the scan ran may have been read before.
      const touched = this.touched ?? new Set<string>();
      const folders = this.foldersTouched ?? [];
      this.touched = this.foldersTouched = undefined;
      for (const replay of folders) await replay();
      await Promise.all([...touched].map((uri) => this.refreshFile(vscode.Uri.parse(uri))));
      this.logger.info(
        `Indexed ${this.index.size} notes in ${Date.now() - started} ms (${warm ? 'warm' : 'cold'} start): ` +
          `cache read in ${cacheRead - started} ms, files listed in ${listed - cacheRead} ms, ` +
          `read and parsed in ${loaded - listed} ms, indexed in ${indexed - loaded} ms, ` +
          `views and ${touched.size} files changed meanwhile in ${Date.now() - indexed} ms.`,
      );
      this.scheduleCacheWrite(CACHE_WRITE_DELAY_MS);
    };
    this.loading = run().catch((error: unknown) => {
      this.logger.error('Indexing failed', error);
      if (generation !== this.generation) return;
      this.touched = this.foldersTouched = undefined;
      this.cache.forgetUnread();
    });
    this.scanning.fire(this.loading);
    return this.loading;
  }

  /** Re-reads one file now (after the extension changed it, say). */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) this.index.setText(uri.toString(), doc.getText());
    else await this.readFromDisk(uri);
  }

  dispose(): void {
    this.generation++;
    this.scan?.abort();
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** The notebook's files; `signal` stops a listing that a newer scan replaced. */
  private files(signal?: AbortSignal): NotebookFiles {
    return {
      list: async () => {
        const folders = vscode.workspace.workspaceFolders ?? [];
        const stop = (): boolean => signal?.aborted === true;
        const found: string[] = [];
        // One folder after another: they share the host, and its pauses.
        for (const folder of folders) {
          if (stop()) break;
          const paths = await this.listUnder(folder.uri, this.filter.forFolder(folder.uri), stop);
          for (const path of paths) found.push(vscode.Uri.joinPath(folder.uri, path).toString());
        }
        return found;
      },
      read: (uri) => this.readBytes(vscode.Uri.parse(uri)),
      readHead: (uri, length) => this.readHead(vscode.Uri.parse(uri), length),
      stat: async (uri) => {
        const info = await this.stat(vscode.Uri.parse(uri));
        return { mtime: info.mtime, size: info.size };
      },
    };
  }

  /**
   * The Markdown files under the folder `root` that `filter` keeps, relative to it with `/`.
   * Folders on the local disk are walked directly (the editor's file search costs about
   * 0.4 s for 10,000 notes), others through workspace.fs (see folderWalk.ts).
   */
  private listUnder(
    root: vscode.Uri,
    filter: FolderFilter,
    stop?: () => boolean,
  ): Promise<string[]> {
    if (!this.disk || root.scheme !== 'file') return listFolder(root, { filter, stop });
    return this.disk.list(root.fsPath, {
      keep: (path) => filter.includesPath(path),
      skipFolder: (path) => filter.excludesFolder(path),
      followLinks: vscode.workspace
        .getConfiguration('search', root)
        .get<boolean>('followSymlinks', true),
      pause: yieldToHost,
      stop,
    });
  }

  /** A file's stamp and kind, from the local disk when it is there. */
  private async stat(uri: vscode.Uri): Promise<NoteStat> {
    if (this.disk && uri.scheme === 'file') return this.disk.stat(uri.fsPath);
    const info = await vscode.workspace.fs.stat(uri);
    return {
      mtime: info.mtime,
      size: info.size,
      directory: (info.type & vscode.FileType.Directory) !== 0,
    };
  }

  /**
   * The first `length` bytes of a file (to tell whether a file too large to read as a note
   * means to be one). The local disk reads just those; `workspace.fs` has no partial reads,
   * so elsewhere (the web, remote and virtual folders) the file is read whole, up to
   * {@link MAX_HEAD_SOURCE_BYTES}: a larger one is reported as too large.
   */
  private async readHead(uri: vscode.Uri, length: number): Promise<Uint8Array> {
    if (this.disk && uri.scheme === 'file') return this.disk.readHead(uri.fsPath, length);
    if ((await this.stat(uri)).size > MAX_HEAD_SOURCE_BYTES)
      throw new Error('too large to look into');
    return (await vscode.workspace.fs.readFile(uri)).subarray(0, length);
  }

  /** A file's bytes, from the local disk when it is there. */
  private readBytes(uri: vscode.Uri): Promise<Uint8Array> {
    if (this.disk && uri.scheme === 'file') return this.disk.read(uri.fsPath);
    return Promise.resolve(vscode.workspace.fs.readFile(uri));
  }

  private cacheUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, CACHE_FILE);
  }

  private async readCache(): Promise<ParseCache> {
    const uri = this.cacheUri();
    if (!uri) return new ParseCache();
    try {
      const text =
        this.disk && uri.scheme === 'file'
          ? await this.disk.readText(uri.fsPath)
          : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return ParseCache.deserialize(text);
    } catch {
      return new ParseCache();
    }
  }

  /**
   * Writes the cache after `delay`, unless a write is already pending: edits keep coming,
   * and serialising the whole cache on every save would block the extension host.
   */
  private scheduleCacheWrite(delay = CACHE_REWRITE_DELAY_MS): void {
    const uri = this.cacheUri();
    if (!uri || !this.storage || this.cacheTimer) return;
    const storage = this.storage;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void (async () => {
        try {
          await vscode.workspace.fs.createDirectory(storage);
          await vscode.workspace.fs.writeFile(
            uri,
            new TextEncoder().encode(await this.cache.serializeInSlices(yieldToHost)),
          );
        } catch (error) {
          this.logger.error('Could not write the warm-start cache', error);
        }
      })();
    }, delay);
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    // Folders: a new folder's first files can be created before the watcher sees the folder,
    // so a new folder is scanned; a deleted or moved folder is reported only as itself.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const onDisk = (uri: vscode.Uri): void => {
      if (!this.filter.includes(uri)) return;
      this.touched?.add(uri.toString());
      if (this.isOpen(uri)) return; // the editor's text wins
      this.debounce(uri.toString(), () => void this.readFromDisk(uri));
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete((uri) => {
        this.touched?.add(uri.toString());
        this.cancel(uri.toString());
        this.index.delete(uri.toString());
        this.cache.delete(uri.toString());
        this.scheduleCacheWrite();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isCandidate(e.document)) return;
        const doc = e.document;
        this.debounce(doc.uri.toString(), () =>
          this.index.setText(doc.uri.toString(), doc.getText()),
        );
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.isCandidate(doc)) this.index.setText(doc.uri.toString(), doc.getText());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Closing without saving drops the unsaved text: the disk is the truth again.
        if (this.isCandidate(doc) && doc.uri.scheme !== 'untitled')
          this.debounce(doc.uri.toString(), () => void this.readFromDisk(doc.uri));
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          if (/\.md$/i.test(f.oldUri.path)) {
            this.index.delete(f.oldUri.toString());
            this.cache.delete(f.oldUri.toString());
            if (/\.md$/i.test(f.newUri.path)) void this.refreshFile(f.newUri);
          } else {
            // A folder moved: watchers report the folder, not each note in it.
            this.forgetFolder(f.oldUri);
            void this.indexFolder(f.newUri);
          }
        }
      }),
      // A folder deleted (in the Explorer or outside VS Code) is reported as the folder only.
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) if (!/\.md$/i.test(uri.path)) this.forgetFolder(uri);
      }),
      folderWatcher,
      folderWatcher.onDidDelete((uri) => {
        if (!/\.md$/i.test(uri.path)) this.forgetFolder(uri);
      }),
      folderWatcher.onDidCreate((uri) => {
        if (!/\.md$/i.test(uri.path)) void this.indexFolderIfAny(uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  /** Forgets every note under the folder `uri`. */
  private forgetFolder(uri: vscode.Uri): void {
    this.foldersTouched?.push(() => Promise.resolve(this.forgetFolder(uri)));
    const prefix = `${uri.toString()}/`;
    for (const key of [...this.index.uris()]) {
      if (!key.startsWith(prefix)) continue;
      this.cancel(key);
      this.index.delete(key);
      this.cache.delete(key);
    }
  }

  /** Reads every note under the folder `uri` (after it was moved or copied in). */
  private async indexFolder(uri: vscode.Uri): Promise<void> {
    this.foldersTouched?.push(() => this.indexFolder(uri));
    // Its workspace folder's filter, from where it sits: an excluded folder (or one inside
    // it, such as a cloned repository's .git) is never walked.
    const below = this.filter.forSubfolder(uri);
    if (!below) return;
    const found = await this.listUnder(uri, below);
    await Promise.all(found.map((path) => this.readFromDisk(vscode.Uri.joinPath(uri, path))));
  }

  /** {@link indexFolder} when `uri` is a folder. */
  private async indexFolderIfAny(uri: vscode.Uri): Promise<void> {
    try {
      if ((await this.stat(uri)).directory) await this.indexFolder(uri);
    } catch {
      // Gone again: nothing to read.
    }
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    let directory: boolean;
    try {
      directory = (await this.stat(uri)).directory;
    } catch {
      // Gone: forget it.
      this.index.delete(key);
      this.cache.delete(key);
      return;
    }
    if (directory) return;
    // A change event is news even when the stamp is not (two same-size edits within the
    // file system's time resolution): never answer it from the cache.
    this.cache.delete(key);
    // A file that is there but cannot be read (too large, no permission…) becomes a
    // finding on it, as in the first scan, never a silent gap.
    await loadFile(this.files(), this.index, key, this.cache);
    this.scheduleCacheWrite();
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    return (
      doc.languageId === 'markdown' && doc.uri.scheme !== 'git' && this.filter.includes(doc.uri)
    );
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty);
  }

  private debounce(key: string, action: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Coalesces index events raised in one turn into a single change event. */
  private queue(uris: readonly string[]): void {
    for (const u of uris) this.pending.add(u);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      const batch = [...this.pending];
      this.pending = new Set();
      this.changed.fire(batch);
    });
  }
}
