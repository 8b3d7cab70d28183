// A CodePipeline pipeline: the list call gives only its name, so a pipeline reads its state once
// (GetPipelineState: stages, actions, the newest execution and any approval token): at once for the first
// AUTO_STATE_READS pipelines listed, the others in the background while the view is visible (at a bounded
// rate, see pipelineStateSweep) or on expand, so a refresh costs a bounded number of calls at once however many
// pipelines the account has. A release waiting for approval gets the bell icon and says so in its
// description; its stages are the children.
import * as vscode from 'vscode';
import type { GetPipelineStateCommandOutput, PipelineSummary } from '@aws-sdk/client-codepipeline';
import {
  getPipeline,
  getPipelineState,
  listActionExecutions,
  listCodePipelineExecutionsPage,
} from '../../aws/codepipeline/codePipelineApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { latestExecutionStatus, pendingApprovals, type PendingApproval } from '../../model/codePipelineState';
import { consoleUrls } from '../../model/consoleUrls';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { ErrorNode, MessageNode } from '../tree/messageNodes';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';
import { CodePipelineExecutionNode, StageNode } from './codePipelineStageNodes';

export interface CodePipelineHooks {
  /** Re-render this node (its state arrived or changed). */
  changed(node: ExplorerNode): void;
  /** The state was read: the view recounts approvals and decides whether to keep polling. */
  stateRead(node: CodePipelineNode, previousStatus: string | undefined): void;
  /** A read starts (the background reads leave this pipeline out meanwhile). */
  readStarted?(node: CodePipelineNode): void;
  /** AWS throttled a read (the background reads slow down). */
  throttled?(): void;
  /** The state the background reads already have for this pipeline, if any. */
  knownState?(name: string): GetPipelineStateCommandOutput | undefined;
  /** A background read of this pipeline under way: the row takes its answer instead of asking again. */
  pendingState?(name: string): Promise<GetPipelineStateCommandOutput> | undefined;
  /** Background reads will get to this pipeline (the view is visible). */
  readingInBackground?(): boolean;
}

/** Pipelines whose state is read as soon as they are listed; the rest when expanded. */
export const AUTO_STATE_READS = 10;

