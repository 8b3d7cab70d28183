// What every node of the sidebar is: a tree item, optional children, and (for AWS resources) the facts the
// shared commands need: Copy Name, Copy ARN, Open in AWS Console, Show Details.
import type * as vscode from 'vscode';

export interface ResourceRef {
  /** Resource kind as the details document names it, e.g. notebook-instance, training-job. */
  kind: string;
  name: string;
  arn?: string;
  region: string;
  /** Deep link into the AWS console for this resource. */
  consoleUrl?: string;
  /** The describe call behind "Show Details" (one call, made only when asked). */
  describe?: () => Promise<unknown>;
}

export interface ExplorerNode {
  /** Stable across refreshes so VS Code keeps expansion and selection. */
  readonly id: string;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(): Promise<ExplorerNode[]>;
  readonly resource?: ResourceRef;
}
