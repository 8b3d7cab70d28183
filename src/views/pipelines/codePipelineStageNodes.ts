// The inside of a CodePipeline: stages with their actions' state (from the pipeline's one state read), and
// the recent executions. A manual approval in progress is its own node kind, so the approve and reject
// commands can hang on it.
import * as vscode from 'vscode';
import type { PipelineExecutionSummary } from '@aws-sdk/client-codepipeline';
import {
  actionLink,
  type ActionStateLike,
  type PendingApproval,
  type StageStateLike,
} from '../../model/codePipelineState';
import { timeAgo } from '../../model/durations';
import type { ExplorerNode } from '../tree/explorerNode';
import { ErrorNode, MessageNode } from '../tree/messageNodes';
import { durationText, stageRuns, type ActionRun, type StageRun } from '../../model/stageDurations';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';

interface PipelineRef {
  readonly id: string;
  readonly name: string;
  readonly approvals: PendingApproval[];
}

export class StageNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly stage: StageStateLike,
    private readonly pipeline: PipelineRef,
    private readonly latestExecutionId: string | undefined,
  ) {
    this.id = `${pipeline.id}/stage/${stage.stageName ?? ''}`;
  }

  get pipelineName(): string {
    return this.pipeline.name;
  }
  get stageName(): string {
    return this.stage.stageName ?? '';
  }
  get status(): string | undefined {
    return this.stage.latestExecution?.status;
  }
  get executionId(): string | undefined {
    return this.stage.latestExecution?.pipelineExecutionId;
  }

  private get waiting(): PendingApproval | undefined {
    return this.pipeline.approvals.find((a) => a.stageName === this.stage.stageName);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.stage;
    const status = s.latestExecution?.status;
    const ranForOlder = !!s.latestExecution && s.latestExecution.pipelineExecutionId !== this.latestExecutionId;
    const item = new vscode.TreeItem(s.stageName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = this.waiting
      ? statusIcon('PendingManualApproval')
      : status
        ? statusIcon(status)
        : new vscode.ThemeIcon('circle-outline');
    item.description = this.waiting
      ? vscode.l10n.t('Waiting for approval')
      : [status ?? vscode.l10n.t('not run'), ranForOlder ? vscode.l10n.t('previous execution') : undefined]
          .filter(Boolean)
          .join(' · ');
    if (this.waiting) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    item.contextValue = `pipelineStage:${status ?? 'NotRun'}`;
    item.tooltip = factsTooltip(s.stageName ?? '', [
      [vscode.l10n.t('Status'), status],
      [vscode.l10n.t('Execution'), s.latestExecution?.pipelineExecutionId],
      [vscode.l10n.t('Actions'), (s.actionStates ?? []).map((a) => a.actionName).join(', ')],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const actions = this.stage.actionStates ?? [];
    if (actions.length === 0) return [new MessageNode(`${this.id}/none`, vscode.l10n.t('No actions'))];
    return actions.map((a) => {
      const approval = this.pipeline.approvals.find(
        (p) => p.stageName === this.stage.stageName && p.actionName === a.actionName,
      );
      return approval ? new ApprovalActionNode(a, approval, this.id) : new ActionNode(a, this.id);
    });
  }
}

export class ActionNode implements ExplorerNode {
  readonly id: string;

  constructor(
    protected readonly action: ActionStateLike,
    parentId: string,
  ) {
    this.id = `${parentId}/action/${action.actionName ?? ''}`;
  }

  /** The action's page (build logs, the report to review, the source revision), if AWS gave one. */
  get link(): string | undefined {
    return actionLink(this.action);
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.action;
    const e = a.latestExecution;
    const item = new vscode.TreeItem(a.actionName ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = e?.status ? statusIcon(e.status) : new vscode.ThemeIcon('circle-outline');
    const revision = a.currentRevision?.revisionId?.slice(0, 8);
    item.description = [
      e?.status ?? vscode.l10n.t('not run'),
      revision,
      e?.summary?.split('\n')[0],
      timeAgo(e?.lastStatusChange),
    ]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = `pipelineAction:${e?.status ?? 'NotRun'}${this.link ? ':link' : ''}`;
    item.tooltip = factsTooltip(a.actionName ?? '', [
      [vscode.l10n.t('Status'), e?.status],
      [vscode.l10n.t('Revision'), a.currentRevision?.revisionId],
      [vscode.l10n.t('Summary'), e?.summary],
      [vscode.l10n.t('Changed'), e?.lastStatusChange?.toLocaleString()],
      [vscode.l10n.t('By'), e?.lastUpdatedBy],
    ]);
    return item;
  }
}

/** A manual approval waiting now: the node the Approve / Reject commands act on. */
export class ApprovalActionNode extends ActionNode {
  constructor(
    action: ActionStateLike,
    readonly approval: PendingApproval,
    parentId: string,
  ) {
    super(action, parentId);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.iconPath = statusIcon('PendingManualApproval');
    item.description = [vscode.l10n.t('Waiting for approval'), timeAgo(this.approval.waitingSince)]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = 'pipelineApproval:pending';
    item.command = {
      command: 'sagemakerWorkbench.openReleaseReview',
      title: vscode.l10n.t('Review Release'),
      arguments: [this],
    };
    return item;
  }
}

/** One past or running execution; expanding it lists its stages with their durations (ListActionExecutions). */
export class CodePipelineExecutionNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly execution: PipelineExecutionSummary,
    parentId: string,
    private readonly actionRuns: (executionId: string) => Promise<ActionRun[]>,
    private readonly describeError: (error: unknown) => string,
    private readonly changed: (node: ExplorerNode) => void,
  ) {
    this.id = `${parentId}/execution/${execution.pipelineExecutionId ?? ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.execution;
    const item = new vscode.TreeItem(
      (e.pipelineExecutionId ?? '').slice(0, 8),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = statusIcon(e.status);
    const source = e.sourceRevisions?.[0];
    item.description = [e.status, timeAgo(e.startTime), source?.revisionSummary?.split('\n')[0]]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = `pipelineExecution:${e.status ?? 'Unknown'}`;
    item.tooltip = factsTooltip(e.pipelineExecutionId ?? '', [
      [vscode.l10n.t('Status'), e.status],
      [vscode.l10n.t('Started'), e.startTime?.toLocaleString()],
      [vscode.l10n.t('Updated'), e.lastUpdateTime?.toLocaleString()],
      ...(e.sourceRevisions ?? []).map((r): [string, string | undefined] => [
        r.actionName ?? vscode.l10n.t('Source'),
        `${(r.revisionId ?? '').slice(0, 8)} ${r.revisionSummary ?? ''}`.trim(),
      ]),
      [vscode.l10n.t('Trigger'), e.trigger?.triggerType],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    let runs: StageRun[];
    try {
      runs = stageRuns(await this.actionRuns(this.execution.pipelineExecutionId ?? ''));
    } catch (error) {
      return [new ErrorNode(`${this.id}/error`, this.describeError(error), () => this.changed(this))];
    }
    if (runs.length === 0) return [new MessageNode(`${this.id}/none`, vscode.l10n.t('No actions ran'))];
    return runs.map((run) => new StageRunNode(run, this.id));
  }
}

class StageRunNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly run: StageRun,
    parentId: string,
  ) {
    this.id = `${parentId}/stage/${run.stageName}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.run.stageName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = statusIcon(this.run.status);
    item.description = [this.run.status, durationText(this.run.durationMs)].filter(Boolean).join(' · ');
    item.contextValue = 'pipelineStageRun';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return this.run.actions.map(
      (a) => new StatusFactNode(`${this.id}/${a.actionName}`, a.actionName, a.status, durationText(a.durationMs)),
    );
  }
}

class StatusFactNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly status: string,
    private readonly duration: string | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = statusIcon(this.status);
    item.description = [this.status, this.duration].filter(Boolean).join(' · ');
    item.contextValue = 'pipelineActionRun';
    return item;
  }
}
