// What the fault and lost-answer suites share: a training plan on the seeded abalone data, the clean-up that
// leaves no fault, retry or stale view behind, and a long training job followed in the Training Jobs view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import type { StartTrainingPrompts } from '../../../src/commands/training/startTrainingJobCommand';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { clearFaults, resetEmulator } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';
import { ROLE } from '../hosting/support';

export const BUCKET = 'sagemaker-us-east-1-123456789012';
export const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';

export function trainingPrompts(jobName: string, outputPrefix = 'faults'): StartTrainingPrompts {
  return {
    plan: async (defaults) => ({
      ...defaults, jobName, roleArn: ROLE,
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
      channels: [{ name: 'training', s3Uri: `s3://${BUCKET}/${DONE}/input/training.csv`, contentType: 'text/csv' }],
      outputS3Uri: `s3://${BUCKET}/${outputPrefix}/output`,
    }),
    confirm: async () => true,
  };
}

/** After each fault test: no rules left, the seeded world back, fresh clients and views that forget what they read. */
export async function leaveNothingBehind(): Promise<void> {
  await clearFaults();
  await resetEmulator();
  const api = await workbench();
  // The adaptive retry mode slows a client down after throttling; calls it still holds back would reach the next test.
  api.session.clients.reset();
  for (const provider of Object.values(api.views.providers)) provider.refresh();
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
  const api = await workbench();
  const config = vscode.workspace.getConfiguration('sagemakerWorkbench');
  await config.update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
  try {
    const long = trainingPrompts(jobName);
    const started = await api.trainingJobs.start(undefined, { ...long, plan: async (d, h) => ({ ...(await long.plan(d, h))!, hyperParameters: { label: 'rings', time_limit: '86400' } }) });
    assert.strictEqual(started.outcome, 'started', started.message);
    await vscode.commands.executeCommand('sagemakerWorkbench.trainingJobs.focus');
    const provider = api.views.providers.trainingJobs as unknown as { refresh(): void; getChildren(): Promise<ExplorerNode[]>; poller?: FollowedJob['poller'] };
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
        await api.session.clients.sagemaker().send(new StopTrainingJobCommand({ TrainingJobName: jobName }));
        await until('the view shows the stop', async () => (/^Stopped/.test(await shown()) ? true : undefined), timeoutMs);
      },
    });
  } finally {
    await config.update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
  }
}
