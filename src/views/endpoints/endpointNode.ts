// An endpoint: status from the list call; expanding it describes the endpoint, its configuration and the
// autoscaling targets of its variants (three calls, once), which adds the capacity to the node and lists
// the production and shadow variants.
import * as vscode from 'vscode';
import type { EndpointSummary } from '@aws-sdk/client-sagemaker';
import { describeVariantTargets } from '../../aws/autoscaling/endpointScalingApi';
import { describeEndpoint, describeEndpointConfig } from '../../aws/sagemaker/endpointsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { consoleUrls } from '../../model/consoleUrls';
import { endpointCapacityText, mergeVariants, type VariantFacts } from '../../model/endpointVariants';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { ErrorNode, MessageNode } from '../tree/messageNodes';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';
import { VariantNode } from './variantNode';

interface Described {
  variants: VariantFacts[];
  configName?: string;
  failureReason?: string;
}

export class EndpointNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;
  private described?: Promise<Described>;
  private details?: Described;

  constructor(
    private summaryValue: EndpointSummary,
    private readonly session: AwsSession,
    region: string,
    private readonly changed: (node: ExplorerNode) => void,
  ) {
    const name = summaryValue.EndpointName ?? '';
    this.id = `endpoint:${region}:${name}`;
    this.resource = {
      kind: 'endpoint',
      name,
      arn: summaryValue.EndpointArn,
      region,
      consoleUrl: consoleUrls.endpoint(region, name),
      describe: () => describeEndpoint(session.clients, name),
    };
  }

  get summary(): EndpointSummary {
    return this.summaryValue;
  }

  /** A newer list result; a changed endpoint is described again when next expanded. */
  update(summary: EndpointSummary): void {
    const before = this.summaryValue;
    this.summaryValue = summary;
    if (
      before.EndpointStatus !== summary.EndpointStatus ||
      before.LastModifiedTime?.getTime() !== summary.LastModifiedTime?.getTime()
    )
      this.forget();
  }

  /** Drops the description; the next expand describes the endpoint again. */
  private forget(): void {
    this.described = undefined;
    this.details = undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summaryValue;
    const d = this.details;
    const item = new vscode.TreeItem(s.EndpointName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const capacity = d ? endpointCapacityText(d.variants) : undefined;
    const shadows = d?.variants.filter((v) => v.shadow).length ?? 0;
    item.description = [s.EndpointStatus, capacity, shadows ? vscode.l10n.t('{0} shadow', shadows) : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = statusIcon(s.EndpointStatus);
    item.contextValue = `resource:endpoint:${s.EndpointStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(s.EndpointName ?? '', [
      [vscode.l10n.t('Status'), s.EndpointStatus],
      [vscode.l10n.t('Capacity'), capacity],
      [vscode.l10n.t('Configuration'), d?.configName],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
      [vscode.l10n.t('Modified'), s.LastModifiedTime?.toLocaleString()],
      [vscode.l10n.t('Failure reason'), d?.failureReason],
    ]);
    return item;
  }

  private async describe(): Promise<Described> {
    const clients = this.session.clients;
    const endpoint = await describeEndpoint(clients, this.resource.name);
    this.resource.arn ??= endpoint.EndpointArn;
    const config = endpoint.EndpointConfigName
      ? await describeEndpointConfig(clients, endpoint.EndpointConfigName)
      : undefined;
    const names = [...(config?.ProductionVariants ?? []), ...(config?.ShadowProductionVariants ?? [])]
      .map((v) => v.VariantName ?? '')
      .filter(Boolean);
    const targets = await describeVariantTargets(clients, this.resource.name, names);
    return {
      variants: mergeVariants({ endpointName: this.resource.name, live: endpoint, config, targets }),
      configName: endpoint.EndpointConfigName,
      failureReason: endpoint.FailureReason,
    };
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const first = !this.described;
    this.described ??= this.describe();
    let d: Described;
    try {
      d = await this.described;
    } catch (error) {
      this.described = undefined;
      const e = toUserError(error, this.session, 'sagemaker', 'DescribeEndpoint');
      return [new ErrorNode(`${this.id}/error`, e.message, () => this.changed(this))];
    }
    if (first || !this.details) {
      this.details = d;
      this.changed(this);
    }
    const children: ExplorerNode[] = [];
    if (d.failureReason)
      children.push(new MessageNode(`${this.id}/failure`, d.failureReason, 'error', vscode.l10n.t('failure reason')));
    const redescribe = () => {
      this.forget();
      this.changed(this);
    };
    children.push(
      ...d.variants.map((v) => new VariantNode(v, this.session, this.id, this.changed, this.resource.name, redescribe)),
    );
    if (d.variants.length === 0) children.push(new MessageNode(`${this.id}/none`, vscode.l10n.t('No variants')));
    return children;
  }
}
