// The session's commands: profile and region, refresh everything, show the log.
import type * as vscode from 'vscode';
import { registerCommand } from '../../ui/commands';
import type { Workbench } from '../workbench';
import { chooseProfileAndRegion, chooseRegion } from './chooseProfile';

export function registerSessionCommands(wb: Workbench): vscode.Disposable[] {
  return [
    registerCommand(wb, 'sagemakerWorkbench.chooseProfile', () => chooseProfileAndRegion(wb.session)),
    registerCommand(wb, 'sagemakerWorkbench.chooseRegion', () => chooseRegion(wb.session)),
    registerCommand(wb, 'sagemakerWorkbench.refreshAll', async () => {
      await wb.session.refresh();
      wb.views.refreshAll();
    }),
    registerCommand(wb, 'sagemakerWorkbench.showLog', () => wb.log.show()),
  ];
}
