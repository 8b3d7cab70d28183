// The user journeys under faults, in the real extension host: with 30% of requests throttled, 10% failing
// with a 5xx and half of them slowed, browsing every view, starting a training job, deploying and testing
// an endpoint, approving a model version and approving the release all end in the right state, and
// nothing is created twice. A create whose response is lost is retried by the SDK and recognised as done.
import * as assert from 'assert';
import type { ModelPackageNode } from '../../../src/views/modelRegistry/modelPackageNode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { clearFaults, clearRequests, emulatorAnswers, recordedRequests, restartEmulator, setFaults } from '../support/emulatorControl';
import { childNamed } from '../support/tree';
import { until, workbench } from '../support/workbench';
import { tally } from '../../support/reliabilityTally';
import { deployPrompts, fastFollowing, ROLE, V4 } from '../hosting/support';
import { BUCKET, DONE, leaveNothingBehind, trainingPrompts, withLongJobShown } from './faultSupport';

const PROFILE = [
  { kind: 'throttle' as const, rate: 0.3 },
  { kind: 'server-error' as const, rate: 0.1 },
  { kind: 'latency' as const, rate: 0.5, latencyMs: 50 },
];

const succeeded = async (operation: string) => (await recordedRequests()).filter((r) => r.operation === operation && r.status === 200);

