// Palette and context-menu entry points of the Autopilot features: start an experiment (from the palette,
// a local CSV it uploads first, or a training data location), stop one, open a job's leaderboard. Each is
// registered through the one command wrapper and returns its outcome (the leaderboard command returns the
// panel it opened).
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { s3UriProblem } from '../../model/autoMlPlan';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { LeaderboardPanel, type LeaderboardDeps } from '../../webviews/leaderboard/leaderboardPanel';
import { registerCommand, type CommandHost, type CommandOutcome } from '../../ui/commands';
import { workspaceTrusted } from '../../ui/workspaceTrust';
import { startAutoMl, stopAutoMl, uploadTrainingData, type AutoMlContext } from './startAutoMlCommand';

export function leaderboardDeps(ctx: AutoMlContext, extensionUri: vscode.Uri): LeaderboardDeps {
  return {
    extensionUri,
    session: ctx.session,
    // The registry and endpoint flows take a candidate as the tree gives it.
    onCandidate: (command: 'deployModel' | 'registerModel', jobName: string, candidate: AutoMLCandidate) =>
      vscode.commands.executeCommand(`sagemakerWorkbench.${command}`, { autoMlJobName: jobName, candidate }),
  };
}

const jobNameOf = (target: unknown): string | undefined =>
  typeof target === 'string'
    ? target
    : (target as ExplorerNode | undefined)?.resource?.kind === 'automl-job'
      ? (target as ExplorerNode).resource!.name
      : undefined;

const NO_JOB: CommandOutcome = {
  outcome: 'refused',
  message: vscode.l10n.t('Choose an Autopilot job in the Autopilot view first.'),
};

export function registerAutopilotCommands(
  host: CommandHost,
  ctx: AutoMlContext,
  extensionUri: vscode.Uri,
): vscode.Disposable[] {
  const { session } = ctx;
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.startAutopilot',
      async (target?: unknown): Promise<CommandOutcome> => {
        let input = typeof target === 'string' ? target : '';
        if (target instanceof vscode.Uri) {
          // The warning (with Manage Workspace Trust) is shown by the check itself.
          if (!workspaceTrusted(vscode.l10n.t('Uploading a CSV for Autopilot')))
            return { outcome: 'refused', quiet: true };
          const prefix = await window.showInputBox({
            title: vscode.l10n.t('Upload {0} for Autopilot', vscode.workspace.asRelativePath(target)),
            prompt: vscode.l10n.t('S3 location to upload the CSV to'),
            placeHolder: 's3://my-bucket/abalone/input/',
            ignoreFocusOut: true,
            validateInput: (v) => s3UriProblem(v, vscode.l10n.t('The upload location')),
          });
          if (!prefix) return { outcome: 'cancelled' };
          input = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Uploading the training data') },
            () => uploadTrainingData(session, target, prefix),
          );
        }
        const outcome = await startAutoMl(ctx, input);
        if (outcome.outcome === 'started' && outcome.jobName)
          LeaderboardPanel.show(leaderboardDeps(ctx, extensionUri), outcome.jobName);
        return outcome;
      },
      { operation: 'PutObject', service: 's3' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.stopAutopilot',
      async (target?: unknown): Promise<CommandOutcome> => {
        const name = jobNameOf(target);
        return name ? stopAutoMl(ctx, name) : NO_JOB;
      },
      { operation: 'StopAutoMLJob' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openLeaderboard',
      (target?: unknown): LeaderboardPanel | CommandOutcome => {
        const name = jobNameOf(target);
        return name ? LeaderboardPanel.show(leaderboardDeps(ctx, extensionUri), name) : NO_JOB;
      },
      { operation: 'ListCandidatesForAutoMLJob' },
    ),
  ];
}
