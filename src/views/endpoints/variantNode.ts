// A production or shadow variant of an endpoint: capacity, weight and autoscaling bounds are already known
// from the endpoint's expansion; expanding a variant lists its images and reads its scaling policies.
import * as vscode from 'vscode';
import type { ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import { describeVariantPolicies } from '../../aws/autoscaling/endpointScalingApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { capacityText, scalingText, variantResourceId, type VariantFacts } from '../../model/endpointVariants';
import type { ExplorerNode } from '../tree/explorerNode';
import { ErrorNode, FactNode } from '../tree/messageNodes';
import { factsTooltip } from '../tree/tooltip';

export class VariantNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly facts: VariantFacts,
    private readonly session: AwsSession,
    parentId: string,
    private readonly changed: (node: ExplorerNode) => void,
    readonly endpointName: string,
    /** The endpoint describes itself again (after its scaling changed). */
    readonly endpointChanged: () => void,
  ) {
    this.id = `${parentId}/variant/${facts.name}`;
  }

  get resourceId(): string {
    return variantResourceId(this.endpointName, this.facts.name);
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.facts;
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [
      v.shadow ? vscode.l10n.t('shadow') : undefined,
      capacityText(v),
      v.weight !== undefined && !v.shadow ? vscode.l10n.t('weight {0}', v.weight) : undefined,
      scalingText(v),
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(v.shadow ? 'mirror' : 'server-process');
    item.contextValue = `variant:${v.shadow ? 'shadow' : 'production'}${v.scaling ? ':autoscaled' : ''}${v.serverless ? ':serverless' : ''}`;
    item.tooltip = factsTooltip(v.name, [
      [
        vscode.l10n.t('Kind'),
        v.shadow
          ? vscode.l10n.t('shadow variant (receives a copy of the traffic; its answers are not returned)')
          : vscode.l10n.t('production variant'),
      ],
      [vscode.l10n.t('Capacity'), capacityText(v)],
      [vscode.l10n.t('Weight'), v.weight],
      [vscode.l10n.t('Model'), v.modelName],
      [
        vscode.l10n.t('Autoscaling'),
        v.scaling
          ? vscode.l10n.t('{0} to {1} instances', v.scaling.min ?? '?', v.scaling.max ?? '?')
          : vscode.l10n.t('not configured'),
      ],
      [vscode.l10n.t('Status'), v.status],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const v = this.facts;
    const children: ExplorerNode[] = [];
    if (v.modelName)
      children.push(new FactNode(`${this.id}/model`, vscode.l10n.t('Model'), v.modelName, 'symbol-class'));
    v.images.forEach((image, i) =>
      children.push(
        new FactNode(
          `${this.id}/image${i}`,
          v.images.length > 1 ? vscode.l10n.t('Container {0}', i + 1) : vscode.l10n.t('Image'),
          image,
          'package',
        ),
      ),
    );
    if (!v.scaling) {
      children.push(
        new FactNode(
          `${this.id}/scaling`,
          vscode.l10n.t('Autoscaling'),
          v.serverless ? vscode.l10n.t('serverless (scales by itself)') : vscode.l10n.t('not configured'),
          'graph',
        ),
      );
      return children;
    }
    children.push(
      new FactNode(
        `${this.id}/scaling`,
        vscode.l10n.t('Autoscaling'),
        vscode.l10n.t('{0}–{1} instances', v.scaling.min ?? '?', v.scaling.max ?? '?'),
        'graph',
      ),
    );
    try {
      const policies = await describeVariantPolicies(this.session.clients, v.scaling.resourceId);
      if (policies.length === 0)
        children.push(
          new FactNode(`${this.id}/policy`, vscode.l10n.t('Scaling policy'), vscode.l10n.t('none'), 'symbol-ruler'),
        );
      policies.forEach((p, i) => children.push(new ScalingPolicyNode(p, `${this.id}/policy${i}`)));
    } catch (error) {
      const e = toUserError(error, this.session, 'application-autoscaling', 'DescribeScalingPolicies');
      children.push(new ErrorNode(`${this.id}/policy-error`, e.message, () => this.changed(this)));
    }
    return children;
  }
}

/** A scaling policy in one line: "Invocations-ScalingPolicy: target 10 SageMakerVariantInvocationsPerInstance". */
class ScalingPolicyNode implements ExplorerNode {
  constructor(
    private readonly policy: ScalingPolicy,
    readonly id: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const p = this.policy;
    const tracking = p.TargetTrackingScalingPolicyConfiguration;
    const metric =
      tracking?.PredefinedMetricSpecification?.PredefinedMetricType ??
      tracking?.CustomizedMetricSpecification?.MetricName;
    const item = new vscode.TreeItem(p.PolicyName ?? '', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('symbol-ruler');
    item.description = tracking
      ? vscode.l10n.t('target {0} {1}', tracking.TargetValue ?? '?', metric ?? '').trim()
      : p.PolicyType;
    item.contextValue = 'scalingPolicy';
    item.tooltip = factsTooltip(p.PolicyName ?? '', [
      [vscode.l10n.t('Type'), p.PolicyType],
      [vscode.l10n.t('Metric'), metric],
      [vscode.l10n.t('Target value'), tracking?.TargetValue],
      [
        vscode.l10n.t('Scale-in cooldown'),
        tracking?.ScaleInCooldown !== undefined ? vscode.l10n.t('{0} s', tracking.ScaleInCooldown) : undefined,
      ],
      [
        vscode.l10n.t('Scale-out cooldown'),
        tracking?.ScaleOutCooldown !== undefined ? vscode.l10n.t('{0} s', tracking.ScaleOutCooldown) : undefined,
      ],
      [vscode.l10n.t('Created'), p.CreationTime?.toLocaleString()],
    ]);
    return item;
  }
}
