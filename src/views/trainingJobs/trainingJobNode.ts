// A training job: status and running time from the list call; expanding it describes it once, which adds
// the secondary status and the image (AutoGluon / BYOC marked) to the node and lists its metrics,
// hyperparameters, input channels and output artifact.
import * as vscode from 'vscode';
import type { DescribeTrainingJobCommandOutput, TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { formatMetricValue } from '../../model/autoMlObjective';
import { consoleUrls } from '../../model/consoleUrls';
import { jobDuration } from '../../model/durations';
import { accountOfArn, describeImage, imageOrigin, isAutoGluonImage } from '../../model/trainingImages';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { ErrorNode, FactNode } from '../tree/messageNodes';
import { statusIcon } from '../tree/statusIcon';
import { FactGroupNode } from './factGroupNode';
import { factsTooltip } from '../tree/tooltip';

export class TrainingJobNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;
  private described?: Promise<DescribeTrainingJobCommandOutput>;
  private details?: DescribeTrainingJobCommandOutput;

  constructor(
    private summaryValue: TrainingJobSummary,
    private readonly session: AwsSession,
    region: string,
    private readonly changed: (node: ExplorerNode) => void,
  ) {
    const name = summaryValue.TrainingJobName ?? '';
    this.id = `trainingJob:${region}:${name}`;
    this.resource = {
      kind: 'training-job',
      name,
      arn: summaryValue.TrainingJobArn,
      region,
      consoleUrl: consoleUrls.trainingJob(region, name),
      describe: () => describeTrainingJob(session.clients, name),
    };
  }

  get summary(): TrainingJobSummary {
    return this.summaryValue;
  }

  /** A newer list result; the description is fetched again on expand only if the job changed since. */
  update(summary: TrainingJobSummary): void {
    const before = this.summaryValue;
    this.summaryValue = summary;
    if (
      before.TrainingJobStatus !== summary.TrainingJobStatus ||
      before.LastModifiedTime?.getTime() !== summary.LastModifiedTime?.getTime()
    ) {
      this.described = undefined;
      this.details = undefined;
    }
  }

  private get image(): string | undefined {
    return this.details?.AlgorithmSpecification?.TrainingImage;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summaryValue;
    const d = this.details;
    const status = s.TrainingJobStatus ?? 'Unknown';
    const ownAccount = accountOfArn(s.TrainingJobArn);
    const item = new vscode.TreeItem(s.TrainingJobName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const secondary = d?.SecondaryStatus ?? s.SecondaryStatus;
    item.description = [
      s.TrainingJobStatus,
      jobDuration(s.CreationTime, s.TrainingEndTime ?? d?.TrainingEndTime),
      d && secondary !== s.TrainingJobStatus ? secondary : undefined,
      d ? (describeImage(this.image, ownAccount) ?? d.AlgorithmSpecification?.AlgorithmName) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = statusIcon(s.TrainingJobStatus);
    item.contextValue = `resource:trainingJob:${status}${isAutoGluonImage(this.image) ? ':autogluon' : ''}`;
    const origin = imageOrigin(this.image, ownAccount);
    item.tooltip = factsTooltip(s.TrainingJobName ?? '', [
      [vscode.l10n.t('Status'), s.TrainingJobStatus],
      [vscode.l10n.t('Secondary status'), secondary],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
      [vscode.l10n.t('Ended'), (s.TrainingEndTime ?? d?.TrainingEndTime)?.toLocaleString()],
      [vscode.l10n.t('Image'), this.image ?? d?.AlgorithmSpecification?.AlgorithmName],
      [
        vscode.l10n.t('Container'),
        origin === 'own'
          ? vscode.l10n.t("bring your own (this account's ECR)")
          : origin === 'aws'
            ? vscode.l10n.t('AWS-provided')
            : origin,
      ],
      [
        vscode.l10n.t('Instance'),
        d?.ResourceConfig
          ? `${d.ResourceConfig.InstanceCount ?? 1} × ${d.ResourceConfig.InstanceType ?? '?'}`
          : undefined,
      ],
      [vscode.l10n.t('Failure reason'), d?.FailureReason],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const first = !this.described;
    this.described ??= describeTrainingJob(this.session.clients, this.resource.name);
    let d: DescribeTrainingJobCommandOutput;
    try {
      d = await this.described;
    } catch (error) {
      this.described = undefined;
      const message = toUserError(error, this.session, 'sagemaker', 'DescribeTrainingJob').message;
      return [new ErrorNode(`${this.id}/error`, message, () => this.changed(this))];
    }
    if (first || !this.details) {
      this.details = d;
      // Re-render the job itself with what the describe added (secondary status, image).
      this.changed(this);
    }
    const metrics = (d.FinalMetricDataList ?? []).map((m) => ({
      label: m.MetricName ?? '?',
      value: formatMetricValue(m.Value),
      tooltip: `${m.MetricName ?? '?'} = ${m.Value ?? '?'}`,
    }));
    const hyperparameters = Object.entries(d.HyperParameters ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => ({ label: k, value: v }));
    const channels = (d.InputDataConfig ?? []).map((c) => ({
      label: c.ChannelName ?? '?',
      value: c.DataSource?.S3DataSource?.S3Uri ?? c.DataSource?.FileSystemDataSource?.DirectoryPath ?? '—',
    }));
    const artifact = d.ModelArtifacts?.S3ModelArtifacts;
    return [
      new FactGroupNode(`${this.id}/metrics`, vscode.l10n.t('Final metrics'), 'graph-line', metrics, 'symbol-number'),
      new FactGroupNode(
        `${this.id}/hyperparameters`,
        vscode.l10n.t('Hyperparameters'),
        'settings',
        hyperparameters,
        'symbol-property',
      ),
      new FactGroupNode(`${this.id}/channels`, vscode.l10n.t('Input channels'), 'cloud-download', channels, 'database'),
      new FactNode(
        `${this.id}/artifact`,
        vscode.l10n.t('Output artifact'),
        artifact ?? (d.TrainingJobStatus === 'Completed' ? vscode.l10n.t('none') : vscode.l10n.t('not yet')),
        'package',
        artifact,
      ),
    ];
  }
}
