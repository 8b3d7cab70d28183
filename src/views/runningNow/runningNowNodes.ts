// The rows of the Running Now view: the total per hour first, then one row per billable resource (an endpoint per
// variant). A notebook instance row offers Stop and an endpoint row Delete (contextValue), each through the
// existing stop and delete commands' functions; a Studio space app row offers the Studio view's own Stop Space…,
// which takes the row as it takes a space node (resource kind studio-space and the space's domain).
import * as vscode from 'vscode';
import {
  formatUsd,
  idleKinds,
  rowDescription,
  rowLabel,
  type Bill,
  type BillRow,
  type RunningKind,
} from '../../model/costBill';
import { jupyterHostKey } from '../../model/idleNotebooks';
import type { AutoStopShown } from '../notebookInstances/autoStopStatus';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';

const ICONS: Record<RunningKind, string> = {
  'notebook-instance': 'notebook',
  'studio-space-app': 'vm',
  'endpoint-variant': 'plug',
  'training-job': 'pulse',
  'processing-job': 'gear',
  'transform-job': 'list-flat',
  'autopilot-job': 'rocket',
};

export class BillRowNode implements ExplorerNode {
  readonly id: string;
  /** A Studio space app's row stands for its space, as the Studio commands read a space node. */
  readonly resource?: ResourceRef;
  readonly domainId?: string;

  constructor(
    readonly row: BillRow,
    readonly region: string,
    /** A notebook instance's row: whether it stops itself when idle (its lifecycle configuration). */
    readonly autoStop?: AutoStopShown,
  ) {
    const r = row.resource;
    this.id = `runningNow:${r.kind}:${r.domainId ?? ''}:${r.name}:${r.variant ?? ''}`;
    if (r.kind === 'studio-space-app' && r.domainId) {
      this.resource = { kind: 'studio-space', name: r.name, region };
      this.domainId = r.domainId;
    }
  }

  /** The notebook instance or endpoint a one-click action works on. */
  get target(): { kind: 'notebook-instance' | 'endpoint'; name: string } | undefined {
    const r = this.row.resource;
    if (r.kind === 'notebook-instance') return { kind: 'notebook-instance', name: r.name };
    if (r.kind === 'endpoint-variant') return { kind: 'endpoint', name: r.name };
    return undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.row.resource;
    const item = new vscode.TreeItem(rowLabel(r), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = rowDescription(this.row);
    const unknown = this.row.billing === 'unknown';
    // An idle endpoint stands out: money spent on nothing, with Delete on its row.
    item.iconPath = new vscode.ThemeIcon(
      this.row.idle ? 'debug-pause' : ICONS[r.kind],
      unknown || this.row.idle ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.tooltip = new vscode.MarkdownString()
      .appendText(
        `${rowLabel(r)} (${r.kind.replace(/-/g, ' ')}, ${r.domainId ? `${r.domainId}, ` : ''}${this.region})\n\n`,
      )
      .appendText(rowDescription(this.row));
    const idle = this.row.idle;
    if (idle && 'hours' in idle)
      item.tooltip.appendText(
        '\n\n' +
          vscode.l10n.t(
            'No invocations in the last {0} h (CloudWatch Invocations, all production variants); its instances are billed all the same. Delete it if nothing needs it.',
            idle.hours,
          ),
      );
    else if (idle)
      item.tooltip.appendText(
        '\n\n' +
          vscode.l10n.t(
            'Its Jupyter server saw no kernel or terminal activity for {0} min (idle after {1} min, sagemakerWorkbench.idleNotebookMinutes; a busy kernel is never idle); its instance is billed all the same. Stop it if nothing needs it.',
            idle.minutes,
            idle.thresholdMinutes,
          ),
      );
    else if (jupyterHostKey(r) && !this.row.activityRead)
      item.tooltip.appendText(
        '\n\n' +
          vscode.l10n.t(
            'Not checked for idleness: its Jupyter activity is read only while you are connected to it (a notebook on its kernel, or its files open).',
          ),
      );
    if (this.autoStop)
      item.tooltip.appendText('\n\n' + vscode.l10n.t('Auto-stop: {0}. {1}', this.autoStop.text, this.autoStop.detail));
    item.contextValue = `runningNow:${r.kind}`;
    return item;
  }
}

export class BillTotalNode implements ExplorerNode {
  readonly id = 'runningNow:total';

  constructor(
    readonly bill: Bill,
    readonly region: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Total {0}/h in {1}', formatUsd(this.bill.totalUsdPerHour), this.region),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    const unknown = this.bill.unknownCount;
    const idle = this.bill.idleUsdPerHour;
    item.description =
      (unknown
        ? vscode.l10n.t('on-demand prices; {0} with price unknown not included', unknown)
        : vscode.l10n.t('on-demand prices from the AWS Price List')) +
      (idle !== undefined ? vscode.l10n.t('; {0}/h of it on {1}', formatUsd(idle), idleKinds(this.bill)) : '');
    item.iconPath = new vscode.ThemeIcon('credit-card');
    item.contextValue = 'runningNow:total';
    return item;
  }
}
