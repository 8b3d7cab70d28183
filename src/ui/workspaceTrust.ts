// Features that read or write workspace files run only in a trusted workspace (the manifest declares
// limited support for untrusted ones); elsewhere they say why instead of acting.
import * as vscode from 'vscode';
import { window } from './window';

export function workspaceTrusted(feature: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void window
    .showWarningMessage(
      vscode.l10n.t(
        '{0} reads or writes files of this workspace, so it needs a trusted workspace (Manage Workspace Trust).',
        feature,
      ),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
