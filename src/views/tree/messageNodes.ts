// Nodes that are not AWS resources: "Load more…", errors with a retry, and plain messages (empty, loading).
import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

export class LoadMoreNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly loadMore: () => Promise<void>,
    private readonly loaded: number,
  ) {}

  run(): Promise<void> {
    return this.loadMore();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} shown', this.loaded);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'sagemakerWorkbench.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}

export class ErrorNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly message: string,
    private readonly retry: () => void,
  ) {}

  runRetry(): void {
    this.retry();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = new vscode.MarkdownString()
      .appendText(this.message)
      .appendMarkdown('\n\n' + vscode.l10n.t('Click to retry.'));
    item.contextValue = 'error';
    item.command = { command: 'sagemakerWorkbench.retryNode', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
}

export class MessageNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly icon = 'info',
    private readonly description?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.description;
    item.contextValue = 'message';
    return item;
  }
}

/** A plain key/value leaf (a metric, a hyperparameter, an S3 URI). */
export class FactNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly value: string,
    private readonly icon?: string,
    private readonly tooltip?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.value;
    item.tooltip = this.tooltip ?? `${this.label}: ${this.value}`;
    if (this.icon) item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'fact';
    return item;
  }
}
