// Deploying in the real extension host against the emulator: from a registry version, a training job's
// artefact, an Autopilot candidate and an existing model, each followed Creating -> InService; a bad plan is
// refused before any call; a failed endpoint offers cleanup of exactly what the deployment created.
import * as assert from 'assert';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { workbench } from '../support/workbench';
import { deployPrompts, fastFollowing, V4, type Seen } from './support';

const creates = async () => (await recordedRequests()).filter((r) => /^(Create|Delete)(Model|EndpointConfig|Endpoint)$/.test(r.operation));

describe('Deploy to a new endpoint', function () {
  this.timeout(90_000);
  before(fastFollowing);
  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.endpoints.refresh();
  });

  it('deploys AbalonePackageGroup v4: model naming the version, config AllTraffic, endpoint InService, listed in the view', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(V4))!;
    assert.strictEqual(source.label, 'AbalonePackageGroup v4');
    await clearRequests();
    const seen: Seen = { questions: [], details: [], failures: [] };
    const result = await api.hosting.deploy(source, deployPrompts({ endpointName: 'abalone-v4-endpoint' }, seen));
    assert.strictEqual(result.outcome, 'deployed', result.message);
    assert.strictEqual(result.message, 'Endpoint abalone-v4-endpoint is InService (1 × ml.m5.large), serving AbalonePackageGroup v4.');
    assert.deepStrictEqual(seen.questions, ['Deploy AbalonePackageGroup v4 to a new endpoint abalone-v4-endpoint?']);
    assert.match(seen.details[0], /variant AllTraffic, 1 × ml\.m5\.large/);
    assert.match(seen.details[0], /billed per instance-hour until deleted/);
    const calls = await creates();
    assert.deepStrictEqual(calls.map((c) => c.operation), ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
    assert.deepStrictEqual((calls[0].input as { PrimaryContainer: unknown }).PrimaryContainer, { ModelPackageName: V4 });
    const variant = (calls[1].input as { ProductionVariants: Array<Record<string, unknown>> }).ProductionVariants[0];
    assert.deepStrictEqual([variant.VariantName, variant.InstanceType, variant.InitialInstanceCount], ['AllTraffic', 'ml.m5.large', 1]);
    api.views.providers.endpoints.refresh();
    const listed = ((await api.views.providers.endpoints.getChildren()) ?? []).map((n) => (n as { resource?: { name: string } }).resource?.name);
    assert.ok(listed.includes('abalone-v4-endpoint'), listed.join(', '));
  });

  it('deploys a training job artefact, an Autopilot candidate (serverless, data capture refused) and an existing model', async () => {
    const api = await workbench();
    const job = (await api.hosting.source({ resource: { kind: 'training-job', name: 'abalone-autogluon-2021-07-05-18-03-21-457' } }))!;
    assert.deepStrictEqual(job.containers?.map((c) => c.ModelDataUrl?.endsWith('/output/model.tar.gz')), [true]);
    assert.ok(job.roleArn, 'the job\'s role is offered');
    assert.strictEqual((await api.hosting.deploy(job, deployPrompts({ endpointName: 'abalone-autogluon-endpoint' }))).outcome, 'deployed');

    const jobs = ((await api.views.providers.autopilot.getChildren()) ?? []) as ExplorerNode[];
    const v0 = jobs.find((n) => n.resource?.name === 'abalone-v0')!;
    const best = (await v0.getChildren!()).find((n) => (n as { best?: boolean }).best);
    const candidate = (await api.hosting.source(best))!;
    assert.match(candidate.label, /^Autopilot candidate /);
    const refused = await api.hosting.deploy(candidate, deployPrompts({ endpointName: 'abalone-candidate', compute: { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 }, dataCapture: true }));
    assert.deepStrictEqual([refused.outcome, refused.message], ['refused', 'Data capture is not available on serverless endpoints']);
    const serverless = await api.hosting.deploy(candidate, deployPrompts({ endpointName: 'abalone-candidate', compute: { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 } }));
    assert.strictEqual(serverless.message, `Endpoint abalone-candidate is InService (serverless · 2048 MB · 5 concurrent), serving ${candidate.label}.`);

    await clearRequests();
    const model = (await api.hosting.source('abalone-inference-pipeline-endpoint'))!;
    const reused = await api.hosting.deploy(model, deployPrompts({ endpointName: 'abalone-pipeline-copy', compute: { kind: 'instances', instanceType: 'ml.c5.xlarge', count: 2 } }));
    assert.strictEqual(reused.outcome, 'deployed', reused.message);
    assert.deepStrictEqual((await creates()).map((c) => c.operation), ['CreateEndpointConfig', 'CreateEndpoint'], 'an existing model is not created again');
  });

  it('refuses instance count 0, a taken name and a bad role before creating anything', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(V4))!;
    await clearRequests();
    const zero = await api.hosting.deploy(source, deployPrompts({ compute: { kind: 'instances', instanceType: 'ml.m5.large', count: 0 } }));
    assert.deepStrictEqual([zero.outcome, zero.message], ['refused', 'An endpoint needs at least 1 instance']);
    const taken = await api.hosting.deploy(source, deployPrompts({ endpointName: 'abalone-endpoint' }));
    assert.match(taken.message ?? '', /An endpoint named abalone-endpoint already exists; use Update Endpoint/);
    const role = await api.hosting.deploy(source, deployPrompts({ roleArn: 'SageMakerRole' }));
    assert.match(role.message ?? '', /IAM role ARN/);
    assert.deepStrictEqual(await creates(), [], 'nothing was created');
  });

  it('reports a Failed endpoint with its reason and deletes exactly what the deployment created', async () => {
    const api = await workbench();
    // The fraud model's artefact is not in S3: the container cannot download it.
    const source = (await api.hosting.source('fraud-detection-endpoint'))!;
    const seen: Seen = { questions: [], details: [], failures: [] };
    await clearRequests();
    const result = await api.hosting.deploy(source, deployPrompts({ endpointName: 'fraud-retry' }, seen, 'cleanup'));
    assert.strictEqual(result.outcome, 'failed');
    assert.match(seen.failures[0], /^Endpoint fraud-retry failed: Failed to download model data .*could not find model data at s3:\/\/fraud-detection-end-to-end-demo\/linear-learner\/output\/model\.tar\.gz/);
    assert.match(result.message ?? '', /Deleted endpoint fraud-retry, endpoint configuration fraud-retry-\d{14}\.$/);
    assert.deepStrictEqual((await creates()).map((c) => c.operation), ['CreateEndpointConfig', 'CreateEndpoint', 'DeleteEndpoint', 'DeleteEndpointConfig'], 'the existing model is kept');
  });
});
