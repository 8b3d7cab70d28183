// The Running Now view as a user reads it after Refresh Running Now: the total line and each row's label,
// description and hover, with the row's node for the row's own commands (Stop, Delete).
import * as assert from 'assert';
import { runningNow } from '../../../src/commands/cost/activateCost';
import type { CommandOutcome } from '../../../src/ui/commands';
import { BillRowNode, BillTotalNode } from '../../../src/views/runningNow/runningNowNodes';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { run } from './testWindow';

export interface ShownRow {
  label: string;
  description: string;
  /** The hover as it reads (the Markdown escapes taken out). */
  tooltip: string;
  node: BillRowNode;
}

export interface ShownBill {
  total: string;
  totalDescription: string;
  rows: ShownRow[];
}

/** Runs Refresh Running Now and reads the view as it shows the bill. */
export async function shownBill(): Promise<ShownBill> {
  const refreshed = await run<CommandOutcome>('refreshRunningNow');
  assert.strictEqual(refreshed.outcome, 'done');
  const nodes = (await runningNow().provider.getChildren()) as ExplorerNode[];
  const total = nodes.find((n): n is BillTotalNode => n instanceof BillTotalNode);
  assert.ok(total, `a total row: ${nodes.map((n) => n.id).join(', ')}`);
  const totalItem = await total.getTreeItem();
  const rows: ShownRow[] = [];
  for (const node of nodes.filter((n): n is BillRowNode => n instanceof BillRowNode)) {
    const item = await node.getTreeItem();
    const hover = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
    // appendText escapes the text as Markdown (spaces as &nbsp;): read it as the hover shows it.
    const tooltip = hover.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    rows.push({ label: String(item.label), description: String(item.description), tooltip, node });
  }
  return { total: String(totalItem.label), totalDescription: String(totalItem.description), rows };
}

/** The row labelled `label`; fails with the labels shown when there is none. */
export function billRow(bill: ShownBill, label: string): ShownRow {
  const row = bill.rows.find((r) => r.label === label);
  assert.ok(row, `${label} is listed: ${bill.rows.map((r) => r.label).join(', ')}`);
  return row;
}

/** Whether a row labelled `label` is shown. */
export const billShows = (bill: ShownBill, label: string): boolean => bill.rows.some((r) => r.label === label);
