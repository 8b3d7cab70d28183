// Autopilot: start and stop experiments, upload training data, the leaderboard.
import type * as vscode from 'vscode';
import { RetryPlans } from '../../ui/retryPlans';
import { LeaderboardPanel } from '../../webviews/leaderboard/leaderboardPanel';
import type { Workbench } from '../workbench';
import { leaderboardDeps, registerAutopilotCommands } from './autopilotCommands';
import { startAutoMl, stopAutoMl, uploadTrainingData, type AutoMlContext, type StartAutoMlPrompts } from './startAutoMlCommand';

export interface AutopilotApi {
  autopilot: {
    start(inputS3Uri: string, prompts: StartAutoMlPrompts): ReturnType<typeof startAutoMl>;
    stop(jobName: string, prompts: { confirm: StartAutoMlPrompts['confirm'] }): ReturnType<typeof stopAutoMl>;
    upload(file: vscode.Uri, prefix: string): Promise<string>;
    leaderboard(jobName: string): LeaderboardPanel;
  };
}

export function activateAutopilot(wb: Workbench): AutopilotApi {
  const ctx: AutoMlContext = { session: wb.session, lastRole: wb.lastRole, rememberRole: wb.rememberRole, changed: () => wb.views.providers.autopilot.refresh(), retryPlans: new RetryPlans() };
  wb.context.subscriptions.push(...registerAutopilotCommands(ctx, wb.extensionUri));
  return {
    autopilot: {
      start: (input, prompts) => startAutoMl(ctx, input, prompts),
      stop: (name, prompts) => stopAutoMl(ctx, name, prompts),
      upload: (file, prefix) => uploadTrainingData(wb.session, file, prefix),
      leaderboard: (name) => LeaderboardPanel.show(leaderboardDeps(ctx, wb.extensionUri), name),
    },
  };
}
