// Reading tree items and recorded AWS calls the way the view tests compare them.
import type * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { recordedRequests } from './emulatorControl';

export function label(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : (i.label?.label ?? '');
}

/** "service.Operation" of every call the emulator received since the last clearRequests(). */
export async function calls(): Promise<string[]> {
  return (await recordedRequests()).map((r) => `${r.service}.${r.operation}`);
}

export async function items(nodes: readonly ExplorerNode[]): Promise<vscode.TreeItem[]> {
  return Promise.all(nodes.map((n) => n.getTreeItem()));
}

export async function childNamed(
  parent: { getChildren?(): Promise<ExplorerNode[]> },
  name: string,
): Promise<ExplorerNode> {
  const children = await parent.getChildren!();
  for (const child of children) if (label(await child.getTreeItem()) === name) return child;
  const labels = (await items(children)).map(label);
  throw new Error(`No child "${name}" among ${labels.join(', ')}`);
}
