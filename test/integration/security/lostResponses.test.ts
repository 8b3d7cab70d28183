// A create, start or decision whose answer is lost (the request took effect, then the connection dropped) is
// retried by the SDK; the retry meets what the first attempt made. Each journey, run through the commands as
// the menus run them, must end as if the answer had arrived, with one resource made, while a clash on the first
// attempt (a name already taken) is still reported.
import * as assert from 'assert';
import type { AutoMlOutcome } from '../../../src/commands/autopilot/startAutoMlCommand';
import type { DeployOutcome } from '../../../src/commands/hosting/deployEndpointCommand';
import type { RegisterOutcome } from '../../../src/commands/modelRegistry/registerModelCommand';
import type { ModelGroupPanel } from '../../../src/webviews/modelGroup/modelGroupPanel';
import { answerAutopilotWizard } from '../support/answers/autopilot';
import { answerDeployWizard, answerRegisterModel } from '../support/answers/hosting';
import { answerCreateNotebookWizard } from '../support/answers/notebooks';
import { answerDecision } from '../support/answers/releases';
import { clearRequests, recordedRequests, setFaults } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
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
} from './faultSupport';

type Outcome = { outcome: string; message?: string };

/** Each operation's answer is lost once: the first attempt takes effect and its response never arrives. */
async function loseFirstAnswerOf(...operations: string[]): Promise<void> {
  await setFaults(operations.map((operation) => ({ kind: 'lost-response' as const, operation, times: 1 })));
  await clearRequests();
}

/** Counts the journey and the answers it lost, once its assertions passed. */
async function tallyLost(journeys: number): Promise<void> {
  tally('user journeys run to the right end state under faults', journeys);
  tally(
    'creates, starts and decisions whose answer was lost, made once',
    (await recordedRequests()).filter((r) => r.errorCode === 'ResponseLost').length,
  );
}

/** What AWS answered to each attempt of an operation, in order. */
async function attempts(operation: string): Promise<string[]> {
  return (await recordedRequests())
    .filter((r) => r.operation === operation)
    .map((r) => r.errorCode ?? String(r.status));
}