export class CodePipelineNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;
  private state?: GetPipelineStateCommandOutput;
  private loading?: Promise<void>;
  private error?: string;
  private errorName?: string;

  constructor(
    readonly summary: PipelineSummary,
    private readonly session: AwsSession,
    region: string,
    private readonly hooks: CodePipelineHooks,
    private readonly readStateAtOnce = true,
  ) {
    const name = summary.name ?? '';
    this.id = `codePipeline:${region}:${name}`;
    // A row listed beyond the first ones shows what the background reads found; the first ones read afresh.
    if (!readStateAtOnce) this.state = hooks.knownState?.(name);
    this.resource = {
      kind: 'codepipeline',
      name,
      region,
      consoleUrl: consoleUrls.codePipeline(region, name),
      // ListPipelines returns no ARN; GetPipeline's metadata does, so Copy ARN works once details were shown.
      describe: async () => {
        const out = await getPipeline(session.clients, name);
        this.resource.arn ??= out.metadata?.pipelineArn;
        return out;
      },
    };
  }

  get name(): string {
    return this.summary.name ?? '';
  }
  /** The last state read, if any. */
  get stateSnapshot(): GetPipelineStateCommandOutput | undefined {
    return this.state;
  }
  get approvals(): PendingApproval[] {
    return this.state ? pendingApprovals(this.state) : [];
  }
  get status(): string | undefined {
    return this.state ? latestExecutionStatus(this.state).status : undefined;
  }
  /** The error name of the last read, when it failed. */
  get failure(): string | undefined {
    return this.errorName;
  }

  /** Reads the state (again). Errors stay on the node so the tree can show them. */
  loadState(): Promise<void> {
    const before = this.status;
    if (this.loading) return this.loading;
    this.hooks.readStarted?.(this);
    const read =
      this.hooks.pendingState?.(this.name) ?? getPipelineState(this.session.clients, this.name, this.hooks.throttled);
    this.loading = read
      .then(
        (state) => {
          this.state = state;
          this.error = undefined;
          this.errorName = undefined;
        },
        (error: unknown) => {
          this.error = toUserError(error, this.session, 'codepipeline', 'GetPipelineState').message;
          this.errorName = (error as { name?: string }).name ?? 'Error';
        },
      )
      .finally(() => {
        this.loading = undefined;
        this.hooks.changed(this);
        this.hooks.stateRead(this, before);
      });
    return this.loading;
  }

  getTreeItem(): vscode.TreeItem {
    if (this.readStateAtOnce && !this.state && !this.loading && !this.error) void this.loadState();
    const unread = !this.state && !this.loading && !this.error;
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const approvals = this.approvals;
    const latest = this.state ? latestExecutionStatus(this.state) : {};
    if (approvals.length) {
      item.iconPath = statusIcon('PendingManualApproval');
      item.description = vscode.l10n.t('Waiting for approval · {0}', approvals.map((a) => a.actionName).join(', '));
    } else {
      item.iconPath = this.error
        ? new vscode.ThemeIcon('warning')
        : this.state
          ? statusIcon(latest.status)
          : unread
            ? new vscode.ThemeIcon('circle-large-outline')
            : new vscode.ThemeIcon('loading~spin');
      item.description = this.error
        ? vscode.l10n.t('state unavailable')
        : this.state
          ? [latest.status ?? vscode.l10n.t('never run'), latest.stageName].filter(Boolean).join(' · ')
          : unread
            ? this.hooks.readingInBackground?.()
              ? vscode.l10n.t('state read in the background soon')
              : vscode.l10n.t('expand for its state')
            : vscode.l10n.t('reading state…');
    }
    item.contextValue = `resource:codePipeline:${latest.status ?? 'Unknown'}${approvals.length ? ':approvalPending' : ''}`;
    item.tooltip = factsTooltip(this.name, [
      [vscode.l10n.t('Latest execution'), latest.executionId],
      [vscode.l10n.t('Status'), approvals.length ? vscode.l10n.t('waiting for manual approval') : latest.status],
      [vscode.l10n.t('Furthest stage'), latest.stageName],
      [vscode.l10n.t('Waiting since'), approvals[0]?.waitingSince?.toLocaleString()],
      [vscode.l10n.t('Pipeline type'), this.summary.pipelineType],
      [vscode.l10n.t('Execution mode'), this.summary.executionMode],
      [vscode.l10n.t('Updated'), this.summary.updated?.toLocaleString()],
      [vscode.l10n.t('Error'), this.error],
      [
        vscode.l10n.t('State'),
        unread
          ? vscode.l10n.t(
              'read when expanded, or in the background while this view is visible (the first {0} pipelines listed are read at once)',
              AUTO_STATE_READS,
            )
          : undefined,
      ],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.state) await this.loadState();
    if (!this.state)
      return [
        new ErrorNode(
          `${this.id}/error`,
          this.error ?? vscode.l10n.t('The pipeline state could not be read'),
          () => void this.loadState(),
        ),
      ];
    const latest = latestExecutionStatus(this.state);
    const stages: ExplorerNode[] = (this.state.stageStates ?? []).map(
      (stage) => new StageNode(stage, this, latest.executionId),
    );
    if (stages.length === 0) stages.push(new MessageNode(`${this.id}/nostages`, vscode.l10n.t('No stages')));
    const executions = new PagedGroupNode({
      id: `${this.id}/executions`,
      label: vscode.l10n.t('Recent executions'),
      icon: 'history',
      noun: vscode.l10n.t('executions'),
      fetch: (token) => listCodePipelineExecutionsPage(this.session.clients, this.name, token),
      toNode: (e) =>
        new CodePipelineExecutionNode(
          e,
          this.id,
          (executionId) => listActionExecutions(this.session.clients, this.name, executionId),
          (error) => toUserError(error, this.session, 'codepipeline', 'ListActionExecutions').message,
          (node) => this.hooks.changed(node),
        ),
      changed: (node) => this.hooks.changed(node),
      describeError: (error) => toUserError(error, this.session, 'codepipeline', 'ListPipelineExecutions').message,
    });
    return [...stages, executions];
  }
}

/**
 * The pipeline rows among the Pipelines view's top-level children, each with its state: the ones not read yet are
 * read now (what Review Pending Approvals looks through).
 */
export async function pipelineRowsWithStates(roots: readonly unknown[]): Promise<CodePipelineNode[]> {
  const rows = roots.filter((n): n is CodePipelineNode => n instanceof CodePipelineNode);
  await Promise.all(rows.filter((p) => p.status === undefined).map((p) => p.loadState()));
  return rows;
}
