// A collapsible group whose children are a paged list of their own (e.g. all lifecycle configurations,
// the versions of a model package group): listed when expanded, one call per page.
import * as vscode from 'vscode';
import { PagedList, type PageFetcher } from '../../model/pagedList';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './messageNodes';

export interface PagedGroupOptions<T> {
  id: string;
  label: string;
  icon: string;
  /** Plural noun, localised, for "No {0}". */
  noun: string;
  fetch: PageFetcher<T>;
  toNode(item: T): ExplorerNode;
  /** Asks the provider to re-render this node after a page arrives. */
  changed(node: ExplorerNode): void;
  describeError(error: unknown): string;
  contextValue?: string;
  description?: string;
}

export class PagedGroupNode<T> implements ExplorerNode {
  readonly id: string;
  private readonly list: PagedList<T>;

  constructor(private readonly options: PagedGroupOptions<T>) {
    this.id = options.id;
    this.list = new PagedList(options.fetch);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.options.icon);
    item.contextValue = this.options.contextValue ?? 'group';
    item.description =
      this.list.state === 'loaded'
        ? `${this.list.items.length}${this.list.hasMore ? '+' : ''}`
        : this.options.description;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    await this.list.ensureFirstPage();
    if (this.list.state === 'error') {
      return [
        new ErrorNode(`${this.id}/error`, this.options.describeError(this.list.error), () => {
          this.list.reset();
          this.options.changed(this);
        }),
      ];
    }
    const nodes = this.list.items.map((item) => this.options.toNode(item));
    if (nodes.length === 0) return [new MessageNode(`${this.id}/empty`, vscode.l10n.t('No {0}', this.options.noun))];
    if (this.list.hasMore) {
      nodes.push(
        new LoadMoreNode(
          `${this.id}/more`,
          async () => {
            try {
              await this.list.loadMore();
            } finally {
              this.options.changed(this);
            }
          },
          nodes.length,
        ),
      );
    }
    return nodes;
  }

  reset(): void {
    this.list.reset();
  }
}
