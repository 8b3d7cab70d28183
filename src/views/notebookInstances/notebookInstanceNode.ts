// A notebook instance in the sidebar: what the list call returned (no describe per row), and whether it stops itself
// when idle (its lifecycle configuration read once for every instance that shares it); its children, the lifecycle
// configuration and code repositories, are described only when expanded.
import * as vscode from 'vscode';
import type { NotebookInstanceSummary } from '@aws-sdk/client-sagemaker';
import { consoleUrls } from '../../model/consoleUrls';
import { describeNotebookInstance } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsClients } from '../../aws/clients';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import { FactNode } from '../tree/messageNodes';
import { statusIcon } from '../tree/statusIcon';
import { LifecycleConfigNode } from './lifecycleConfigNode';
import { factsTooltip } from '../tree/tooltip';
import type { AutoStopShown } from './autoStopStatus';

export class NotebookInstanceNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    readonly summary: NotebookInstanceSummary,
    private readonly clients: AwsClients,
    region: string,
    private readonly autoStop: () => Promise<AutoStopShown>,
  ) {
    const name = summary.NotebookInstanceName ?? '';
    this.id = `notebook:${region}:${name}`;
    this.resource = {
      kind: 'notebook-instance',
      name,
      arn: summary.NotebookInstanceArn,
      region,
      consoleUrl: consoleUrls.notebookInstance(region, name),
      describe: () => describeNotebookInstance(clients, name),
    };
  }

  async getTreeItem(): Promise<vscode.TreeItem> {
    const s = this.summary;
    const autoStop = await this.autoStop();
    const item = new vscode.TreeItem(s.NotebookInstanceName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [s.NotebookInstanceStatus, s.InstanceType, autoStop.text].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(s.NotebookInstanceStatus);
    item.contextValue = `resource:notebookInstance:${s.NotebookInstanceStatus ?? 'Unknown'}`;
    item.tooltip = factsTooltip(s.NotebookInstanceName ?? '', [
      [vscode.l10n.t('Status'), s.NotebookInstanceStatus],
      [vscode.l10n.t('Instance type'), s.InstanceType],
      [vscode.l10n.t('Lifecycle configuration'), s.NotebookInstanceLifecycleConfigName],
      [vscode.l10n.t('Auto-stop'), autoStop.detail],
      [vscode.l10n.t('Default code repository'), s.DefaultCodeRepository],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
      [vscode.l10n.t('Modified'), s.LastModifiedTime?.toLocaleString()],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const s = this.summary;
    const region = this.resource.region;
    const children: ExplorerNode[] = [];
    if (s.NotebookInstanceLifecycleConfigName) {
      children.push(
        new LifecycleConfigNode(s.NotebookInstanceLifecycleConfigName, this.clients, region, `${this.id}/lcc`),
      );
    } else {
      children.push(
        new FactNode(`${this.id}/lcc`, vscode.l10n.t('Lifecycle configuration'), vscode.l10n.t('none'), 'symbol-event'),
      );
    }
    children.push(
      new FactNode(
        `${this.id}/repo`,
        vscode.l10n.t('Default code repository'),
        s.DefaultCodeRepository ?? vscode.l10n.t('none'),
        'repo',
      ),
    );
    for (const [i, repo] of (s.AdditionalCodeRepositories ?? []).entries()) {
      children.push(new FactNode(`${this.id}/repo${i}`, vscode.l10n.t('Additional code repository'), repo, 'repo'));
    }
    return children;
  }
}
