/** What every tree view provider here shares: a change event and its lifetime. */
import * as vscode from 'vscode';

/** A tree data provider that can be told to refresh. */
export abstract class RefreshableTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Asks the view to read its data again. */
  refresh(): void {
    this.changed.fire();
  }

  abstract getTreeItem(node: T): vscode.TreeItem;
  abstract getChildren(node?: T): T[];

  dispose(): void {
    this.changed.dispose();
  }
}
