// Autopilot: start and stop experiments, upload training data, the leaderboard.
import { RetryPlans } from '../../ui/retryPlans';
import { LeaderboardPanel } from '../../webviews/leaderboard/leaderboardPanel';
import type { Workbench } from '../workbench';
import { leaderboardDeps, registerAutopilotCommands } from './autopilotCommands';
import { startAutoMl, type AutoMlContext, type StartAutoMlPrompts } from './startAutoMlCommand';

/**
 * @deprecated The fault, lost-response, kept-input and webview-policy suites (test/integration/security) and the
 * leaderboard bench still call these; the Autopilot tests run the commands. Goes once those suites do too.
 */
export interface AutopilotApi {
  autopilot: {
    start(inputS3Uri: string, prompts: StartAutoMlPrompts): ReturnType<typeof startAutoMl>;
    leaderboard(jobName: string): LeaderboardPanel;
  };
}

export function activateAutopilot(wb: Workbench): AutopilotApi {
  const ctx: AutoMlContext = { session: wb.session, lastRole: wb.lastRole, rememberRole: wb.rememberRole, changed: () => wb.views.providers.autopilot.refresh(), retryPlans: new RetryPlans() };
  wb.context.subscriptions.push(...registerAutopilotCommands(wb, ctx, wb.extensionUri));
  return {
    autopilot: {
      start: (input, prompts) => startAutoMl(ctx, input, prompts),
      leaderboard: (name) => LeaderboardPanel.show(leaderboardDeps(ctx, wb.extensionUri), name),
    },
  };
}
