// The status-bar item with what SageMaker compute costs per hour right now ("SageMaker: $4.82/h"); hidden until
// the Running Now view has read the bill once. Clicked, it shows the view.
import * as vscode from 'vscode';

export class CostStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(viewId: string) {
    this.item = vscode.window.createStatusBarItem('sagemakerWorkbench.cost', vscode.StatusBarAlignment.Left, 99);
    this.item.name = vscode.l10n.t('SageMaker Workbench: Running Now');
    this.item.command = `${viewId}.focus`;
  }

  get text(): string {
    return this.item.text;
  }

  show(text: string, tooltip: string): void {
    this.item.text = `$(credit-card) ${text}`;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
