// Training jobs: AutoGluon container projects, start, clone, stop, follow, compare, AutoGluon results. The commands
// load on first use.
import * as vscode from 'vscode';
import { registerLazyCommands } from '../../ui/commands';
import type { Workbench } from '../workbench';

const TRAINING_COMMANDS = [
  'sagemakerWorkbench.newAutoGluonProject',
  'sagemakerWorkbench.startTrainingJob',
  'sagemakerWorkbench.cloneTrainingJob',
  'sagemakerWorkbench.stopTrainingJob',
  'sagemakerWorkbench.openTrainingJob',
  'sagemakerWorkbench.openTrainingJobLogs',
  'sagemakerWorkbench.openAutoGluonResults',
  'sagemakerWorkbench.openSummaryOfModels',
  'sagemakerWorkbench.compareTrainingJobs',
];

export function activateTraining(wb: Workbench): void {
  wb.context.subscriptions.push(
    registerLazyCommands(wb, vscode.l10n.t('training jobs'), TRAINING_COMMANDS, async (host) => {
      const { registerTrainingJobCommands } = await import(
        /* webpackChunkName: "training" */ './trainingJobCommands.js'
      );
      const ctx = {
        session: host.session,
        lastRole: host.lastRole,
        rememberRole: host.rememberRole,
        changed: () => host.views.providers.trainingJobs.refresh(),
      };
      return registerTrainingJobCommands({ host, ctx, extensionUri: host.extensionUri, logs: host.logs });
    }),
  );
}
