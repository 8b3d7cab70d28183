// Training jobs: AutoGluon container projects, start, clone, stop, follow, compare, AutoGluon results.
import type { Workbench } from '../workbench';
import type { TrainingContext } from './startTrainingJobCommand';
import { registerTrainingJobCommands } from './trainingJobCommands';

export function activateTraining(wb: Workbench): void {
  const { extensionUri } = wb;
  const ctx: TrainingContext = {
    session: wb.session,
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    changed: () => wb.views.providers.trainingJobs.refresh(),
  };
  wb.context.subscriptions.push(...registerTrainingJobCommands({ host: wb, ctx, extensionUri, logs: wb.logs }));
}
