// Training jobs: AutoGluon container projects, start, clone, stop, follow, compare, AutoGluon results.
import type * as vscode from 'vscode';
import type { TrainingPlan } from '../../model/trainingJobPlan';
import { RetryPlans } from '../../ui/retryPlans';
import { AutoGluonPanel } from '../../webviews/autoGluon/autoGluonPanel';
import { openSummaryOfModels } from '../../webviews/autoGluon/summaryOfModelsPanel';
import { TrainingComparisonPanel } from '../../webviews/trainingJob/trainingComparisonPanel';
import { TrainingJobPanel } from '../../webviews/trainingJob/trainingJobPanel';
import type { Workbench } from '../workbench';
import { createAutoGluonProject, type ScaffoldPrompts } from './newAutoGluonProjectCommand';
import { cloneTraining, defaultTrainingPlan, folderPlan, startTraining, stopTraining, type StartTrainingPrompts, type TrainingContext } from './startTrainingJobCommand';
import { openTrainingJobLogs, registerTrainingJobCommands } from './trainingJobCommands';

export interface TrainingApi {
  trainingJobs: {
    context: TrainingContext;
    autoGluon(jobName: string): AutoGluonPanel;
    summaryOfModels(jobName: string, artefact?: string): Promise<vscode.WebviewPanel>;
    scaffold(prompts: ScaffoldPrompts): ReturnType<typeof createAutoGluonProject>;
    folderPlan(folder: vscode.Uri): ReturnType<typeof folderPlan>;
    start(defaults: TrainingPlan | undefined, prompts: StartTrainingPrompts): ReturnType<typeof startTraining>;
    clone(jobName: string, prompts: StartTrainingPrompts): ReturnType<typeof cloneTraining>;
    stop(jobName: string, prompts: Pick<StartTrainingPrompts, 'confirm'>): ReturnType<typeof stopTraining>;
    open(jobName: string): TrainingJobPanel;
    openLogs(jobName: string): Thenable<vscode.TextDocument>;
    compare(jobNames: string[]): TrainingComparisonPanel;
  };
}

export function activateTraining(wb: Workbench): TrainingApi {
  const { session, extensionUri } = wb;
  const ctx: TrainingContext = { session, lastRole: wb.lastRole, rememberRole: wb.rememberRole, changed: () => wb.views.providers.trainingJobs.refresh(), retryPlans: new RetryPlans() };
  wb.context.subscriptions.push(...registerTrainingJobCommands(ctx, extensionUri, wb.logs));
  return {
    trainingJobs: {
      context: ctx,
      autoGluon: (name) => AutoGluonPanel.show(extensionUri, session, name),
      summaryOfModels: (name, artefact) => openSummaryOfModels(session, name, artefact),
      scaffold: (prompts) => createAutoGluonProject(session, ctx.lastRole(), prompts),
      folderPlan: (folder) => folderPlan(folder, defaultTrainingPlan(ctx.lastRole())),
      start: (defaults, prompts) => startTraining(ctx, defaults, prompts),
      clone: (name, prompts) => cloneTraining(ctx, name, prompts),
      stop: (name, prompts) => stopTraining(ctx, name, prompts),
      open: (name) => TrainingJobPanel.show(extensionUri, session, name),
      openLogs: (name) => openTrainingJobLogs(wb.logs, name),
      compare: (names) => TrainingComparisonPanel.show(extensionUri, session, names),
    },
  };
}
