// The user journeys under faults, in the real extension host, run through the commands as the menus run them:
// with 30% of requests throttled, 10% failing with a 5xx and half of them slowed, browsing every view,
// starting a training job, deploying and testing an endpoint, approving a model version and approving the
// release all end in the right state, and nothing is created twice. A create whose response is lost is retried
// by the SDK and recognised as done.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AutoMlOutcome } from '../../../src/commands/autopilot/startAutoMlCommand';
import type { DeployOutcome } from '../../../src/commands/hosting/deployEndpointCommand';
import type { InvokeOutcome } from '../../../src/commands/hosting/invokeEndpointCommand';
import type { DecisionOutcome } from '../../../src/model/modelApproval';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { answerAutopilotWizard } from '../support/answers/autopilot';
import {
  answerDecision as answerVersionDecision,
  answerDeployWizard,
  answerTypedInvocation,
  ROW,
} from '../support/answers/hosting';
import { answerDecision } from '../support/answers/releases';
import { answerTrainingWizard } from '../support/answers/training';
import {
  clearFaults,
  clearRequests,
  emulatorAnswers,
  recordedRequests,
  restartEmulator,
  setFaults,
} from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';
import { tally } from '../../support/reliabilityTally';
import {
  BUCKET,
  DONE,
  fastFollowing,
  LAB,
  leaveNothingBehind,
  nodeOf,
  ROLE,
  startTraining,
  trainingPlan,
  usualFollowing,
  waitingApproval,
  withLongJobShown,
} from './faultSupport';

const PROFILE = [
  { kind: 'throttle' as const, rate: 0.3 },
  { kind: 'server-error' as const, rate: 0.1 },
  { kind: 'latency' as const, rate: 0.5, latencyMs: 50 },
];

type Outcome = { outcome: string; message?: string };

const succeeded = async (operation: string) =>
  (await recordedRequests()).filter((r) => r.operation === operation && r.status === 200);

