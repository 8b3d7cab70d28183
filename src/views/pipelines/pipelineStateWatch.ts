// Keeps the Pipelines view honest about releases: counts the approvals waiting for someone (the view's
// badge, over every pipeline read, shown or not), re-reads the state of pipelines that are running while the view is visible (backing off while
// nothing changes) and tells the user when a watched release finishes. With the opt-in setting
// `notifyPendingApprovals` it watches every listed pipeline even while the view is hidden and announces
// each new waiting approval once, with a Review button.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { PollBackoff } from '../../model/pollBackoff';
import { autoRefreshSeconds, onAutoRefreshSecondsChanged } from '../tree/statusPoller';
import { isInProgress } from '../tree/statusIcon';
import type { ExplorerNode } from '../tree/explorerNode';
import type { PendingApproval } from '../../model/codePipelineState';
import type { CodePipelineNode } from './codePipelineNode';

export function notifyPendingApprovals(): boolean {
  return vscode.workspace.getConfiguration('sagemakerWorkbench').get<boolean>('notifyPendingApprovals', false);
}

export class PipelineStateWatch implements vscode.Disposable {
  private view?: vscode.TreeView<ExplorerNode>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff = new PollBackoff({ initialMs: 10_000, maxMs: 120_000, factor: 1.5 });
  /** State re-reads made by polling; the tests and the benchmark read it. */
  polls = 0;
  /** Approvals announced (by token), so each is announced once; the texts are kept for tests. */
  private readonly announcedTokens = new Set<string>();
  readonly announced: string[] = [];

  // A changed interval applies at once: turned off, the poll already scheduled does not happen.
  private readonly settingWatch = onAutoRefreshSecondsChanged(() => {
    this.stop();
    this.schedule();
  });

  constructor(
    private readonly nodes: () => Iterable<CodePipelineNode>,
    /** Waiting approvals of every pipeline read, shown or not (the background reads keep them). */
    private readonly allApprovals: () => PendingApproval[],
  ) {}

  attach(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    this.view = view;
    this.updateBadge();
    return view.onDidChangeVisibility((e) => {
      if (e.visible) this.schedule();
      else if (!notifyPendingApprovals()) this.stop();
    });
  }

  /** The shown pipeline of that name, if the view listed it. */
  find(pipelineName: string): CodePipelineNode | undefined {
    for (const node of this.nodes()) if (node.name === pipelineName) return node;
    return undefined;
  }

  get shown(): CodePipelineNode[] {
    return [...this.nodes()];
  }

  get pendingApprovalCount(): number {
    return this.allApprovals().length;
  }

  /** A pipeline's state was read (first time, poll, or retry). */
  stateRead(node: CodePipelineNode, before: string | undefined): void {
    this.updateBadge();
    if (notifyPendingApprovals()) this.announce(node);
    const after = node.status;
    if (before && after && before !== after && !isInProgress(after)) {
      const message = vscode.l10n.t('Pipeline {0}: {1} → {2}', node.name, before, after);
      if (after === 'Failed') void window.showErrorMessage(message);
      else void window.showInformationMessage(message);
    }
    this.schedule();
  }

  updateBadge(): void {
    if (!this.view) return;
    const count = this.pendingApprovalCount;
    this.view.badge = count
      ? {
          value: count,
          tooltip:
            count === 1
              ? vscode.l10n.t('1 release waiting for your approval')
              : vscode.l10n.t('{0} releases waiting for your approval', count),
        }
      : undefined;
  }

  private announce(node: CodePipelineNode): void {
    for (const approval of node.approvals) {
      if (this.announcedTokens.has(approval.token)) continue;
      this.announcedTokens.add(approval.token);
      const text = vscode.l10n.t(
        '{0} is waiting for your approval ({1} · {2}).',
        approval.pipelineName,
        approval.stageName,
        approval.actionName,
      );
      this.announced.push(text);
      const review = vscode.l10n.t('Review');
      void window.showInformationMessage(text, review, vscode.l10n.t('Later')).then((choice) => {
        if (choice === review) void vscode.commands.executeCommand('sagemakerWorkbench.openReleaseReview', node);
      });
    }
  }

  schedule(): void {
    const watching = notifyPendingApprovals();
    if (this.timer || (!this.view?.visible && !watching)) return;
    const seconds = autoRefreshSeconds();
    if (seconds <= 0 || !this.watched().length) return;
    this.timer = setTimeout(() => void this.poll(), Math.max(this.backoff.delayMs, seconds * 1000));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Running pipelines while the view is visible; every listed one when approvals are watched. */
  private watched(): CodePipelineNode[] {
    const all = [...this.nodes()];
    return notifyPendingApprovals() ? all : all.filter((n) => isInProgress(n.status));
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (!this.view?.visible && !notifyPendingApprovals()) return;
    const running = this.watched();
    const before = running.map((n) => `${n.status}|${n.approvals.length}`);
    this.polls++;
    await Promise.all(running.map((n) => n.loadState()));
    this.backoff.next(running.some((n, i) => `${n.status}|${n.approvals.length}` !== before[i]));
    this.schedule();
  }

  dispose(): void {
    this.stop();
    this.settingWatch.dispose();
  }
}
