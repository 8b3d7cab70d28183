// The status-bar item that shows (and, clicked, changes) the AWS profile and region.
import * as vscode from 'vscode';
import { regionName } from '../model/regions';
import type { AwsSession } from '../session/awsSession';

/** Where a setting came from, in words. */
function sourceText(source: string | undefined): string {
  switch (source) {
    case 'setting':
      return vscode.l10n.t('setting');
    case 'environment':
      return vscode.l10n.t('environment');
    case 'profile':
      return vscode.l10n.t('profile');
    case 'fallback':
      return vscode.l10n.t('fallback');
    default:
      return String(source);
  }
}

export class SessionStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: AwsSession) {
    this.item = vscode.window.createStatusBarItem('sagemakerWorkbench.session', vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('SageMaker Workbench: AWS Profile and Region');
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
    md.appendMarkdown(`**${vscode.l10n.t('SageMaker Workbench')}**\n\n`);
    md.appendMarkdown(
      (s.profile
        ? vscode.l10n.t('Profile: `{0}`', s.profileLabel)
        : vscode.l10n.t('Profile: `{0}` (default credential chain)', s.profileLabel)) + '\n\n',
    );
    md.appendMarkdown(
      vscode.l10n.t('Region: `{0}` {1} (from {2})', s.region, regionName(s.region) ?? '', sourceText(s.regionSource)) +
        '\n\n',
    );
    if (s.endpointUrl)
      md.appendMarkdown(
        vscode.l10n.t('Endpoint: `{0}` (from {1})', s.endpointUrl, sourceText(s.endpointSource)) + '\n\n',
      );
    if (this.session.credentialsState === 'missing')
      md.appendMarkdown(vscode.l10n.t('$(warning) No credentials found for this profile.') + '\n\n');
    md.appendMarkdown(vscode.l10n.t('Click to choose another profile or region.'));
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
