// A lifecycle configuration: expanding it describes it once and shows its on-create and on-start scripts.
import * as vscode from 'vscode';
import type { DescribeNotebookInstanceLifecycleConfigCommandOutput } from '@aws-sdk/client-sagemaker';
import { consoleUrls } from '../../model/consoleUrls';
import { decodeLifecycleScript, scriptSummary } from '../../model/lifecycleScripts';
import { describeLifecycleConfig } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsClients } from '../../aws/clients';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';

export class LifecycleConfigNode implements ExplorerNode {
  readonly resource: ResourceRef;
  private described?: Promise<DescribeNotebookInstanceLifecycleConfigCommandOutput>;

  constructor(
    private readonly name: string,
    private readonly clients: AwsClients,
    region: string,
    readonly id = `lcc:${region}:${name}`,
    private readonly creationTime?: Date,
  ) {
    this.resource = {
      kind: 'lifecycle-config',
      name,
      region,
      consoleUrl: consoleUrls.lifecycleConfig(region, name),
      describe: () => describeLifecycleConfig(clients, name),
    };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.creationTime
      ? vscode.l10n.t('lifecycle configuration · {0}', this.creationTime.toLocaleDateString())
      : vscode.l10n.t('lifecycle configuration');
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    item.contextValue = 'resource:lifecycleConfig';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    this.described ??= describeLifecycleConfig(this.clients, this.name);
    const out = await this.described;
    this.resource.arn = out.NotebookInstanceLifecycleConfigArn;
    return [
      new LifecycleScriptNode(
        `${this.id}/onCreate`,
        vscode.l10n.t('On create'),
        decodeLifecycleScript(out.OnCreate?.[0]?.Content),
        this.name,
        'on-create',
      ),
      new LifecycleScriptNode(
        `${this.id}/onStart`,
        vscode.l10n.t('On start'),
        decodeLifecycleScript(out.OnStart?.[0]?.Content),
        this.name,
        'on-start',
      ),
    ];
  }
}

export class LifecycleScriptNode implements ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    readonly script: string,
    readonly configName: string,
    readonly hook: 'on-create' | 'on-start',
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.script ? scriptSummary(this.script) : vscode.l10n.t('no script');
    item.iconPath = new vscode.ThemeIcon('terminal-bash');
    const md = new vscode.MarkdownString();
    md.appendCodeblock(
      this.script.length > 2000 ? `${this.script.slice(0, 2000)}\n…` : this.script || vscode.l10n.t('(empty)'),
      'bash',
    );
    item.tooltip = md;
    item.contextValue = 'lifecycleScript';
    // A click opens the script as a file: Save updates the configuration.
    item.command = {
      command: 'sagemakerWorkbench.editLifecycleScript',
      title: vscode.l10n.t('Edit Script'),
      arguments: [this],
    };
    return item;
  }
}
