// Items per list call in the sidebar (MaxResults). One setting for every view, clamped to what the
// SageMaker list APIs accept (1-100).
import * as vscode from 'vscode';

export function pageSize(): number {
  const value = vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('pageSize', 50);
  return Math.min(100, Math.max(1, Math.floor(value)));
}
