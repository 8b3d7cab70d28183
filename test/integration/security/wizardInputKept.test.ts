// A start that fails (here: credentials expiring as it is sent) loses nothing the user entered: the next
// start of the same thing opens its wizard on what was entered, and once it has happened the wizard starts
// from fresh defaults again. Autopilot, deployments and new notebook instances (training jobs are covered
// in faultJourneys).
import * as assert from 'assert';
import type { AutoMlPlan } from '../../../src/model/autoMlPlan';
import type { DeployPlan } from '../../../src/model/deployPlan';
import type { NotebookInstancePlan } from '../../../src/model/notebookInstancePlan';
import { recordedRequests, setFaults } from '../support/emulatorControl';
import { workbench } from '../support/workbench';
import { tally } from '../../support/reliabilityTally';
import { fastFollowing, ROLE, V4 } from '../hosting/support';
import { BUCKET, leaveNothingBehind } from './faultSupport';

const confirm = async () => true;

/** The next request of `operation` fails as if the session's credentials had just expired. */
const expireCredentialsAt = (operation: string) => setFaults([{ kind: 'expired-credentials', operation, times: 1 }]);

describe('Wizard input kept after a failed start', function () {
  this.timeout(120_000);
  before(async () => fastFollowing());
  afterEach(leaveNothingBehind);

  it('offers an Autopilot experiment\'s settings again after its start failed, and fresh defaults after it started', async () => {
    const api = await workbench();
    const input = `s3://${BUCKET}/abalone-v1/input/`;
    const entered: AutoMlPlan[] = [];
    const offered: AutoMlPlan[] = [];
    const prompts = (change: Partial<AutoMlPlan>) => ({
      plan: async (defaults: AutoMlPlan) => (offered.push(defaults), entered.push({ ...defaults, ...change }), entered[entered.length - 1]),
      confirm,
    });
    await expireCredentialsAt('CreateAutoMLJobV2');
    const failed = await api.autopilot.start(input, prompts({ jobName: 'abalone-kept-input', target: 'rings', problemType: 'Regression', objective: 'MSE', maxCandidates: 3, roleArn: ROLE }));
    assert.strictEqual(failed.outcome, 'failed');
    assert.match(failed.message!, /expired/i);
    assert.match(failed.message!, /the wizard keeps what you entered/);
    const started = await api.autopilot.start(input, prompts({}));
    assert.strictEqual(started.outcome, 'started', started.message);
    assert.deepStrictEqual(offered[1], entered[0], 'the second start opened on everything entered the first time');
    await api.autopilot.start(input, { plan: async (defaults) => (offered.push(defaults), undefined), confirm });
    assert.notStrictEqual(offered[2].jobName, 'abalone-kept-input', 'after it started, the wizard begins from fresh defaults');
    tally('user journeys run to the right end state under faults', 1);
  });

  it('offers a deployment\'s settings again after it failed', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(V4))!;
    const offered: DeployPlan[] = [];
    await expireCredentialsAt('CreateEndpointConfig');
    const first = await api.hosting.deploy(source, {
      plan: async (_s, defaults) => (offered.push(defaults), { ...defaults, endpointName: 'abalone-kept-input', roleArn: ROLE, compute: { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 } }),
      confirm,
      afterFailure: async () => 'cleanup',
    });
    assert.strictEqual(first.outcome, 'failed', first.message);
    const second = await api.hosting.deploy(source, { plan: async (_s, defaults) => (offered.push(defaults), defaults), confirm, afterFailure: async () => undefined });
    assert.strictEqual(second.outcome, 'deployed', second.message);
    assert.deepStrictEqual([offered[1].endpointName, offered[1].compute], ['abalone-kept-input', { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 }], 'the retry opened on the name and capacity entered');
    tally('user journeys run to the right end state under faults', 1);
  });

  it('offers a new notebook instance\'s settings again, picking the lifecycle configuration the failed attempt made', async () => {
    const api = await workbench();
    api.notebooks.context.pollSeconds = 1;
    const previous: Array<NotebookInstancePlan | undefined> = [];
    await expireCredentialsAt('CreateNotebookInstance');
    const failed = await api.notebooks.create({
      plan: async (choices) => (previous.push(choices.previous), {
        name: 'abalone-kept-input', instanceType: 'ml.t3.medium', roleArn: ROLE, volumeSizeInGB: 20, rootAccess: false, directInternetAccess: true,
        lifecycle: { kind: 'new', name: 'abalone-kept-input-sync', template: { kind: 's3-sync', s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts/' } },
      }),
      confirm,
    });
    assert.strictEqual(failed.outcome, 'failed');
    assert.match(failed.message!, /The lifecycle configuration abalone-kept-input-sync was created and is kept\./);
    const created = await api.notebooks.create({ plan: async (choices) => (previous.push(choices.previous), choices.previous), confirm });
    assert.deepStrictEqual([created.outcome, created.message], ['done', 'abalone-kept-input is InService.']);
    assert.strictEqual(previous[0], undefined, 'the first create starts from defaults');
    assert.deepStrictEqual([previous[1]?.name, previous[1]?.volumeSizeInGB, previous[1]?.lifecycle], ['abalone-kept-input', 20, { kind: 'existing', name: 'abalone-kept-input-sync' }]);
    const configs = (await recordedRequests()).filter((r) => r.operation === 'CreateNotebookInstanceLifecycleConfig');
    assert.strictEqual(configs.length, 1, 'the configuration was made once');
    tally('user journeys run to the right end state under faults', 1);
  });
});
