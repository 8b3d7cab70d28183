// The status-bar item that shows (and, clicked, changes) the AWS profile and region.
import * as vscode from 'vscode';
import { regionName } from '../model/regions';
import type { AwsSession } from '../session/awsSession';

export class SessionStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: AwsSession) {
    this.item = vscode.window.createStatusBarItem('sagemakerWorkbench.session', vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'SageMaker Workbench: AWS Profile and Region';
    this.item.command = 'sagemakerWorkbench.chooseProfile';
    this.subscription = session.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const s = this.session.current;
    const local = s.endpointUrl ? ' $(debug-disconnect)' : '';
    this.item.text = `$(cloud) ${s.profileLabel} · ${s.region}${local}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**SageMaker Workbench**\n\n');
    md.appendMarkdown(`Profile: \`${s.profileLabel}\`${s.profile ? '' : ' (default credential chain)'}\n\n`);
    md.appendMarkdown(`Region: \`${s.region}\` ${regionName(s.region) ?? ''} (from ${s.regionSource})\n\n`);
    if (s.endpointUrl) md.appendMarkdown(`Endpoint: \`${s.endpointUrl}\` (from ${s.endpointSource})\n\n`);
    if (this.session.credentialsState === 'missing')
      md.appendMarkdown('$(warning) No credentials found for this profile.\n\n');
    md.appendMarkdown('Click to choose another profile or region.');
    this.item.tooltip = md;
    this.item.backgroundColor =
      this.session.credentialsState === 'missing'
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
