// Features that read or write workspace files run only in a trusted workspace (the manifest declares
// limited support for untrusted ones); elsewhere they say why instead of acting.
import * as vscode from 'vscode';
import { window } from './window';

export function workspaceTrusted(feature: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void window
    .showWarningMessage(
      `${feature} reads or writes files of this workspace, so it needs a trusted workspace (Manage Workspace Trust).`,
      'Manage Workspace Trust',
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
