// Training jobs: AutoGluon container projects, start, clone, stop, follow, compare, AutoGluon results.
import type { TrainingPlan } from '../../model/trainingJobPlan';
import { AutoGluonPanel } from '../../webviews/autoGluon/autoGluonPanel';
import { TrainingComparisonPanel } from '../../webviews/trainingJob/trainingComparisonPanel';
import { TrainingJobPanel } from '../../webviews/trainingJob/trainingJobPanel';
import type { Workbench } from '../workbench';
import { startTraining, type StartTrainingPrompts, type TrainingContext } from './startTrainingJobCommand';
import { registerTrainingJobCommands } from './trainingJobCommands';

/**
 * @deprecated What the fault, lost-response and webview-policy suites (test/integration/security) still call;
 * goes once they run the commands. The training suites run the commands.
 */
export interface TrainingApi {
  trainingJobs: {
    autoGluon(jobName: string): AutoGluonPanel;
    start(defaults: TrainingPlan | undefined, prompts: StartTrainingPrompts): ReturnType<typeof startTraining>;
    open(jobName: string): TrainingJobPanel;
    compare(jobNames: string[]): TrainingComparisonPanel;
  };
}

export function activateTraining(wb: Workbench): TrainingApi {
  const { session, extensionUri } = wb;
  const ctx: TrainingContext = { session, lastRole: wb.lastRole, rememberRole: wb.rememberRole, changed: () => wb.views.providers.trainingJobs.refresh() };
  wb.context.subscriptions.push(...registerTrainingJobCommands({ host: wb, ctx, extensionUri, logs: wb.logs }));
  return {
    trainingJobs: {
      autoGluon: (name) => AutoGluonPanel.show(extensionUri, session, name),
      start: (defaults, prompts) => startTraining(ctx, defaults, prompts),
      open: (name) => TrainingJobPanel.show(extensionUri, session, name),
      compare: (names) => TrainingComparisonPanel.show(extensionUri, session, names),
    },
  };
}
