// Every command of the extension, registered in one place so the manifest and the code are easy to compare.
import * as vscode from 'vscode';
import type { AwsSession } from '../../session/awsSession';
import type { Log } from '../../session/log';
import type { RegisteredViews } from '../../views/registerViews';
import { chooseProfileAndRegion, chooseRegion } from './chooseProfile';

export function registerCommands(session: AwsSession, views: RegisteredViews, log: Log): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.chooseProfile', () => chooseProfileAndRegion(session)),
    vscode.commands.registerCommand('sagemakerWorkbench.chooseRegion', () => chooseRegion(session)),
    vscode.commands.registerCommand('sagemakerWorkbench.refreshAll', async () => {
      await session.refresh();
      views.refreshAll();
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.showLog', () => log.show()),
  ];
}