describe('Lost answers: each create, start and decision happens once', function () {
  this.timeout(120_000);
  before(fastFollowing);
  after(usualFollowing);
  afterEach(leaveNothingBehind);

  it('deploys AbalonePackageGroup v4 once when the answers to CreateModel, CreateEndpointConfig and CreateEndpoint are lost', async () => {
    const v4 = await childNamed(await nodeOf('modelRegistry', 'AbalonePackageGroup'), 'v4');
    await loseFirstAnswerOf('CreateModel', 'CreateEndpointConfig', 'CreateEndpoint');
    const deployed = await withWindow(async (ui) => {
      answerDeployWizard(ui, 'AbalonePackageGroup v4', { endpointName: 'abalone-v4-lost-answers' });
      return run<DeployOutcome>('deployModel', v4);
    });
    assert.strictEqual(deployed.outcome, 'deployed', deployed.message);
    for (const create of ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']) {
      assert.deepStrictEqual(
        await attempts(create),
        ['ResponseLost', 'ValidationException'],
        `${create}: made by the first attempt, met by the retry`,
      );
    }
    assert.deepStrictEqual(
      deployed.created?.length,
      3,
      `model, configuration and endpoint are known as created (${deployed.created?.join(', ')})`,
    );
    await tallyLost(1);
  });

  it('starts an Autopilot experiment and a notebook instance, and creates a notebook instance with a new lifecycle configuration, once each', async () => {
    const lab = await nodeOf('notebookInstances', LAB);
    await loseFirstAnswerOf(
      'CreateAutoMLJobV2',
      'StartNotebookInstance',
      'CreateNotebookInstanceLifecycleConfig',
      'CreateNotebookInstance',
    );
    const autopilot = await withWindow(async (ui) => {
      answerAutopilotWizard(ui, {
        jobName: 'abalone-lost-answer',
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
    assert.deepStrictEqual(await attempts('CreateAutoMLJobV2'), ['ResponseLost', 'ResourceInUse']);

    const started = await withWindow(async () => run<Outcome>('startNotebookInstance', lab));
    assert.deepStrictEqual([started.outcome, started.message], ['done', `${LAB} is InService.`]);
    assert.deepStrictEqual(
      await attempts('StartNotebookInstance'),
      ['ResponseLost', 'ValidationException'],
      'the retry found it already Pending',
    );

    const created = await withWindow(async (ui) => {
      answerCreateNotebookWizard(ui, {
        name: 'abalone-lost-answer',
        instanceType: 'ml.t3.medium',
        roleArn: ROLE,
        volumeSizeInGB: 10,
        rootAccess: false,
        directInternetAccess: true,
        lifecycle: {
          kind: 'new',
          name: 'abalone-lost-answer-sync',
          template: { kind: 's3-sync', s3Uri: 's3://ml-pipeline-bucket/lab-1/scripts/' },
        },
      });
      return run<Outcome>('createNotebookInstance');
    });
    assert.deepStrictEqual([created.outcome, created.message], ['done', 'abalone-lost-answer is InService.']);
    assert.deepStrictEqual(await attempts('CreateNotebookInstanceLifecycleConfig'), [
      'ResponseLost',
      'ValidationException',
    ]);
    assert.deepStrictEqual(await attempts('CreateNotebookInstance'), ['ResponseLost', 'ValidationException']);
    await tallyLost(3);
  });

  it('registers one model version and decides the waiting release once when their answers are lost', async () => {
    const job = await nodeOf('trainingJobs', DONE);
    await loseFirstAnswerOf('CreateModelPackageGroup', 'CreateModelPackage', 'PutApprovalResult');
    const registered = await withWindow(async (ui) => {
      answerRegisterModel(ui, {
        group: 'AbaloneLostAnswerGroup',
        create: true,
        metrics: '',
        approval: 'PendingManualApproval',
      });
      return run<RegisterOutcome>('registerModel', job);
    });
    assert.strictEqual(
      registered.message,
      `Registered training job ${DONE} as AbaloneLostAnswerGroup v1 (PendingManualApproval).`,
    );
    assert.deepStrictEqual(await attempts('CreateModelPackageGroup'), ['ResponseLost', 'ValidationException']);
    // The SDK's ClientToken makes the retried CreateModelPackage return the version the first attempt made.
    assert.deepStrictEqual(await attempts('CreateModelPackage'), ['ResponseLost', '200']);
    const panel = await run<ModelGroupPanel>('openModelGroup', await nodeOf('modelRegistry', 'AbaloneLostAnswerGroup'));
    await panel.whenLoaded();
    assert.deepStrictEqual(
      panel.model?.versions.map((v) => v.version),
      [1],
      'one version in the group',
    );
    panel.dispose();

    const waiting = await waitingApproval();
    const release = await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'RMSE 1.48 is below 2.0', confirm: true });
      return run<Outcome>('approveRelease', waiting);
    });
    assert.deepStrictEqual(
      [release.outcome, release.message?.startsWith(`Approved ${waiting.approval.pipelineName}`)],
      ['decided', true],
      release.message,
    );
    assert.deepStrictEqual(await attempts('PutApprovalResult'), ['ResponseLost', 'ApprovalAlreadyCompletedException']);
    await tallyLost(2);
  });

  it('still reports a name taken before the first attempt, even by a job just like the one asked for', async () => {
    assert.strictEqual((await startTraining(trainingPlan('abalone-autogluon-twice', 'lost'))).outcome, 'started');
    await clearRequests();
    const again = await startTraining(trainingPlan('abalone-autogluon-twice', 'lost'));
    assert.strictEqual(again.outcome, 'failed');
    assert.match(again.message!, /already exists/);
    assert.deepStrictEqual(
      await attempts('CreateTrainingJob'),
      ['ResourceInUse'],
      'one attempt, and it is not taken for this start',
    );
  });
});
