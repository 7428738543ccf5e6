/**
 * Which files belong to the notebook's scan: the `mentoringNotes.include` glob, minus the
 * user's `files.exclude` as it applies to each workspace folder (a folder's own settings
 * can add to it). Used for the first scan of local folders, and for events from watchers and
 * editors, so an excluded folder stays excluded after startup.
 */
import picomatch from 'picomatch/posix';
import * as vscode from 'vscode';

type Match = (path: string) => boolean;

/** A predicate over paths in one workspace folder. */
export interface FolderFilter {
  /** True when the file at `path` (relative, with `/`) is included, its folders having been checked. */
  includesPath(path: string): boolean;
  /** True when files.exclude hides the folder at `path` (relative, with `/`). */
  excludesFolder(path: string): boolean;
}

/** A predicate over URIs, rebuilt when the settings change. */
export class IncludeFilter {
  private include: Match = () => true;
  private readonly folders = new Map<string, FolderFilter>();

  constructor(private readonly includeGlob: () => string) {
    this.refresh();
  }

  /** Re-reads the globs (call after a settings change). */
  refresh(): void {
    this.include = picomatch(this.includeGlob(), { dot: true });
    this.folders.clear();
  }

  /** The filter for files of the workspace folder `folder`, with that folder's settings. */
  forFolder(folder: vscode.Uri): FolderFilter {
    const key = folder.toString();
    let filter = this.folders.get(key);
    if (!filter) {
      const excluded = Object.entries(
        vscode.workspace
          .getConfiguration('files', folder)
          .get<Record<string, unknown>>('exclude') ?? {},
      )
        .filter(([, on]) => on === true)
        // `archive/` means the folder: the slash is not part of any path matched here.
        .map(([glob]) => glob.replace(/\/+$/, ''));
      const exclude: Match = excluded.length ? picomatch(excluded, { dot: true }) : () => false;
      const include = this.include;
      filter = {
        includesPath: (path) => include(path) && !exclude(path),
        excludesFolder: exclude,
      };
      this.folders.set(key, filter);
    }
    return filter;
  }

  /**
   * The filter for what lies under the folder `uri`, with paths relative to it: the filter
   * of its workspace folder, from where `uri` sits in it. Undefined when `uri` is in no
   * workspace folder or in an excluded folder (nothing under it is read).
   */
  forSubfolder(uri: vscode.Uri): FolderFilter | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const filter = this.forFolder(folder.uri);
    const root = folder.uri.path.replace(/\/$/, '');
    const base = uri.path === root ? '' : uri.path.slice(root.length + 1);
    if (!base) return filter;
    const segments = base.split('/');
    if (inExcludedFolder(filter, segments, segments.length)) return undefined;
    return {
      includesPath: (path) => filter.includesPath(`${base}/${path}`),
      excludesFolder: (path) => filter.excludesFolder(`${base}/${path}`),
    };
  }

  /** True when `uri` is a Markdown file the notebook should read. */
  includes(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const filter = this.forFolder(folder.uri);
    const path = vscode.workspace.asRelativePath(uri, false);
    const segments = path.split('/');
    if (inExcludedFolder(filter, segments, segments.length - 1)) return false;
    return filter.includesPath(path);
  }
}

/**
 * True when one of the first `depth` folders along `segments` (a path split at `/`) is
 * excluded: files.exclude globs match a folder as well as what is inside it.
 */
function inExcludedFolder(
  filter: FolderFilter,
  segments: readonly string[],
  depth: number,
): boolean {
  for (let i = 1; i <= depth; i++)
    if (filter.excludesFolder(segments.slice(0, i).join('/'))) return true;
  return false;
}
