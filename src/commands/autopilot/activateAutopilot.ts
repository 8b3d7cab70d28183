// Autopilot: start and stop experiments, upload training data, the leaderboard.
import { RetryPlans } from '../../ui/retryPlans';
import type { Workbench } from '../workbench';
import { registerAutopilotCommands } from './autopilotCommands';
import type { AutoMlContext } from './startAutoMlCommand';

export function activateAutopilot(wb: Workbench): void {
  const ctx: AutoMlContext = {
    session: wb.session,
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    changed: () => wb.views.providers.autopilot.refresh(),
    retryPlans: new RetryPlans(),
  };
  wb.context.subscriptions.push(...registerAutopilotCommands(wb, ctx, wb.extensionUri));
}
