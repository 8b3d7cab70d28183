// A start that fails (here: credentials expiring as it is sent) loses nothing the user entered: the next
// start of the same thing opens its wizard on what was entered (each step opens with the value typed or the
// item picked the first time), and once it has happened the wizard starts from fresh defaults again.
// Autopilot, deployments and new notebook instances, run through their commands (training jobs are covered
// in faultJourneys).
import * as assert from 'assert';
import type { AutoMlOutcome } from '../../../src/commands/autopilot/startAutoMlCommand';
import type { DeployOutcome } from '../../../src/commands/hosting/deployEndpointCommand';
import { answerAutopilotWizard, type AutopilotWizardPlan } from '../support/answers/autopilot';
import { answerDeployWizard } from '../support/answers/hosting';
import { answerCreateNotebookWizard } from '../support/answers/notebooks';
import { recordedRequests, setFaults } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { tally } from '../../support/reliabilityTally';
import { BUCKET, fastFollowing, leaveNothingBehind, nodeOf, ROLE, usualFollowing } from './faultSupport';

type Outcome = { outcome: string; message?: string };

/** The next request of `operation` fails as if the session's credentials had just expired. */
const expireCredentialsAt = (operation: string) => setFaults([{ kind: 'expired-credentials', operation, times: 1 }]);

/** The label the Execution role step shows for ROLE (the role's name). */
const ROLE_NAME = ROLE.split('/').pop()!;

