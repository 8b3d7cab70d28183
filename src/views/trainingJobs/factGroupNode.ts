// A collapsible group of facts already in hand (a describe's metrics, hyperparameters, channels): no call
// of its own when expanded.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../tree/explorerNode';
import { FactNode, MessageNode } from '../tree/messageNodes';

export interface Fact {
  label: string;
  value: string;
  tooltip?: string;
}

export class FactGroupNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly facts: readonly Fact[],
    private readonly factIcon?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.facts.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.facts.length ? String(this.facts.length) : vscode.l10n.t('none');
    item.contextValue = 'group';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.facts.length) return [new MessageNode(`${this.id}/empty`, vscode.l10n.t('none'))];
    return this.facts.map((f, i) => new FactNode(`${this.id}/${i}`, f.label, f.value, this.factIcon, f.tooltip));
  }
}
