/** What every tree view provider here shares: a change event and its lifetime. */
import * as vscode from 'vscode';

/** A tree data provider that can be told to refresh. */
export abstract class RefreshableTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /**
   * Asks the view to read its data again: all of it, or only `nodes` and what is below
   * them (nodes this provider handed out, which the view still shows).
   */
  refresh(nodes?: readonly T[]): void {
    this.changed.fire(nodes && [...nodes]);
  }

  abstract getTreeItem(node: T): vscode.TreeItem;
  abstract getChildren(node?: T): T[];

  dispose(): void {
    this.changed.dispose();
  }
}