describe('Wizard input kept after a failed start', function () {
  this.timeout(120_000);
  before(fastFollowing);
  after(usualFollowing);
  afterEach(leaveNothingBehind);

  it("offers an Autopilot experiment's settings again after its start failed, and fresh defaults after it started", async () => {
    const input = `s3://${BUCKET}/abalone-v1/input/`;
    const entered: AutopilotWizardPlan = {
      jobName: 'abalone-kept-input',
      inputS3Uri: input,
      target: 'rings',
      problemType: 'Regression',
      objective: 'MSE',
      mode: 'ENSEMBLING',
      maxCandidates: 3,
      maxRuntimeSeconds: 7200,
      outputS3Uri: `s3://${BUCKET}/abalone-kept-input/output`,
      roleArn: ROLE,
    };
    await expireCredentialsAt('CreateAutoMLJobV2');
    const failed = await withWindow(async (ui) => {
      answerAutopilotWizard(ui, entered);
      return run<AutoMlOutcome>('startAutopilot');
    });
    assert.strictEqual(failed.outcome, 'failed');
    assert.match(failed.message!, /expired/i);
    assert.match(failed.message!, /the wizard keeps what you entered/);
    const second = await withWindow(async (ui) => {
      const seen = answerAutopilotWizard(ui, entered);
      return { started: await run<AutoMlOutcome>('startAutopilot'), opened: seen.opened };
    });
    assert.strictEqual(second.started.outcome, 'started', second.started.message);
    assert.deepStrictEqual(
      second.opened,
      {
        jobName: 'abalone-kept-input',
        inputS3Uri: input,
        target: 'rings',
        problemType: 'Regression',
        objective: 'MSE',
        mode: 'Ensembling',
        maxCandidates: '3',
        maxRuntimeSeconds: '7200',
        outputS3Uri: `s3://${BUCKET}/abalone-kept-input/output`,
        role: ROLE_NAME,
        autoDeploy: 'No',
      },
      'the second start opened on everything entered the first time',
    );
    const third = await withWindow(async (ui) => {
      let name: string | undefined;
      // Escape at the first step, once it has shown what it opens with.
      ui.onInputBox(/^Job name/, (p) => {
        name = p.value;
        p.cancel();
      });
      assert.strictEqual((await run<AutoMlOutcome>('startAutopilot')).outcome, 'cancelled');
      return name;
    });
    assert.ok(
      third !== undefined && third !== 'abalone-kept-input',
      `after it started, the wizard begins from fresh defaults (${third})`,
    );
    tally('user journeys run to the right end state under faults', 1);
  });

  it("offers a deployment's settings again after it failed", async () => {
    const v4 = await childNamed(await nodeOf('modelRegistry', 'AbalonePackageGroup'), 'v4');
    await expireCredentialsAt('CreateEndpointConfig');
    const first = await withWindow(async (ui) => {
      const answers = answerDeployWizard(ui, 'AbalonePackageGroup v4', {
        endpointName: 'abalone-kept-input',
        compute: 'Serverless',
        memory: '4096 MB',
        concurrency: '10',
        roleArn: ROLE,
        afterFailure: 'Delete What Was Created',
      });
      return { outcome: await run<DeployOutcome>('deployModel', v4), offered: answers.offered };
    });
    assert.strictEqual(first.outcome.outcome, 'failed', first.outcome.message);
    assert.match(first.outcome.message!, /the wizard keeps what you entered/);
    assert.notStrictEqual(first.offered.name, 'abalone-kept-input', 'the first deployment started from defaults');
    const second = await withWindow(async (ui) => {
      // The compute and memory steps are picked again as they opened; name, concurrency and role accepted as offered.
      const answers = answerDeployWizard(ui, 'AbalonePackageGroup v4', { compute: 'Serverless', memory: '4096 MB' });
      return { outcome: await run<DeployOutcome>('deployModel', v4), offered: answers.offered };
    });
    assert.strictEqual(second.outcome.outcome, 'deployed', second.outcome.message);
    const o = second.offered;
    assert.deepStrictEqual(
      [o.name, o.compute, o.memory, o.concurrency, o.role],
      ['abalone-kept-input', 'Serverless', '4096 MB', '10', ROLE],
      'the retry opened on the name and capacity entered',
    );
    tally('user journeys run to the right end state under faults', 1);
  });

  it("offers a new notebook instance's settings again, picking the lifecycle configuration the failed attempt made", async () => {
    const plan = {
      name: 'abalone-kept-input',
      instanceType: 'ml.t3.medium',
      roleArn: ROLE,
      volumeSizeInGB: 20,
      rootAccess: false,
      directInternetAccess: true,
      lifecycle: {
        kind: 'new' as const,
        name: 'abalone-kept-input-sync',
        template: { kind: 's3-sync' as const, s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts/' },
      },
    };
    await expireCredentialsAt('CreateNotebookInstance');
    const failed = await withWindow(async (ui) => {
      const seen = answerCreateNotebookWizard(ui, plan);
      return { outcome: await run<Outcome>('createNotebookInstance'), opened: seen.opened };
    });
    assert.strictEqual(failed.outcome.outcome, 'failed');
    assert.match(
      failed.outcome.message!,
      /The lifecycle configuration abalone-kept-input-sync was created and is kept\./,
    );
    assert.deepStrictEqual(
      [failed.opened.name, failed.opened.volume, failed.opened.lifecycle],
      ['', '5', 'None'],
      'the first create starts from defaults',
    );
    const created = await withWindow(async (ui) => {
      const seen = answerCreateNotebookWizard(ui, {
        ...plan,
        lifecycle: { kind: 'existing', name: 'abalone-kept-input-sync' },
      });
      return { outcome: await run<Outcome>('createNotebookInstance'), opened: seen.opened };
    });
    assert.deepStrictEqual(
      [created.outcome.outcome, created.outcome.message],
      ['done', 'abalone-kept-input is InService.'],
    );
    const o = created.opened;
    assert.deepStrictEqual(
      [o.name, o.volume, o.lifecycle, o.rootAccess, o.directInternetAccess],
      ['abalone-kept-input', '20', 'abalone-kept-input-sync', 'Root access: off', 'Direct internet access: on'],
    );
    const configs = (await recordedRequests()).filter((r) => r.operation === 'CreateNotebookInstanceLifecycleConfig');
    assert.strictEqual(configs.length, 1, 'the configuration was made once');
    tally('user journeys run to the right end state under faults', 1);
  });
});
