/**
 * Which files belong to the notebook's scan: the `mentoringNotes.include` glob, minus the
 * user's `files.exclude`. The first scan gets this from `findFiles`; events from watchers
 * and editors are checked here, so an excluded folder stays excluded after startup.
 */
import picomatch from 'picomatch/posix';
import * as vscode from 'vscode';

/** A predicate over URIs, rebuilt when the settings change. */
export class IncludeFilter {
  private include: (path: string) => boolean = () => true;
  private exclude: (path: string) => boolean = () => false;

  constructor(private readonly includeGlob: () => string) {
    this.refresh();
  }

  /** Re-reads the globs (call after a settings change). */
  refresh(): void {
    this.include = picomatch(this.includeGlob(), { dot: true });
    const excluded = Object.entries(
      vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {},
    )
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
    this.exclude = excluded.length ? picomatch(excluded, { dot: true }) : () => false;
  }

  /** True when `uri` is a Markdown file the notebook should read. */
  includes(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return false;
    const path = vscode.workspace.asRelativePath(uri, false);
    // files.exclude globs match a folder as well as what is inside it.
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++)
      if (this.exclude(segments.slice(0, i).join('/'))) return false;
    return this.includesPath(path);
  }

  /**
   * True when the file at `path` (relative to its workspace folder, with `/`) is included,
   * its folders having been checked with {@link excludesFolder} on the way down.
   */
  includesPath(path: string): boolean {
    return this.include(path) && !this.exclude(path);
  }

  /** True when files.exclude hides the folder at `path` (relative, with `/`). */
  excludesFolder(path: string): boolean {
    return this.exclude(path);
  }
}
