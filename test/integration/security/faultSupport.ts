// What the fault and lost-answer suites share: a training plan on the seeded abalone data started through the
// Start Training Job command, the views' nodes the menus pass, the clean-up that leaves no fault, retry or stale
// view behind, and a long training job followed in the Training Jobs view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import {
  NEXT_TRAINING_JOB,
  trainingRetryPlans,
  type TrainingOutcome,
} from '../../../src/commands/training/startTrainingJobCommand';
import type { TrainingPlan } from '../../../src/model/trainingJobPlan';
import { pace } from '../../../src/ui/pace';
import type { CodePipelineNode } from '../../../src/views/pipelines/codePipelineNode';
import type { ApprovalActionNode } from '../../../src/views/pipelines/codePipelineStageNodes';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { ROLE } from '../support/answers/hosting';
import { RELEASE } from '../support/answers/releases';
import { answerTrainingWizard, type TrainingWizardAnswers } from '../support/answers/training';
import { clearFaults, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

export { ROLE };
export const BUCKET = 'sagemaker-us-east-1-123456789012';
export const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';
export const V4 = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/abalonepackagegroup/4';
export const LAB = 'ml-pipeline-lab-notebook';

/** A job on the seeded abalone channels in the Studio AutoGluon image; every other step as the wizard offers it. */
export function trainingPlan(jobName: string, outputPrefix = 'faults'): Partial<TrainingPlan> {
  return {
    jobName,
    roleArn: ROLE,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
    channels: [{ name: 'training', s3Uri: `s3://${BUCKET}/${DONE}/input/training.csv`, contentType: 'text/csv' }],
    outputS3Uri: `s3://${BUCKET}/${outputPrefix}/output`,
  };
}

/** Start Training Job from the palette, the wizard answered from `plan` and confirmed. */
export async function startTraining(
  plan: Partial<TrainingPlan>,
): Promise<TrainingOutcome & { answers: TrainingWizardAnswers; shown: string[] }> {
  return withWindow(async (ui) => {
    const answers = answerTrainingWizard(ui, plan);
    const outcome = await run<TrainingOutcome>('startTrainingJob');
    return { ...outcome, answers, shown: ui.messages.filter((m) => !m.modal).map((m) => m.message) };
  });
}

/** A root node of a view by its label, read afresh (as after its Refresh button). */
export async function nodeOf(
  view: 'notebookInstances' | 'autopilot' | 'trainingJobs' | 'modelRegistry' | 'endpoints' | 'pipelines',
  name: string,
): Promise<ExplorerNode> {
  const provider = (await host()).views.providers[view];
  provider.refresh();
  return childNamed(provider as never, name);
}

/** The waiting approval's node under the release's Approval stage, once the Pipelines view shows it waiting. */
export async function waitingApproval(timeoutMs = 30_000): Promise<ApprovalActionNode> {
  const release = (await nodeOf('pipelines', RELEASE)) as CodePipelineNode;
  await until(
    'the release waiting for approval',
    async () => {
      // Its state is read as the row is shown; a read that failed (under faults) is read again.
      if (release.status === undefined) await release.loadState();
      return String((await release.getTreeItem()).description).startsWith('Waiting for approval') || undefined;
    },
    timeoutMs,
  );
  assert.strictEqual(release.approvals.length, 1, 'one approval waits');
  return (await childNamed(await childNamed(release, 'Approval'), 'EvaluationApproval')) as ApprovalActionNode;
}

const usual = { followSeconds: pace.followSeconds, panelPollMs: pace.panelPollMs };

/** Follows resources and polls panels quickly (the emulator runs AWS minutes in milliseconds); a `before` hook. */
export function fastFollowing(): void {
  pace.followSeconds = 1;
  pace.panelPollMs = 200;
}

/** Restores the follow and poll delays; an `after` hook. */
export function usualFollowing(): void {
  pace.followSeconds = usual.followSeconds;
  pace.panelPollMs = usual.panelPollMs;
}

/** After each fault test: no rules left, the seeded world back, fresh clients and views that forget what they read. */
export async function leaveNothingBehind(): Promise<void> {
  await clearFaults();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await resetEmulator();
  trainingRetryPlans.done(NEXT_TRAINING_JOB);
  const wb = await host();
  // The adaptive retry mode slows a client down after throttling; calls it still holds back would reach the next test.
  wb.session.clients.reset();
  for (const provider of Object.values(wb.views.providers)) provider.refresh();
}

export interface FollowedJob {
  poller: { polls: number; failedPolls: number };
  /** The job's row description in the Training Jobs view now ("InProgress · …", "Stopped · …"). */
  shown(): Promise<string>;
  /** Someone stops the job elsewhere (the console, a teammate); resolves once the view shows it. */
  stopElsewhereAndSeeIt(timeoutMs: number): Promise<void>;
}

/**
 * Starts a fit with a day's time limit (86 s at the tests' time scale, so it stays InProgress however long the
 * retries take), shows it in the Training Jobs view polling every second, and runs `body`.
 */
export async function withLongJobShown(jobName: string, body: (job: FollowedJob) => Promise<void>): Promise<void> {
  const wb = await host();
  const config = vscode.workspace.getConfiguration('sagemakerWorkbench');
  await config.update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
  try {
    const started = await startTraining({
      ...trainingPlan(jobName),
      hyperParameters: { label: 'rings', time_limit: '86400' },
    });
    assert.strictEqual(started.outcome, 'started', started.message);
    await vscode.commands.executeCommand('sagemakerWorkbench.trainingJobs.focus');
    const provider = wb.views.providers.trainingJobs as unknown as {
      refresh(): void;
      getChildren(): Promise<ExplorerNode[]>;
      poller?: FollowedJob['poller'];
    };
    provider.refresh();
    const shown = async () => {
      const row = (await provider.getChildren()).find((n) => n.resource?.name === jobName);
      return String((await row?.getTreeItem())?.description ?? '');
    };
    assert.match(await shown(), /^InProgress/);
    await body({
      poller: provider.poller!,
      shown,
      stopElsewhereAndSeeIt: async (timeoutMs) => {
        await (await wb.session.clients.sagemaker()).send(new StopTrainingJobCommand({ TrainingJobName: jobName }));
        await until(
          'the view shows the stop',
          async () => (/^Stopped/.test(await shown()) ? true : undefined),
          timeoutMs,
        );
      },
    });
  } finally {
    await config.update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
  }
}
