// Autopilot: start and stop experiments, upload training data, the leaderboard. The commands load on first use.
import * as vscode from 'vscode';
import { registerLazyCommands } from '../../ui/commands';
import { RetryPlans } from '../../ui/retryPlans';
import type { Workbench } from '../workbench';
import type { AutoMlContext } from './startAutoMlCommand';

const AUTOPILOT_COMMANDS = [
  'sagemakerWorkbench.startAutopilot',
  'sagemakerWorkbench.stopAutopilot',
  'sagemakerWorkbench.openLeaderboard',
];

export function activateAutopilot(wb: Workbench): void {
  wb.context.subscriptions.push(
    registerLazyCommands(wb, vscode.l10n.t('Autopilot'), AUTOPILOT_COMMANDS, async (host) => {
      const { registerAutopilotCommands } = await import(/* webpackChunkName: "autopilot" */ './autopilotCommands.js');
      const ctx: AutoMlContext = {
        session: host.session,
        lastRole: host.lastRole,
        rememberRole: host.rememberRole,
        changed: () => host.views.providers.autopilot.refresh(),
        retryPlans: new RetryPlans(),
      };
      return registerAutopilotCommands(host, ctx, host.extensionUri);
    }),
  );
}
