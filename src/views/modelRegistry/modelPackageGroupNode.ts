// A model package group: expanding it lists its versions newest first, one ListModelPackages call per page.
import * as vscode from 'vscode';
import type { ModelPackageGroupSummary, ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import { describeModelPackageGroup, listModelPackagesPage } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { consoleUrls } from '../../model/consoleUrls';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { ModelPackageNode } from './modelPackageNode';

export class ModelPackageGroupNode extends PagedGroupNode<ModelPackageSummary> implements ExplorerNode {
  readonly resource: ResourceRef;

  constructor(
    readonly summary: ModelPackageGroupSummary,
    session: AwsSession,
    region: string,
    changed: (node: ExplorerNode) => void,
  ) {
    const name = summary.ModelPackageGroupName ?? '';
    const id = `modelPackageGroup:${region}:${name}`;
    super({
      id,
      label: name,
      icon: 'versions',
      noun: vscode.l10n.t('versions'),
      fetch: (token) => listModelPackagesPage(session.clients, name, token),
      toNode: (p) => new ModelPackageNode(p, session, region, changed),
      changed,
      describeError: (error) => toUserError(error, session, 'sagemaker', 'ListModelPackages').message,
    });
    this.resource = {
      kind: 'model-package-group',
      name,
      arn: summary.ModelPackageGroupArn,
      region,
      consoleUrl: consoleUrls.modelPackageGroup(region, name),
      describe: () => describeModelPackageGroup(session.clients, name),
    };
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    const s = this.summary;
    const count = item.description; // "3" or "50+" once the versions were listed
    item.description =
      [
        count ? (count === '1' ? vscode.l10n.t('1 version') : vscode.l10n.t('{0} versions', String(count))) : undefined,
        s.ModelPackageGroupStatus && s.ModelPackageGroupStatus !== 'Completed' ? s.ModelPackageGroupStatus : undefined,
        s.ModelPackageGroupDescription,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    item.contextValue = 'resource:modelPackageGroup';
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**')
      .appendText(s.ModelPackageGroupName ?? '')
      .appendMarkdown('**\n\n');
    if (s.ModelPackageGroupDescription) md.appendText(s.ModelPackageGroupDescription).appendMarkdown('\n\n');
    md.appendMarkdown('Created ').appendText(s.CreationTime?.toLocaleString() ?? '?');
    item.tooltip = md;
    return item;
  }
}
