// Palette, tree and explorer entry points of the training job features: scaffold an AutoGluon container
// project, start a job (from the palette or a scaffolded folder), clone, stop, follow a job in its panel
// or its log, compare jobs selected together, the AutoGluon leaderboard and SummaryOfModels.html. Tests
// call the features' functions through the extension's API instead.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { LogDocuments } from '../../views/logs/logDocuments';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { AutoGluonPanel } from '../../webviews/autoGluon/autoGluonPanel';
import { showSummaryOfModels } from '../../webviews/autoGluon/summaryOfModelsPanel';
import { TrainingComparisonPanel } from '../../webviews/trainingJob/trainingComparisonPanel';
import { TRAINING_LOG_GROUP, TrainingJobPanel } from '../../webviews/trainingJob/trainingJobPanel';
import { createAutoGluonProject, scaffoldDialogs } from './newAutoGluonProjectCommand';
import { cloneTraining, defaultTrainingPlan, folderPlan, startTraining, stopTraining, type StartTrainingPrompts, type TrainingContext } from './startTrainingJobCommand';
import { askTrainingPlan } from './startTrainingWizard';
import { confirmModal } from '../../ui/confirmModal';
import { guarded, showOutcome } from '../../ui/outcome';
import { workspaceTrusted } from '../../ui/workspaceTrust';

export const trainingDialogs: StartTrainingPrompts = { plan: askTrainingPlan, confirm: confirmModal };

/** A job name from a tree node, a job name, or nothing. */
export function trainingJobNameOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  const node = target as ExplorerNode | undefined;
  return node?.resource?.kind === 'training-job' ? node.resource.name : undefined;
}

export function openTrainingJobLogs(logs: LogDocuments, jobName: string): Thenable<vscode.TextDocument> {
  return logs.open(TRAINING_LOG_GROUP, `${jobName}/`);
}

export function registerTrainingJobCommands(ctx: TrainingContext, extensionUri: vscode.Uri, logs: LogDocuments): vscode.Disposable[] {
  const { session } = ctx;
  const withJob = (run: (jobName: string) => unknown) => (target?: unknown) => {
    const name = trainingJobNameOf(target);
    if (name) return run(name);
  };
  const started = (outcome: Awaited<ReturnType<typeof startTraining>>) => {
    showOutcome(outcome);
    if (outcome.outcome === 'started' && outcome.jobName) TrainingJobPanel.show(extensionUri, session, outcome.jobName);
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.newAutoGluonProject', guarded(session, 'writeFile', async () => {
      const outcome = await createAutoGluonProject(session, ctx.lastRole(), scaffoldDialogs);
      showOutcome(outcome);
      if (outcome.outcome === 'created' && outcome.folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(outcome.folder, 'train.py'), { preview: false });
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.startTrainingJob', guarded(session, 'CreateTrainingJob', async (target?: unknown) => {
      let defaults;
      if (target instanceof vscode.Uri) {
        if (!workspaceTrusted('Starting a training job from a project folder')) return;
        const read = await folderPlan(target, defaultTrainingPlan(ctx.lastRole()));
        if (read.problem) void window.showWarningMessage(`${read.problem} The wizard starts from the other defaults.`);
        defaults = read.plan;
      }
      started(await startTraining(ctx, defaults, trainingDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.cloneTrainingJob', withJob(async (name) => started(await cloneTraining(ctx, name, trainingDialogs)))),
    vscode.commands.registerCommand('sagemakerWorkbench.stopTrainingJob', withJob(async (name) => showOutcome(await stopTraining(ctx, name, { confirm: confirmModal })))),
    vscode.commands.registerCommand('sagemakerWorkbench.openTrainingJob', withJob((name) => TrainingJobPanel.show(extensionUri, session, name))),
    vscode.commands.registerCommand('sagemakerWorkbench.openTrainingJobLogs', withJob((name) => openTrainingJobLogs(logs, name))),
    vscode.commands.registerCommand('sagemakerWorkbench.openAutoGluonResults', withJob((name) => AutoGluonPanel.show(extensionUri, session, name))),
    vscode.commands.registerCommand('sagemakerWorkbench.openSummaryOfModels', withJob((name) => showSummaryOfModels(session, name))),
    vscode.commands.registerCommand('sagemakerWorkbench.compareTrainingJobs', (clicked?: unknown, selected?: unknown[]) => {
      const names = [...new Set((selected?.length ? selected : [clicked]).map(trainingJobNameOf).filter((n): n is string => !!n))];
      if (names.length < 2) {
        void window.showInformationMessage('Select two or more training jobs in the Training Jobs view (Ctrl/Cmd+click), then Compare.');
        return;
      }
      TrainingComparisonPanel.show(extensionUri, session, names);
    }),
  ];
}