describe('User journeys under faults', function () {
  this.timeout(180_000);
  before(fastFollowing);
  after(usualFollowing);
  afterEach(leaveNothingBehind);

  it('browses every view, trains, deploys, tests and approves with 30% throttling, 10% 5xx and added latency', async () => {
    const wb = await host();
    await setFaults(PROFILE, 7);
    await clearRequests();

    for (const [key, provider] of Object.entries(wb.views.providers)) {
      provider.refresh();
      const nodes = await (provider as unknown as { getChildren(): Promise<ExplorerNode[]> }).getChildren();
      const resources = nodes.filter((n) => n.resource);
      assert.ok(resources.length > 0, `${key} lists its resources (${nodes.map((n) => n.id).join(', ')})`);
      const children = await resources[0].getChildren?.();
      assert.ok(!children?.some((c) => c.id.includes('error')), `${key}: expanding the first resource shows no error`);
    }

    const training = await startTraining(trainingPlan('abalone-autogluon-under-faults'));
    assert.strictEqual(training.outcome, 'started', training.message);
    assert.strictEqual((await succeeded('CreateTrainingJob')).length, 1, 'one job created');

    const v4 = await childNamed(await nodeOf('modelRegistry', 'AbalonePackageGroup'), 'v4');
    const deployed = await withWindow(async (ui) => {
      answerDeployWizard(ui, 'AbalonePackageGroup v4', { endpointName: 'abalone-v4-under-faults' });
      return run<DeployOutcome>('deployModel', v4);
    });
    assert.strictEqual(deployed.outcome, 'deployed', deployed.message);
    for (const create of ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'])
      assert.strictEqual((await succeeded(create)).length, 1, `one ${create}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const endpoint = await until(
      'the new endpoint in the Endpoints view',
      async () => nodeOf('endpoints', 'abalone-v4-under-faults').catch(() => undefined),
      30_000,
    );
    const answer = await withWindow(async (ui) => {
      answerTypedInvocation(ui, 'abalone-v4-under-faults', ROW, 'text/csv', {
        hasEditor: !!vscode.window.activeTextEditor,
      });
      return run<InvokeOutcome>('invokeEndpoint', endpoint);
    });
    assert.strictEqual(answer.outcome, 'answered', answer.message);

    const version = await childNamed(await nodeOf('modelRegistry', 'AbalonePackageGroup'), 'v4');
    const decided = await withWindow(async (ui) => {
      answerVersionDecision(ui, 'Approve', 'AbalonePackageGroup v4', 'RMSE 1.52 within 1.6', true);
      return run<DecisionOutcome>('approveModelVersion', version);
    });
    assert.strictEqual(decided.outcome, 'decided', decided.message);
    assert.strictEqual((await succeeded('UpdateModelPackage')).length, 1, 'approved once');

    const waiting = await waitingApproval();
    const release = await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'RMSE 1.48 is below 2.0', confirm: true });
      return run<Outcome>('approveRelease', waiting);
    });
    assert.strictEqual(release.outcome, 'decided', release.message);
    assert.strictEqual((await succeeded('PutApprovalResult')).length, 1, 'approved once');

    const faults = (await recordedRequests()).filter(
      (r) => r.status >= 500 || r.errorCode === 'ThrottlingException' || r.errorCode === 'SlowDown',
    );
    assert.ok(faults.length >= 10, `faults were injected along the way (${faults.length})`);
    // Six views browsed, then training, deploying, invoking, approving the model and the release.
    tally('user journeys run to the right end state under faults', Object.keys(wb.views.providers).length + 5);
  });

  it('starts a notebook instance and an Autopilot experiment under the same faults', async () => {
    await setFaults(PROFILE, 11);
    await clearRequests();
    const lab = await nodeOf('notebookInstances', LAB);
    const started = await withWindow(async () => run<Outcome>('startNotebookInstance', lab));
    assert.deepStrictEqual([started.outcome, started.message], ['done', `${LAB} is InService.`]);
    assert.strictEqual((await succeeded('StartNotebookInstance')).length, 1, 'started once');
    const autopilot = await withWindow(async (ui) => {
      answerAutopilotWizard(ui, {
        jobName: 'abalone-under-faults',
        inputS3Uri: `s3://${BUCKET}/abalone-v1/input/`,
        target: 'rings',
        problemType: 'Regression',
        objective: 'MSE',
        mode: 'ENSEMBLING',
        maxCandidates: 4,
        roleArn: ROLE,
      });
      return run<AutoMlOutcome>('startAutopilot');
    });
    assert.strictEqual(autopilot.outcome, 'started', autopilot.message);
    assert.strictEqual((await succeeded('CreateAutoMLJobV2')).length, 1, 'one experiment');
    tally('user journeys run to the right end state under faults', 2);
  });

  it('recognises a training job created by an attempt whose response was lost, and creates no second one', async () => {
    await setFaults([{ kind: 'lost-response', operation: 'CreateTrainingJob', times: 1 }]);
    await clearRequests();
    const outcome = await startTraining(trainingPlan('abalone-autogluon-lost-response'));
    assert.strictEqual(outcome.outcome, 'started', outcome.message);
    const creates = (await recordedRequests()).filter((r) => r.operation === 'CreateTrainingJob');
    assert.deepStrictEqual(
      creates.map((r) => r.errorCode ?? r.status),
      ['ResponseLost', 'ResourceInUse'],
      'the first attempt took effect, the retry met it',
    );
    tally('user journeys run to the right end state under faults', 1);
  });

  it('shows a dropped connection in the view as an error to retry, and lists again once the network is back', async () => {
    const provider = (await host()).views.providers.trainingJobs as unknown as {
      refresh(): void;
      getChildren(): Promise<ExplorerNode[]>;
    };
    await setFaults([{ kind: 'drop', operation: 'ListTrainingJobs' }]);
    provider.refresh();
    const [error] = await provider.getChildren();
    const item = await error.getTreeItem();
    assert.strictEqual(item.contextValue, 'error');
    assert.strictEqual(item.command?.command, 'sagemakerWorkbench.retryNode', 'clicking it retries');
    await clearFaults();
    // Clicking the row runs its command with the arguments it carries.
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const nodes = await until(
      'the jobs listed again',
      async () => {
        const children = await provider.getChildren();
        return children.some((n) => n.resource?.name === DONE) ? children : undefined;
      },
      30_000,
    );
    assert.ok(nodes.every((n) => !n.id.includes('error')));
    tally('user journeys run to the right end state under faults', 1);
  });

  it('says credentials expired during a start, and the next start offers everything that was entered', async () => {
    await setFaults([{ kind: 'expired-credentials', operation: 'CreateTrainingJob', times: 1 }]);
    const failed = await startTraining(trainingPlan('abalone-autogluon-expired'));
    assert.strictEqual(failed.outcome, 'failed');
    assert.match(failed.message!, /expired/i);
    assert.match(failed.message!, /Start again to retry: the wizard keeps what you entered\.$/);
    assert.ok(
      failed.shown.some((m) => /expired/i.test(m)),
      `the user is told (${failed.shown.join(' | ')})`,
    );
    const retried = await withWindow(async (ui) => {
      // Every step accepted as it opens.
      const answers = answerTrainingWizard(ui, {});
      return { ...(await run<Outcome>('startTrainingJob')), offered: answers.offered };
    });
    assert.strictEqual(retried.offered.name, 'abalone-autogluon-expired');
    assert.strictEqual(retried.outcome, 'started', retried.message);
    tally('user journeys run to the right end state under faults', 1);
  });

  it('keeps polling while the emulator restarts, and shows what changed once it answers again', async () => {
    await withLongJobShown('abalone-autogluon-restart', async (job) => {
      // Down for longer than the SDK's eight attempts take, so a poll fails outright; every connection is refused.
      const failedBefore = job.poller.failedPolls;
      await restartEmulator(20_000);
      await until(
        'a poll failed while the emulator was down',
        () => (job.poller.failedPolls > failedBefore ? true : undefined),
        60_000,
      );
      assert.match(await job.shown(), /^InProgress/, 'the view keeps what it knew');
      await until('the emulator answers again', async () => ((await emulatorAnswers()) ? true : undefined), 60_000);
      await job.stopElsewhereAndSeeIt(90_000);
    });
    tally('user journeys run to the right end state under faults', 1);
  });

  it('keeps polling through an outage of the Training Jobs API and shows what changed meanwhile once it answers again', async () => {
    await withLongJobShown('abalone-autogluon-outage', async (job) => {
      // The Training Jobs API goes away (only it: retries of other views' calls would outlive the test).
      await setFaults([{ kind: 'drop', service: 'sagemaker', operation: 'ListTrainingJobs' }]);
      const before = job.poller.polls;
      await until('two polls during the outage', () => (job.poller.polls >= before + 2 ? true : undefined), 60_000);
      await clearFaults();
      await job.stopElsewhereAndSeeIt(60_000);
    });
    tally('user journeys run to the right end state under faults', 1);
  });
});
