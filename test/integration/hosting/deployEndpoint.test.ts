// Deploying in the real extension host against the emulator, through the Deploy command as the menus run it:
// from a registry version's node, a training job's node, an Autopilot candidate's node and an existing model,
// each followed Creating -> InService; a bad plan is refused before any call; a failed endpoint offers
// cleanup of exactly what the deployment created.
import * as assert from 'assert';
import type { DeployOutcome } from '../../../src/commands/hosting/deployEndpointCommand';
import { CandidateNode } from '../../../src/views/autopilot/candidateNode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { answerDeployWizard, confirmations } from '../support/answers/hosting';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host } from '../support/workbench';
import { fastFollowing, usualFollowing, versionNode } from './support';

const creates = async () =>
  (await recordedRequests()).filter((r) => /^(Create|Delete)(Model|EndpointConfig|Endpoint)$/.test(r.operation));
const JOB = 'abalone-autogluon-2021-07-05-18-03-21-457';

async function trainingJobNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.trainingJobs;
  const node = ((await provider.getChildren()) as ExplorerNode[]).find((n) => n.resource?.name === name);
  assert.ok(node, `${name} is on the first page of the Training Jobs view`);
  return node;
}

describe('Deploy to a new endpoint', function () {
  this.timeout(90_000);
  before(fastFollowing);
  after(usualFollowing);
  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.endpoints.refresh();
  });

  it('deploys AbalonePackageGroup v4: model naming the version, config AllTraffic, endpoint InService, listed in the view', async () => {
    const v4 = await versionNode('AbalonePackageGroup', 'v4');
    await clearRequests();
    await withWindow(async (ui) => {
      answerDeployWizard(ui, 'AbalonePackageGroup v4', { endpointName: 'abalone-v4-endpoint' });
      const result = await run<DeployOutcome>('deployModel', v4);
      assert.strictEqual(result.outcome, 'deployed', result.message);
      assert.strictEqual(
        result.message,
        'Endpoint abalone-v4-endpoint is InService (1 × ml.m5.large), serving AbalonePackageGroup v4.',
      );
      assert.deepStrictEqual(
        ui.asked.slice(0, 1),
        ['Deploy AbalonePackageGroup v4'],
        'the wizard is titled with the version',
      );
      const asked = confirmations(ui);
      assert.deepStrictEqual(
        asked.map((c) => c.question),
        ['Deploy AbalonePackageGroup v4 to a new endpoint abalone-v4-endpoint?'],
      );
      assert.match(asked[0].detail, /variant AllTraffic, 1 × ml\.m5\.large/);
      assert.match(asked[0].detail, /billed per instance-hour until deleted/);
      const told = ui.messages.find((m) => m.message === result.message);
      assert.deepStrictEqual(
        [told?.level, told?.items],
        ['info', ['Test Endpoint']],
        'the user is told once, with a Test Endpoint button',
      );
    });
    const calls = await creates();
    assert.deepStrictEqual(
      calls.map((c) => c.operation),
      ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'],
    );
    assert.deepStrictEqual((calls[0].input as { PrimaryContainer: unknown }).PrimaryContainer, {
      ModelPackageName: v4.resource!.arn,
    });
    const variant = (calls[1].input as { ProductionVariants: Array<Record<string, unknown>> }).ProductionVariants[0];
    assert.deepStrictEqual(
      [variant.VariantName, variant.InstanceType, variant.InitialInstanceCount],
      ['AllTraffic', 'ml.m5.large', 1],
    );
    const provider = (await host()).views.providers.endpoints;
    provider.refresh();
    const listed = ((await provider.getChildren()) ?? []).map(
      (n) => (n as { resource?: { name: string } }).resource?.name,
    );
    assert.ok(listed.includes('abalone-v4-endpoint'), listed.join(', '));
  });

  it('deploys a training job artefact, an Autopilot candidate (serverless, no data capture) and an existing model', async () => {
    const job = await trainingJobNode(JOB);
    await clearRequests();
    await withWindow(async (ui) => {
      const answers = answerDeployWizard(ui, `training job ${JOB}`, { endpointName: 'abalone-autogluon-endpoint' });
      assert.strictEqual((await run<DeployOutcome>('deployModel', job)).outcome, 'deployed');
      assert.ok(answers.offered.role, "the job's role is offered");
    });
    const model = (await recordedRequests()).find((r) => r.operation === 'CreateModel')!.input as {
      Containers?: Array<{ ModelDataUrl?: string }>;
      PrimaryContainer?: { ModelDataUrl?: string };
    };
    const containers = model.Containers ?? [model.PrimaryContainer!];
    assert.deepStrictEqual(
      containers.map((c) => c.ModelDataUrl?.endsWith(`${JOB}/output/model.tar.gz`)),
      [true],
    );

    const jobs = ((await (await host()).views.providers.autopilot.getChildren()) ?? []) as ExplorerNode[];
    const v0 = jobs.find((n) => n.resource?.name === 'abalone-v0')!;
    const best = (await v0.getChildren!()).find((n) => n instanceof CandidateNode && n.best) as CandidateNode;
    const label = `Autopilot candidate ${best.candidate.CandidateName}`;
    await clearRequests();
    await withWindow(async (ui) => {
      answerDeployWizard(ui, label, {
        endpointName: 'abalone-candidate',
        compute: 'Serverless',
        memory: '2048 MB',
        concurrency: '5',
      });
      const serverless = await run<DeployOutcome>('deployModel', best);
      assert.strictEqual(
        serverless.message,
        `Endpoint abalone-candidate is InService (serverless · 2048 MB · 5 concurrent), serving ${label}.`,
      );
      assert.ok(!ui.asked.some((t) => /Data capture/.test(t)), 'data capture is not offered for serverless');
      assert.match(confirmations(ui)[0].detail, /^No data capture\.$/m);
    });
    const config = (await recordedRequests()).find((r) => r.operation === 'CreateEndpointConfig')!.input as {
      DataCaptureConfig?: unknown;
    };
    assert.strictEqual(config.DataCaptureConfig, undefined, 'a serverless endpoint gets no data capture');

    await clearRequests();
    await withWindow(async (ui) => {
      answerDeployWizard(ui, 'model abalone-inference-pipeline-endpoint', {
        endpointName: 'abalone-pipeline-copy',
        compute: 'ml.c5.xlarge',
        count: '2',
      });
      const reused = await run<DeployOutcome>('deployModel', 'abalone-inference-pipeline-endpoint');
      assert.strictEqual(reused.outcome, 'deployed', reused.message);
    });
    assert.deepStrictEqual(
      (await creates()).map((c) => c.operation),
      ['CreateEndpointConfig', 'CreateEndpoint'],
      'an existing model is not created again',
    );
  });

  it('refuses instance count 0, a taken name and a bad role before creating anything', async () => {
    const v4 = await versionNode('AbalonePackageGroup', 'v4');
    await clearRequests();
    await withWindow(async (ui) => {
      const zero = answerDeployWizard(ui, 'AbalonePackageGroup v4', { count: '0', refusedAt: 'count' });
      assert.strictEqual((await run<DeployOutcome>('deployModel', v4)).outcome, 'cancelled');
      assert.deepStrictEqual(zero.refusals, ['An endpoint needs at least 1 instance']);
    });
    await withWindow(async (ui) => {
      answerDeployWizard(ui, 'AbalonePackageGroup v4', { endpointName: 'abalone-endpoint', then: 'none' });
      const taken = await run<DeployOutcome>('deployModel', v4);
      assert.strictEqual(taken.outcome, 'refused');
      assert.match(taken.message ?? '', /An endpoint named abalone-endpoint already exists; use Update Endpoint/);
      assert.deepStrictEqual(ui.shown('warning'), [taken.message], 'shown as a warning');
    });
    await withWindow(async (ui) => {
      const role = answerDeployWizard(ui, 'AbalonePackageGroup v4', { roleArn: 'SageMakerRole', refusedAt: 'role' });
      assert.strictEqual((await run<DeployOutcome>('deployModel', v4)).outcome, 'cancelled');
      assert.match(role.refusals[0] ?? '', /IAM role ARN/);
    });
    assert.deepStrictEqual(await creates(), [], 'nothing was created');
  });

  it('reports a Failed endpoint with its reason and deletes exactly what the deployment created', async () => {
    // The fraud model's artefact is not in S3: the container cannot download it.
    await clearRequests();
    await withWindow(async (ui) => {
      answerDeployWizard(ui, 'model fraud-detection-endpoint', {
        endpointName: 'fraud-retry',
        afterFailure: 'Delete What Was Created',
      });
      const result = await run<DeployOutcome>('deployModel', 'fraud-detection-endpoint');
      assert.strictEqual(result.outcome, 'failed');
      const [offered, final] = ui.messages.filter((m) => m.level === 'error');
      assert.match(
        offered.message,
        /^Endpoint fraud-retry failed: Failed to download model data .*could not find model data at s3:\/\/fraud-detection-end-to-end-demo\/linear-learner\/output\/model\.tar\.gz/,
      );
      assert.deepStrictEqual(offered.items, ['Delete What Was Created', 'Show Logs']);
      assert.match(result.message ?? '', /Deleted endpoint fraud-retry, endpoint configuration fraud-retry-\d{14}\.$/);
      assert.strictEqual(final?.message, result.message, 'what was deleted is shown');
    });
    assert.deepStrictEqual(
      (await creates()).map((c) => c.operation),
      ['CreateEndpointConfig', 'CreateEndpoint', 'DeleteEndpoint', 'DeleteEndpointConfig'],
      'the existing model is kept',
    );
  });
});
