// The base every sidebar view shares: a TreeDataProvider that can be told to refresh, and counts it, so the
// session (profile/region change) and the refresh buttons reach every view through one call.
import * as vscode from 'vscode';

export abstract class RefreshableTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<T | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** How many times the whole view was refreshed; the integration tests read it. */
  refreshCount = 0;

  refresh(element?: T): void {
    if (!element) this.refreshCount++;
    this.changeEmitter.fire(element);
  }

  abstract getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
  abstract getChildren(element?: T): vscode.ProviderResult<T[]>;

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