describe('User journeys under faults', function () {
  this.timeout(180_000);
  before(async () => fastFollowing());
  afterEach(leaveNothingBehind);

  it('browses every view, trains, deploys, tests and approves with 30% throttling, 10% 5xx and added latency', async () => {
    const api = await workbench();
    await setFaults(PROFILE, 7);
    await clearRequests();

    for (const [key, provider] of Object.entries(api.views.providers)) {
      provider.refresh();
      const nodes = await (provider as unknown as { getChildren(): Promise<ExplorerNode[]> }).getChildren();
      const resources = nodes.filter((n) => n.resource);
      assert.ok(resources.length > 0, `${key} lists its resources (${nodes.map((n) => n.id).join(', ')})`);
      const children = await resources[0].getChildren?.();
      assert.ok(!children?.some((c) => c.id.includes('error')), `${key}: expanding the first resource shows no error`);
    }

    const training = await api.trainingJobs.start(undefined, trainingPrompts('abalone-autogluon-under-faults'));
    assert.strictEqual(training.outcome, 'started', training.message);
    assert.strictEqual((await succeeded('CreateTrainingJob')).length, 1, 'one job created');

    const source = (await api.hosting.source(V4))!;
    const deployed = await api.hosting.deploy(source, deployPrompts({ endpointName: 'abalone-v4-under-faults' }));
    assert.strictEqual(deployed.outcome, 'deployed', deployed.message);
    for (const create of ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']) assert.strictEqual((await succeeded(create)).length, 1, `one ${create}`);
    const answer = await api.hosting.invoke('abalone-v4-under-faults', { payloadSource: async () => 'typed', typedLine: async () => 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15', contentType: async () => 'text/csv' });
    assert.strictEqual(answer.outcome, 'answered', answer.message);

    const group = await childNamed(api.views.providers.modelRegistry as never, 'AbalonePackageGroup');
    const v4 = (await childNamed(group, 'v4')) as unknown as ModelPackageNode;
    const decided = await api.modelRegistry.decide(v4, 'Approved', { comment: async () => 'RMSE 1.52 within 1.6', confirm: async () => true });
    assert.strictEqual(decided.outcome, 'decided', decided.message);
    assert.strictEqual((await succeeded('UpdateModelPackage')).length, 1, 'approved once');

    const [waiting] = await until('the waiting release', async () => ((await api.approvals.pending()).length ? api.approvals.pending() : undefined), 30_000);
    const release = await api.approvals.decide(waiting, 'Approved', { comment: async () => 'RMSE 1.48 is below 2.0', confirm: async () => true });
    assert.strictEqual(release.outcome, 'decided', release.message);
    assert.strictEqual((await succeeded('PutApprovalResult')).length, 1, 'approved once');

    const faults = (await recordedRequests()).filter((r) => r.status >= 500 || r.errorCode === 'ThrottlingException' || r.errorCode === 'SlowDown');
    assert.ok(faults.length >= 10, `faults were injected along the way (${faults.length})`);
    // Six views browsed, then training, deploying, invoking, approving the model and the release.
    tally('user journeys run to the right end state under faults', Object.keys(api.views.providers).length + 5);
  });

  it('starts a notebook instance and an Autopilot experiment under the same faults', async () => {
    const api = await workbench();
    api.notebooks.context.pollSeconds = 1;
    await setFaults(PROFILE, 11);
    await clearRequests();
    const started = await api.notebooks.start('ml-pipeline-lab-notebook');
    assert.deepStrictEqual([started.outcome, started.message], ['done', 'ml-pipeline-lab-notebook is InService.']);
    assert.strictEqual((await succeeded('StartNotebookInstance')).length, 1, 'started once');
    const autopilot = await api.autopilot.start(`s3://${BUCKET}/abalone-v1/input/`, {
      plan: async (defaults) => ({ ...defaults, jobName: 'abalone-under-faults', target: 'rings', problemType: 'Regression', objective: 'MSE', mode: 'ENSEMBLING', maxCandidates: 4, roleArn: ROLE }),
      confirm: async () => true,
    });
    assert.strictEqual(autopilot.outcome, 'started', autopilot.message);
    assert.strictEqual((await succeeded('CreateAutoMLJobV2')).length, 1, 'one experiment');
    tally('user journeys run to the right end state under faults', 2);
  });

  it('recognises a training job created by an attempt whose response was lost, and creates no second one', async () => {
    const api = await workbench();
    await setFaults([{ kind: 'lost-response', operation: 'CreateTrainingJob', times: 1 }]);
    await clearRequests();
    const outcome = await api.trainingJobs.start(undefined, trainingPrompts('abalone-autogluon-lost-response'));
    assert.strictEqual(outcome.outcome, 'started', outcome.message);
    const creates = (await recordedRequests()).filter((r) => r.operation === 'CreateTrainingJob');
    assert.deepStrictEqual(creates.map((r) => r.errorCode ?? r.status), ['ResponseLost', 'ResourceInUse'], 'the first attempt took effect, the retry met it');
    tally('user journeys run to the right end state under faults', 1);
  });

  it('shows a dropped connection in the view as an error to retry, and lists again once the network is back', async () => {
    const api = await workbench();
    const provider = api.views.providers.trainingJobs as unknown as { refresh(): void; getChildren(): Promise<ExplorerNode[]> };
    await setFaults([{ kind: 'drop', operation: 'ListTrainingJobs' }]);
    provider.refresh();
    const [error] = await provider.getChildren();
    const item = await error.getTreeItem();
    assert.strictEqual(item.contextValue, 'error');
    assert.strictEqual(item.command?.command, 'sagemakerWorkbench.retryNode', 'clicking it retries');
    await clearFaults();
    (error as unknown as { runRetry(): void }).runRetry();
    const nodes = await until('the jobs listed again', async () => {
      const children = await provider.getChildren();
      return children.some((n) => n.resource?.name === DONE) ? children : undefined;
    }, 30_000);
    assert.ok(nodes.every((n) => !n.id.includes('error')));
    tally('user journeys run to the right end state under faults', 1);
  });

  it('says credentials expired during a start, and the next start offers everything that was entered', async () => {
    const api = await workbench();
    await setFaults([{ kind: 'expired-credentials', operation: 'CreateTrainingJob', times: 1 }]);
    const failed = await api.trainingJobs.start(undefined, trainingPrompts('abalone-autogluon-expired'));
    assert.strictEqual(failed.outcome, 'failed');
    assert.match(failed.message!, /expired/i);
    assert.match(failed.message!, /Start again to retry: the wizard keeps what you entered\.$/);
    let offered: string | undefined;
    const retried = await api.trainingJobs.start(undefined, { plan: async (defaults) => ((offered = defaults.jobName), defaults), confirm: async () => true });
    assert.strictEqual(offered, 'abalone-autogluon-expired');
    assert.strictEqual(retried.outcome, 'started', retried.message);
    tally('user journeys run to the right end state under faults', 1);
  });

  it('keeps polling while the emulator restarts, and shows what changed once it answers again', async () => {
    await withLongJobShown('abalone-autogluon-restart', async (job) => {
      // Down for longer than the SDK's eight attempts take, so a poll fails outright; every connection is refused.
      const failedBefore = job.poller.failedPolls;
      await restartEmulator(20_000);
      await until('a poll failed while the emulator was down', () => (job.poller.failedPolls > failedBefore ? true : undefined), 60_000);
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
