// The session's commands: profile and region, refresh everything, show the log.
import type * as vscode from 'vscode';
import { registerCommand } from '../../ui/commands';
import type { Workbench } from '../workbench';

// The pickers (and their multi-step input) load on first use, keeping them out of the activation chunk.
const pickers = () => import(/* webpackChunkName: "chooseProfile" */ './chooseProfile.js');

export function registerSessionCommands(wb: Workbench): vscode.Disposable[] {
  return [
    registerCommand(wb, 'sagemakerWorkbench.chooseProfile', async () =>
      (await pickers()).chooseProfileAndRegion(wb.session),
    ),
    registerCommand(wb, 'sagemakerWorkbench.chooseRegion', async () => (await pickers()).chooseRegion(wb.session)),
    registerCommand(wb, 'sagemakerWorkbench.refreshAll', async () => {
      await wb.session.refresh();
      wb.views.refreshAll();
    }),
    registerCommand(wb, 'sagemakerWorkbench.showLog', () => wb.log.show()),
  ];
}
