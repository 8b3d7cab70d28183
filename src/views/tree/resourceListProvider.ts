// One mechanism for every resource list in the sidebar: first page = one list call, "Load more…" for the
// next, filter/sort remembered per workspace, empty/loading/error states in the tree itself.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { isFollowed } from '../../ui/followedResources';
import { PagedList, SIDEBAR_FILL, type Page } from '../../model/pagedList';
import { DEFAULT_FILTER, describeFilter, isFiltered, type ViewFilter } from '../../model/viewFilter';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { RefreshableTreeProvider } from '../refreshableTreeProvider';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './messageNodes';
import { isInProgress } from './statusIcon';
import { StatusPoller } from './statusPoller';
import type { StatusChange } from '../../model/pollBackoff';

export interface ListSource<T> {
  /** View key, also the workspace-state key of its filter. */
  key: string;
  /** Plural noun for messages, localised: "notebook instances". */
  noun: string;
  /** Singular noun with a capital, localised, for the notification of a status change: "Notebook instance". */
  singular?: string;
  /** The untranslated noun commands follow these resources under (followWithProgress); the view stays quiet then. */
  followedAs?: string;
  /** IAM service and operation of the list call, for error messages. */
  service: string;
  operation: string;
  /** Statuses offered by the filter. */
  statuses: readonly string[];
  fetchPage(nextToken: string | undefined, filter: ViewFilter): Promise<Page<T>>;
  toNode(item: T): ExplorerNode;
  /** Status and identity of an item: in-progress items are polled while the view is visible. */
  statusOf?(item: T): string | undefined;
  keyOf?(item: T): string;
  /** Why an item failed (its FailureReason), for the notification that announces it. */
  reasonOf?(item: T): string | undefined;
  /** Groups shown with the list (e.g. "Lifecycle Configurations"); they list only when expanded. */
  groups?(provider: ResourceListProvider<T>): ExplorerNode[];
  /** Groups go below the list instead of above it. */
  groupsLast?: boolean;
  /** The view is ready: a source that sets a badge or follows visibility takes it here. */
  attach?(view: vscode.TreeView<ExplorerNode>): vscode.Disposable;
}

export class ResourceListProvider<T> extends RefreshableTreeProvider<ExplorerNode> {
  private readonly list: PagedList<T>;
  private filterValue: ViewFilter;
  private treeView?: vscode.TreeView<ExplorerNode>;
  readonly poller?: StatusPoller<T>;

  constructor(
    private readonly source: ListSource<T>,
    private readonly session: AwsSession,
    private readonly state: vscode.Memento,
  ) {
    super();
    this.filterValue = state.get<ViewFilter>(this.filterKey, DEFAULT_FILTER);
    this.list = new PagedList((token) => this.source.fetchPage(token, this.filterValue), SIDEBAR_FILL);
    const { statusOf, keyOf } = source;
    if (statusOf && keyOf) {
      this.poller = new StatusPoller<T>({
        list: this.list,
        statusOf: (item) => statusOf(item),
        keyOf: (item) => keyOf(item),
        visible: () => this.treeView?.visible ?? false,
        onPolled: (changes) => this.onPolled(changes),
      });
    }
  }

  private onPolled(changes: StatusChange[]): void {
    super.refresh();
    for (const change of changes) {
      if (isInProgress(change.to) || isFollowed(this.source.followedAs ?? this.source.noun, change.key)) continue;
      const item =
        change.to === 'Failed' && this.source.reasonOf && this.source.keyOf
          ? this.list.items.find((i) => this.source.keyOf!(i) === change.key)
          : undefined;
      const reason = item ? this.source.reasonOf!(item) : undefined;
      const singular = this.source.singular ?? this.source.noun.replace(/s$/, '');
      const text = vscode.l10n.t('{0} {1}: {2} → {3}', singular, change.key, change.from ?? '?', change.to ?? '?');
      const withReason = reason ? vscode.l10n.t('{0} — {1}', text, reason) : text;
      const message = withReason.charAt(0).toUpperCase() + withReason.slice(1);
      if (change.to === 'Failed') void window.showErrorMessage(message);
      else void window.showInformationMessage(message);
    }
  }

  get filter(): ViewFilter {
    return this.filterValue;
  }
  get items(): readonly T[] {
    return this.list.items;
  }
  get noun(): string {
    return this.source.noun;
  }
  get statuses(): readonly string[] {
    return this.source.statuses;
  }

  attach(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    this.treeView = view;
    this.updateDescription();
    const own = view.onDidChangeVisibility((e) => (e.visible ? this.poller?.schedule() : this.poller?.stop()));
    const sourceOwn = this.source.attach?.(view);
    return vscode.Disposable.from(own, ...(sourceOwn ? [sourceOwn] : []));
  }

  private groupNodes?: ExplorerNode[];

  override refresh(element?: ExplorerNode): void {
    if (!element) {
      this.list.reset();
      this.poller?.stop();
      this.groupNodes = undefined;
    }
    super.refresh(element);
  }

  async setFilter(filter: ViewFilter): Promise<void> {
    this.filterValue = filter;
    await this.state.update(this.filterKey, filter);
    this.updateDescription();
    this.refresh();
  }

  async loadMore(): Promise<void> {
    try {
      await this.list.loadMore();
    } finally {
      super.refresh();
    }
  }

  describeError(error: unknown): string {
    return toUserError(error, this.session, this.source.service, this.source.operation).message;
  }

  getTreeItem(element: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return element.getTreeItem();
  }

  async getChildren(element?: ExplorerNode): Promise<ExplorerNode[]> {
    if (element) return element.getChildren ? element.getChildren() : [];
    if (this.session.credentialsState === 'missing') return []; // the welcome view offers Choose Profile
    await this.list.ensureFirstPage();
    const region = this.session.current.region;
    if (this.list.state === 'error') {
      const error = toUserError(this.list.error, this.session, this.source.service, this.source.operation);
      if (error.kind === 'no-credentials') {
        await this.session.markCredentialsMissing();
        return [];
      }
      return [new ErrorNode(`${this.source.key}:error`, error.message, () => this.refresh())];
    }
    this.groupNodes ??= this.source.groups?.(this) ?? [];
    const groups = this.groupNodes;
    const nodes = this.list.items.map((item) => this.source.toNode(item));
    if (nodes.length === 0) {
      const text = isFiltered(this.filterValue)
        ? vscode.l10n.t('No {0} match the filter', this.source.noun)
        : vscode.l10n.t('No {0} in {1}', this.source.noun, region);
      return this.withGroups(groups, [
        new MessageNode(`${this.source.key}:empty`, text, isFiltered(this.filterValue) ? 'filter' : 'info'),
      ]);
    }
    if (this.list.hasMore) {
      nodes.push(new LoadMoreNode(`${this.source.key}:more`, () => this.loadMore(), nodes.length));
    }
    this.poller?.schedule();
    return this.withGroups(groups, nodes);
  }

  private withGroups(groups: ExplorerNode[], nodes: ExplorerNode[]): ExplorerNode[] {
    return this.source.groupsLast ? [...nodes, ...groups] : [...groups, ...nodes];
  }

  private get filterKey(): string {
    return `sagemakerWorkbench.filter.${this.source.key}`;
  }

  private updateDescription(): void {
    if (this.treeView) this.treeView.description = describeFilter(this.filterValue);
    void vscode.commands.executeCommand(
      'setContext',
      `sagemakerWorkbench.filtered.${this.source.key}`,
      isFiltered(this.filterValue),
    );
  }

  override dispose(): void {
    this.poller?.dispose();
    super.dispose();
  }
}
