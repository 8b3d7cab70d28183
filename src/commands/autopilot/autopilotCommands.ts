// Palette and context-menu entry points of the Autopilot features: start an experiment (from the palette,
// a local CSV it uploads first, or a training data location), stop one, open a job's leaderboard. Tests call
// the features' functions through the extension's API instead.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { s3UriProblem } from '../../model/autoMlPlan';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { LeaderboardPanel } from '../../webviews/leaderboard/leaderboardPanel';
import { startAutoMl, stopAutoMl, uploadTrainingData, type AutoMlContext, type StartAutoMlPrompts } from './startAutoMlCommand';
import { askAutoMlPlan } from './startAutoMlWizard';
import { confirmModal } from '../../ui/confirmModal';
import { guarded, showOutcome } from '../../ui/outcome';
import { workspaceTrusted } from '../../ui/workspaceTrust';

export const startDialogs: StartAutoMlPrompts = { plan: askAutoMlPlan, confirm: confirmModal };

export function leaderboardDeps(ctx: AutoMlContext, extensionUri: vscode.Uri) {
  return {
    extensionUri,
    session: ctx.session,
    // The registry and endpoint flows take a candidate as the tree gives it.
    onCandidate: (command: 'deployModel' | 'registerModel', jobName: string, candidate: AutoMLCandidate) =>
      vscode.commands.executeCommand(`sagemakerWorkbench.${command}`, { autoMlJobName: jobName, candidate }),
  };
}

const jobNameOf = (target: unknown): string | undefined =>
  typeof target === 'string' ? target : (target as ExplorerNode | undefined)?.resource?.kind === 'automl-job' ? (target as ExplorerNode).resource!.name : undefined;

export function registerAutopilotCommands(ctx: AutoMlContext, extensionUri: vscode.Uri): vscode.Disposable[] {
  const { session } = ctx;
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.startAutopilot', guarded(session, 'PutObject', async (target?: unknown) => {
      let input = typeof target === 'string' ? target : '';
      if (target instanceof vscode.Uri) {
        if (!workspaceTrusted('Uploading a CSV for Autopilot')) return;
        const prefix = await window.showInputBox({ title: `Upload ${vscode.workspace.asRelativePath(target)} for Autopilot`, prompt: 'S3 location to upload the CSV to', placeHolder: 's3://my-bucket/abalone/input/', ignoreFocusOut: true, validateInput: (v) => s3UriProblem(v, 'The upload location') });
        if (!prefix) return;
        input = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Uploading the training data' }, () => uploadTrainingData(session, target, prefix));
      }
      const outcome = await startAutoMl(ctx, input, startDialogs);
      showOutcome(outcome);
      if (outcome.outcome === 'started' && outcome.jobName) LeaderboardPanel.show(leaderboardDeps(ctx, extensionUri), outcome.jobName);
    }, 's3')),
    vscode.commands.registerCommand('sagemakerWorkbench.stopAutopilot', async (target?: unknown) => {
      const name = jobNameOf(target);
      if (name) showOutcome(await stopAutoMl(ctx, name, { confirm: confirmModal }));
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.openLeaderboard', (target?: unknown) => {
      const name = jobNameOf(target);
      if (name) LeaderboardPanel.show(leaderboardDeps(ctx, extensionUri), name);
    }),
  ];
}
