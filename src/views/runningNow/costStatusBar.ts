// The status-bar item with what SageMaker compute costs per hour right now ("SageMaker: $4.82/h"); hidden until
// the Running Now view has read the bill once. Clicked, it shows the view.
import * as vscode from 'vscode';
import { statusBarText, type Bill } from '../../model/costBill';

export class CostStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(viewId: string) {
    this.item = vscode.window.createStatusBarItem('sagemakerWorkbench.cost', vscode.StatusBarAlignment.Left, 99);
    this.item.name = 'SageMaker Workbench: Running Now';
    this.item.command = `${viewId}.focus`;
  }

  get text(): string {
    return this.item.text;
  }

  show(bill: Bill, region: string): void {
    this.item.text = `$(credit-card) ${statusBarText(bill)}`;
    this.item.tooltip =
      `SageMaker compute running in ${region}, at on-demand prices` +
      (bill.unknownCount ? ` (${bill.unknownCount} with price unknown not included)` : '') +
      '. Click to see what runs.';
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
