// A model package version: approval and creation time from the list call; expanding it describes it once and
// reads its ModelQuality statistics object from S3, whose headline metrics become its children and join
// its description.
import * as vscode from 'vscode';
import type { DescribeModelPackageCommandOutput, ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import { describeModelPackage, readQualityMetrics, statisticsUriOf } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { formatMetricValue } from '../../model/autoMlObjective';
import { consoleUrls } from '../../model/consoleUrls';
import type { QualityMetric } from '../../model/modelQualityMetrics';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { ErrorNode, FactNode, MessageNode } from '../tree/messageNodes';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip, type TooltipRow } from '../tree/tooltip';

interface VersionDetails {
  described: DescribeModelPackageCommandOutput;
  statisticsUri?: string;
  metrics?: QualityMetric[];
  metricsError?: string;
}

/** Metrics shown in the version's own description: the first few, as AWS's console does. */
const HEADLINE_METRICS = 3;

export class ModelPackageNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;
  private loading?: Promise<VersionDetails>;
  private details?: VersionDetails;

  constructor(
    private summaryValue: ModelPackageSummary,
    private readonly session: AwsSession,
    region: string,
    private readonly changed: (node: ExplorerNode) => void,
  ) {
    const arn = summaryValue.ModelPackageArn ?? '';
    const group = summaryValue.ModelPackageGroupName ?? '';
    this.id = `modelPackage:${region}:${arn || `${group}/${summaryValue.ModelPackageVersion ?? '?'}`}`;
    this.resource = {
      kind: 'model-package',
      name: `${group}/${summaryValue.ModelPackageVersion ?? '?'}`,
      arn: summaryValue.ModelPackageArn,
      region,
      consoleUrl: consoleUrls.modelPackageGroup(region, group),
      describe: () => describeModelPackage(session.clients, arn),
    };
  }

  get summary(): ModelPackageSummary {
    return this.summaryValue;
  }

  /** The version's metrics (described and read once); the approval confirmation shows them. */
  async metrics(): Promise<QualityMetric[] | undefined> {
    return (await this.load()).metrics;
  }

  /** After UpdateModelPackage: the tree shows the new status at once, without listing again. */
  approvalChanged(status: string): void {
    this.summaryValue = {
      ...this.summaryValue,
      ModelApprovalStatus: status as ModelPackageSummary['ModelApprovalStatus'],
    };
    this.changed(this);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const approval = s.ModelApprovalStatus ?? 'Unknown';
    const item = new vscode.TreeItem(`v${s.ModelPackageVersion ?? '?'}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const headline = this.details?.metrics
      ?.slice(0, HEADLINE_METRICS)
      .map((m) => `${m.name} ${formatMetricValue(m.value)}`)
      .join(', ');
    item.description = [approval, s.CreationTime?.toLocaleString(), headline || undefined].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(s.ModelApprovalStatus);
    item.contextValue = `resource:modelPackage:${approval}`;
    item.tooltip = factsTooltip(`${s.ModelPackageGroupName ?? ''} v${s.ModelPackageVersion ?? '?'}`, [
      [vscode.l10n.t('Approval'), s.ModelApprovalStatus],
      [vscode.l10n.t('Package status'), s.ModelPackageStatus],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
      [vscode.l10n.t('Description'), s.ModelPackageDescription],
      ...(this.details?.metrics ?? []).map((m): TooltipRow => [m.name, String(m.value)]),
    ]);
    return item;
  }

  private load(): Promise<VersionDetails> {
    this.loading ??= (async () => {
      const described = await describeModelPackage(this.session.clients, this.summary.ModelPackageArn ?? '');
      const statisticsUri = statisticsUriOf(described);
      if (!statisticsUri) return { described };
      try {
        return { described, statisticsUri, metrics: await readQualityMetrics(this.session.clients, statisticsUri) };
      } catch (error) {
        const e = error as { name?: string };
        const message =
          e.name && e.name !== 'Error'
            ? toUserError(error, this.session, 's3', 'GetObject').message
            : (error as Error).message;
        return { described, statisticsUri, metricsError: message };
      }
    })();
    return this.loading;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    let details: VersionDetails;
    try {
      details = await this.load();
    } catch (error) {
      this.loading = undefined;
      return [
        new ErrorNode(
          `${this.id}/error`,
          toUserError(error, this.session, 'sagemaker', 'DescribeModelPackage').message,
          () => this.changed(this),
        ),
      ];
    }
    if (!this.details) {
      this.details = details;
      if (details.metrics?.length) this.changed(this); // headline metrics join the description
    }
    const children: ExplorerNode[] = [];
    if (details.metricsError) {
      children.push(
        new ErrorNode(`${this.id}/metricsError`, vscode.l10n.t('Metrics: {0}', details.metricsError), () => {
          this.loading = undefined;
          this.details = undefined;
          this.changed(this);
        }),
      );
    } else if (!details.statisticsUri) {
      children.push(new MessageNode(`${this.id}/noMetrics`, vscode.l10n.t('No model quality metrics registered')));
    } else if (!details.metrics?.length) {
      children.push(
        new MessageNode(
          `${this.id}/noMetrics`,
          vscode.l10n.t('The statistics object has no metrics'),
          'info',
          details.statisticsUri,
        ),
      );
    }
    for (const m of details.metrics ?? []) {
      const sd = m.standardDeviation !== undefined ? ` ± ${formatMetricValue(m.standardDeviation)}` : '';
      children.push(
        new FactNode(
          `${this.id}/metric:${m.family}:${m.name}`,
          m.name,
          `${formatMetricValue(m.value)}${sd}`,
          'symbol-number',
          m.standardDeviation !== undefined
            ? vscode.l10n.t(
                '{0}: {1} = {2} (standard deviation {3})',
                m.family.replace(/_/g, ' '),
                m.name,
                m.value,
                m.standardDeviation,
              )
            : vscode.l10n.t('{0}: {1} = {2}', m.family.replace(/_/g, ' '), m.name, m.value),
        ),
      );
    }
    const container = details.described.InferenceSpecification?.Containers?.[0];
    if (container?.Image)
      children.push(new FactNode(`${this.id}/image`, vscode.l10n.t('Image'), container.Image, 'server-process'));
    if (container?.ModelDataUrl)
      children.push(
        new FactNode(`${this.id}/modelData`, vscode.l10n.t('Model data'), container.ModelDataUrl, 'package'),
      );
    return children;
  }
}
