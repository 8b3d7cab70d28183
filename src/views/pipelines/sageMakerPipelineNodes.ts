// SageMaker Pipelines: a pipeline lists its executions when expanded (newest first, one call per page), an
// execution lists its steps in the order they ran, each with its status, running time and what it made.
import * as vscode from 'vscode';
import type { PipelineExecutionStep, PipelineExecutionSummary, PipelineSummary } from '@aws-sdk/client-sagemaker';
import {
  describePipelineExecution,
  describeSageMakerPipeline,
  listExecutionParameters,
  listPipelineExecutionStepsPage,
  listSageMakerPipelineExecutionsPage,
} from '../../aws/sagemaker/pipelinesApi';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import { toUserError } from '../../ui/showAwsError';
import { sageMakerConsoleUrl } from '../../model/consoleUrls';
import { jobDuration, timeAgo } from '../../model/durations';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { ErrorNode, FactNode, MessageNode } from '../tree/messageNodes';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';

type Changed = (node: ExplorerNode) => void;

export class SageMakerPipelineNode extends PagedGroupNode<PipelineExecutionSummary> {
  readonly resource: ResourceRef;

  get name(): string {
    return this.summary.PipelineName ?? '';
  }

  constructor(
    private readonly summary: PipelineSummary,
    session: AwsSession,
    region: string,
    changed: Changed,
  ) {
    const name = summary.PipelineName ?? '';
    const id = `sageMakerPipeline:${region}:${name}`;
    super({
      id,
      label: summary.PipelineDisplayName ?? name,
      icon: 'type-hierarchy',
      noun: vscode.l10n.t('executions'),
      fetch: (token) => listSageMakerPipelineExecutionsPage(session.clients, name, token),
      toNode: (e) => new SageMakerPipelineExecutionNode(e, session, region, id, changed),
      changed,
      describeError: (error) => toUserError(error, session, 'sagemaker', 'ListPipelineExecutions').message,
    });
    this.resource = {
      kind: 'sagemaker-pipeline',
      name,
      arn: summary.PipelineArn,
      region,
      consoleUrl: sageMakerConsoleUrl(region, `pipelines/${encodeURIComponent(name)}`),
      describe: () => describeSageMakerPipeline(session.clients, name),
    };
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const s = this.summary;
    const count = item.description;
    item.description = [
      s.LastExecutionTime
        ? vscode.l10n.t('last run {0}', String(timeAgo(s.LastExecutionTime)))
        : vscode.l10n.t('never run'),
      count ? vscode.l10n.t('{0} executions', String(count)) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = 'resource:sageMakerPipeline';
    item.tooltip = factsTooltip(
      s.PipelineDisplayName ?? s.PipelineName ?? '',
      [
        [vscode.l10n.t('Name'), s.PipelineName],
        [vscode.l10n.t('Last execution'), s.LastExecutionTime?.toLocaleString()],
        [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
        [vscode.l10n.t('Role'), s.RoleArn],
      ],
      s.PipelineDescription,
    );
    return item;
  }
}

export class SageMakerPipelineExecutionNode extends PagedGroupNode<PipelineExecutionStep> {
  readonly resource: ResourceRef;

  constructor(
    private readonly summary: PipelineExecutionSummary,
    private readonly session: AwsSession,
    region: string,
    parentId: string,
    private readonly changed: Changed,
  ) {
    const arn = summary.PipelineExecutionArn ?? '';
    const executionId = arn.split('/').at(-1) ?? arn;
    const id = `${parentId}/execution/${executionId}`;
    super({
      id,
      label: summary.PipelineExecutionDisplayName ?? executionId,
      icon: 'debug-alt',
      noun: vscode.l10n.t('steps'),
      fetch: (token) => listPipelineExecutionStepsPage(session.clients, arn, token, pageSize()),
      toNode: (step) => new PipelineStepNode(step, id),
      changed,
      describeError: (error) => toUserError(error, session, 'sagemaker', 'ListPipelineExecutionSteps').message,
    });
    this.resource = {
      kind: 'sagemaker-pipeline-execution',
      name: executionId,
      arn,
      region,
      describe: () => describePipelineExecution(session.clients, arn),
    };
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    return [
      new ExecutionParametersNode(this.summary.PipelineExecutionArn ?? '', this.session, this.id, this.changed),
      ...(await super.getChildren()),
    ];
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const s = this.summary;
    item.iconPath = statusIcon(s.PipelineExecutionStatus);
    item.description = [s.PipelineExecutionStatus, timeAgo(s.StartTime)].filter(Boolean).join(' · ');
    item.contextValue = `resource:sageMakerPipelineExecution:${s.PipelineExecutionStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(s.PipelineExecutionDisplayName ?? '', [
      [vscode.l10n.t('Status'), s.PipelineExecutionStatus],
      [vscode.l10n.t('Started'), s.StartTime?.toLocaleString()],
      [vscode.l10n.t('Failure reason'), s.PipelineExecutionFailureReason],
      [vscode.l10n.t('ARN'), s.PipelineExecutionArn],
    ]);
    return item;
  }
}

/** What a step produced, from its metadata: the job it ran, the model package it registered, the condition's outcome. */
function stepOutput(step: PipelineExecutionStep): string | undefined {
  const m = step.Metadata;
  const arnTail = (arn?: string) => arn?.split(':').at(-1);
  if (m?.TrainingJob?.Arn) return arnTail(m.TrainingJob.Arn);
  if (m?.ProcessingJob?.Arn) return arnTail(m.ProcessingJob.Arn);
  if (m?.TransformJob?.Arn) return arnTail(m.TransformJob.Arn);
  if (m?.RegisterModel?.Arn) return arnTail(m.RegisterModel.Arn);
  if (m?.Model?.Arn) return arnTail(m.Model.Arn);
  if (m?.Condition?.Outcome) return vscode.l10n.t('outcome {0}', m.Condition.Outcome);
  return undefined;
}

class PipelineStepNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly step: PipelineExecutionStep,
    parentId: string,
  ) {
    this.id = `${parentId}/step/${step.StepName ?? ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.step;
    const item = new vscode.TreeItem(s.StepDisplayName ?? s.StepName ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = statusIcon(s.StepStatus);
    item.description = [s.StepStatus, jobDuration(s.StartTime, s.EndTime), s.FailureReason ? undefined : stepOutput(s)]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = `pipelineStep:${s.StepStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(
      s.StepName ?? '',
      [
        [vscode.l10n.t('Status'), s.StepStatus],
        [vscode.l10n.t('Started'), s.StartTime?.toLocaleString()],
        [vscode.l10n.t('Ended'), s.EndTime?.toLocaleString()],
        [vscode.l10n.t('Output'), stepOutput(s)],
        [vscode.l10n.t('Failure reason'), s.FailureReason],
      ],
      s.StepDescription,
    );
    return item;
  }
}

/** A run's parameter values, read when expanded (ListPipelineParametersForExecution). */
class ExecutionParametersNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly executionArn: string,
    private readonly session: AwsSession,
    parentId: string,
    private readonly changed: Changed,
  ) {
    this.id = `${parentId}/parameters`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Parameters'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('symbol-parameter');
    item.contextValue = 'group';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const values = await listExecutionParameters(this.session.clients, this.executionArn);
      if (values.length === 0) return [new MessageNode(`${this.id}/none`, vscode.l10n.t('No parameters'))];
      return values.map((v, i) => new FactNode(`${this.id}/${i}`, v.Name ?? '?', v.Value ?? '', 'symbol-parameter'));
    } catch (error) {
      return [
        new ErrorNode(
          `${this.id}/error`,
          toUserError(error, this.session, 'sagemaker', 'ListPipelineParametersForExecution').message,
          () => this.changed(this),
        ),
      ];
    }
  }
}
