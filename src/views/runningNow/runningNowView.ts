// The Running Now view: every billable SageMaker resource running in the region with its price per hour, running
// time and cost so far, the total first. It reads the bill when VS Code asks for its rows (the view is visible) or
// on refresh, never during activation; each read is announced so the status bar and the cost alert follow it.
import * as vscode from 'vscode';
import type { Bill } from '../../model/costBill';
import { RefreshableTreeProvider } from '../refreshableTreeProvider';
import type { ExplorerNode } from '../tree/explorerNode';
import { ErrorNode, MessageNode } from '../tree/messageNodes';
import type { AutoStopShown } from '../notebookInstances/autoStopStatus';

export interface BillReading {
  bill: Bill;
  region: string;
  /** Why some prices could not be read (the rows say "price unknown"). */
  priceProblem?: string;
  /** Why idle endpoints could not be checked (no row is marked idle). */
  idleProblem?: string;
  /** Notebook instances, by name: whether each stops itself when idle. */
  autoStop?: ReadonlyMap<string, AutoStopShown>;
}

export class RunningNowProvider extends RefreshableTreeProvider<ExplorerNode> {
  private readonly readEmitter = new vscode.EventEmitter<BillReading>();
  /** Fires after every read of the bill. */
  readonly onDidRead = this.readEmitter.event;
  /** The last bill read, as the rows show it. */
  last?: BillReading;
  private fresh?: { reading: BillReading; at: number };

  constructor(private readonly read: () => Promise<BillReading>) {
    super();
  }

  getTreeItem(element: ExplorerNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return element.getTreeItem();
  }

  /** Reads the bill now (a refresh command, the alert's timer) and shows it if the view is open. */
  async reload(): Promise<BillReading> {
    const reading = await this.readAndAnnounce();
    this.fresh = { reading, at: Date.now() };
    this.refresh();
    return reading;
  }

  private async readAndAnnounce(): Promise<BillReading> {
    const reading = await this.read();
    this.last = reading;
    this.readEmitter.fire(reading);
    return reading;
  }

  async getChildren(element?: ExplorerNode): Promise<ExplorerNode[]> {
    if (element) return [];
    let reading: BillReading;
    try {
      // A bill just read by reload() is shown as it is rather than read twice.
      const fresh = this.fresh && Date.now() - this.fresh.at < 5_000 ? this.fresh.reading : undefined;
      reading = fresh ?? (await this.readAndAnnounce());
    } catch (error) {
      return [
        new ErrorNode('runningNow:error', error instanceof Error ? error.message : String(error), () => this.refresh()),
      ];
    } finally {
      this.fresh = undefined;
    }
    const { bill, region } = reading;
    // The row classes load with the bill's formatting, on first use (not at activation).
    const { BillRowNode, BillTotalNode } = await import('./runningNowNodes.js');
    if (bill.rows.length === 0)
      return [
        new MessageNode('runningNow:empty', vscode.l10n.t('Nothing billable is running in {0}.', region), 'pass'),
      ];
    return [
      new BillTotalNode(bill, region),
      ...(reading.priceProblem
        ? [
            new MessageNode(
              'runningNow:priceProblem',
              vscode.l10n.t('Prices could not be read: {0}', reading.priceProblem),
              'warning',
            ),
          ]
        : []),
      ...(reading.idleProblem
        ? [
            new MessageNode(
              'runningNow:idleProblem',
              vscode.l10n.t('Idle endpoints not checked: {0}', reading.idleProblem),
              'warning',
            ),
          ]
        : []),
      ...bill.rows.map(
        (row) =>
          new BillRowNode(
            row,
            region,
            row.resource.kind === 'notebook-instance' ? reading.autoStop?.get(row.resource.name) : undefined,
          ),
      ),
    ];
  }

  override dispose(): void {
    this.readEmitter.dispose();
    super.dispose();
  }
}
