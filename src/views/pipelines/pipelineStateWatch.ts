// Keeps the Pipelines view honest about releases: counts the approvals waiting for someone (the view's
// badge), re-reads the state of pipelines that are running while the view is visible (backing off while
// nothing changes) and tells the user when a watched release finishes.
import * as vscode from 'vscode';
import { PollBackoff } from '../../model/pollBackoff';
import { autoRefreshSeconds } from '../tree/statusPoller';
import { isInProgress } from '../tree/statusIcon';
import type { ExplorerNode } from '../tree/explorerNode';
import type { CodePipelineNode } from './codePipelineNode';

export class PipelineStateWatch implements vscode.Disposable {
  private view?: vscode.TreeView<ExplorerNode>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff = new PollBackoff({ initialMs: 10_000, maxMs: 120_000, factor: 1.5 });
  /** State re-reads made by polling; the tests and the benchmark read it. */
  polls = 0;

  constructor(private readonly nodes: () => Iterable<CodePipelineNode>) {}

  attach(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    this.view = view;
    this.updateBadge();
    return view.onDidChangeVisibility((e) => (e.visible ? this.schedule() : this.stop()));
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
    let count = 0;
    for (const node of this.nodes()) count += node.approvals.length;
    return count;
  }

  /** A pipeline's state was read (first time, poll, or retry). */
  stateRead(node: CodePipelineNode, before: string | undefined): void {
    this.updateBadge();
    const after = node.status;
    if (before && after && before !== after && !isInProgress(after)) {
      const message = `Pipeline ${node.name}: ${before} → ${after}`;
      if (after === 'Failed') void vscode.window.showErrorMessage(message);
      else void vscode.window.showInformationMessage(message);
    }
    this.schedule();
  }

  updateBadge(): void {
    if (!this.view) return;
    const count = this.pendingApprovalCount;
    this.view.badge = count
      ? { value: count, tooltip: `${count} release${count === 1 ? '' : 's'} waiting for your approval` }
      : undefined;
  }

  schedule(): void {
    if (this.timer || !this.view?.visible) return;
    const seconds = autoRefreshSeconds();
    if (seconds <= 0 || !this.running().length) return;
    this.timer = setTimeout(() => void this.poll(), Math.max(this.backoff.delayMs, seconds * 1000));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private running(): CodePipelineNode[] {
    return [...this.nodes()].filter((n) => isInProgress(n.status));
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (!this.view?.visible) return;
    const running = this.running();
    const before = running.map((n) => `${n.status}|${n.approvals.length}`);
    this.polls++;
    await Promise.all(running.map((n) => n.loadState()));
    this.backoff.next(running.some((n, i) => `${n.status}|${n.approvals.length}` !== before[i]));
    this.schedule();
  }

  dispose(): void {
    this.stop();
  }
}
