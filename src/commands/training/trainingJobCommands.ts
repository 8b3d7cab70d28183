// Palette, tree and explorer entry points of the training job features: scaffold an AutoGluon container
// project, start a job (from the palette or a scaffolded folder), clone, stop, follow a job in its panel
// or its log, compare jobs selected together, the AutoGluon leaderboard and SummaryOfModels.html. Each is
// registered through the one command wrapper and returns its outcome (or the panel or document it opened).
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { registerCommand, type CommandHost, type CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import { toUserError } from '../../ui/showAwsError';
import type { LogDocuments } from '../../views/logs/logDocuments';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { AutoGluonPanel } from '../../webviews/autoGluon/autoGluonPanel';
import { openSummaryOfModels } from '../../webviews/autoGluon/summaryOfModelsPanel';
import { TrainingComparisonPanel } from '../../webviews/trainingJob/trainingComparisonPanel';
import { TRAINING_LOG_GROUP, TrainingJobPanel } from '../../webviews/trainingJob/trainingJobPanel';
import { defaultTrainingPlan } from '../../model/trainingJobPlan';
import { createAutoGluonProject } from './newAutoGluonProjectCommand';
import {
  cloneTraining,
  folderPlan,
  startTraining,
  stopTraining,
  type StartTrainingPrompts,
  type TrainingContext,
  type TrainingOutcome,
} from './startTrainingJobCommand';
import { askTrainingPlan } from './startTrainingWizard';

export const trainingDialogs: StartTrainingPrompts = { plan: askTrainingPlan, confirm: confirmModal };

/** A job name from a tree node, a job name (a panel's action), or nothing. */
export function trainingJobNameOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  const node = target as ExplorerNode | undefined;
  return node?.resource?.kind === 'training-job' ? node.resource.name : undefined;
}

export function openTrainingJobLogs(logs: LogDocuments, jobName: string): Thenable<vscode.TextDocument> {
  return logs.open(TRAINING_LOG_GROUP, `${jobName}/`);
}

const NO_JOB: CommandOutcome = {
  outcome: 'refused',
  message: vscode.l10n.t('Run this on a training job in the Training Jobs view.'),
};

export interface TrainingCommandDeps {
  host: CommandHost;
  ctx: TrainingContext;
  extensionUri: vscode.Uri;
  logs: LogDocuments;
}

export function registerTrainingJobCommands({
  host,
  ctx,
  extensionUri,
  logs,
}: TrainingCommandDeps): vscode.Disposable[] {
  const { session } = ctx;
  const withJob =
    <T>(run: (jobName: string, ...rest: unknown[]) => T) =>
    (target?: unknown, ...rest: unknown[]): T | CommandOutcome => {
      const name = trainingJobNameOf(target);
      return name ? run(name, ...rest) : NO_JOB;
    };
  // A job that started is followed in its panel straight away.
  const started = (outcome: TrainingOutcome): TrainingOutcome => {
    if (outcome.outcome === 'started' && outcome.jobName) TrainingJobPanel.show(extensionUri, session, outcome.jobName);
    return outcome;
  };
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.newAutoGluonProject',
      async () => {
        const outcome = await createAutoGluonProject(session, extensionUri, ctx.lastRole());
        if (outcome.outcome === 'created' && outcome.folder)
          await vscode.window.showTextDocument(vscode.Uri.joinPath(outcome.folder, 'train.py'), { preview: false });
        return outcome;
      },
      { operation: 'writeFile', needsTrust: vscode.l10n.t('Creating an AutoGluon container project') },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.startTrainingJob',
      async (target?: unknown) => {
        let defaults;
        if (target instanceof vscode.Uri) {
          // From a folder of the explorer (the menu shows only in a trusted workspace): its files are the defaults.
          if (!vscode.workspace.isTrusted)
            return {
              outcome: 'refused',
              message: vscode.l10n.t('Starting a training job from a project folder needs a trusted workspace.'),
            };
          const read = await folderPlan(target, defaultTrainingPlan(ctx.lastRole()));
          if (read.problem)
            void window.showWarningMessage(
              vscode.l10n.t('{0} The wizard starts from the other defaults.', read.problem),
            );
          defaults = read.plan;
        }
        return started(await startTraining(ctx, defaults, trainingDialogs));
      },
      { operation: 'CreateTrainingJob' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.cloneTrainingJob',
      withJob(async (name) => started(await cloneTraining(ctx, name, trainingDialogs))),
      { operation: 'CreateTrainingJob' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.stopTrainingJob',
      withJob((name) => stopTraining(ctx, name, { confirm: confirmModal })),
      { operation: 'StopTrainingJob' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openTrainingJob',
      withJob((name) => TrainingJobPanel.show(extensionUri, session, name)),
      { operation: 'DescribeTrainingJob' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openTrainingJobLogs',
      withJob((name) => openTrainingJobLogs(logs, name)),
      { operation: 'FilterLogEvents', service: 'logs' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openAutoGluonResults',
      withJob((name) => AutoGluonPanel.show(extensionUri, session, name)),
      { operation: 'GetObject', service: 's3' },
    ),
    // The AutoGluon panel passes the model.tar.gz it read, so the job is not described again.
    registerCommand(
      host,
      'sagemakerWorkbench.openSummaryOfModels',
      withJob(async (name, artefact) => {
        try {
          return await openSummaryOfModels(
            session,
            name,
            typeof artefact === 'string' && artefact ? artefact : undefined,
          );
        } catch (error) {
          const message =
            error instanceof Error && !('$metadata' in error)
              ? error.message
              : toUserError(error, session, 's3', 'GetObject').message;
          return { outcome: 'failed', message } satisfies CommandOutcome;
        }
      }),
      { operation: 'GetObject', service: 's3' },
    ),
    // The tree passes the clicked job and every job selected with it (Ctrl/Cmd+click).
    registerCommand(
      host,
      'sagemakerWorkbench.compareTrainingJobs',
      (clicked?: unknown, selected?: unknown[]) => {
        const names = [
          ...new Set((selected?.length ? selected : [clicked]).map(trainingJobNameOf).filter((n): n is string => !!n)),
        ];
        if (names.length < 2)
          return {
            outcome: 'needs-selection',
            message: vscode.l10n.t(
              'Select two or more training jobs in the Training Jobs view (Ctrl/Cmd+click), then Compare.',
            ),
          };
        return TrainingComparisonPanel.show(extensionUri, session, names);
      },
      { operation: 'DescribeTrainingJob' },
    ),
  ];
}
