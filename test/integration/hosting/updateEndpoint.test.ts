// Updating the abalone endpoint to a new registry version and rolling it back, in the real extension host:
// the old configuration keeps serving until the new one is InService and stays for Roll Back; an update
// SageMaker rolls back (the new model cannot load) is reported as failed.
import * as assert from 'assert';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { workbench } from '../support/workbench';
import { fastFollowing, updatePrompts, V4, type Seen } from './support';

const served = async () => {
  const updates = (await recordedRequests()).filter((r) => r.operation === 'UpdateEndpoint');
  return updates.map((r) => (r.input as { EndpointConfigName: string }).EndpointConfigName);
};

describe('Update and roll back an endpoint', function () {
  this.timeout(90_000);
  before(fastFollowing);
  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.endpoints.refresh();
  });

  it('updates abalone-endpoint to v4 keeping its capacity, then rolls back to the configuration it served', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(V4))!;
    const seen: Seen = { questions: [], details: [], failures: [] };
    await clearRequests();
    const updated = await api.hosting.update('abalone-endpoint', { ...source, roleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715' }, updatePrompts(seen));
    assert.strictEqual(updated.outcome, 'deployed', updated.message);
    assert.deepStrictEqual(seen.questions, ['Update abalone-endpoint to AbalonePackageGroup v4?']);
    assert.match(seen.details[0], /^Now: configuration abalone-endpoint, variant AllTraffic serves model abalone-endpoint \(1 × ml\.m5\.large\)\.$/m);
    assert.match(seen.details[0], /abalone-endpoint is kept for Roll Back/);
    const config = (await recordedRequests()).find((r) => r.operation === 'CreateEndpointConfig')!.input as { EndpointConfigName: string; ProductionVariants: Array<Record<string, unknown>>; ShadowProductionVariants?: unknown };
    assert.deepStrictEqual([config.ProductionVariants[0].InstanceType, config.ProductionVariants[0].InitialInstanceCount], ['ml.m5.large', 1]);
    assert.match(updated.message ?? '', new RegExp(`now serves AbalonePackageGroup v4 \\(configuration ${config.EndpointConfigName}\\)`));

    await clearRequests();
    let offered: string[] = [];
    const rolled = await api.hosting.rollBack('abalone-endpoint', { ...updatePrompts(), pickConfig: async (choices) => ((offered = choices.map((c) => c.config)), choices[0].config) });
    assert.strictEqual(rolled.outcome, 'deployed', rolled.message);
    assert.deepStrictEqual(offered, ['abalone-endpoint'], 'the previous configuration is offered');
    assert.deepStrictEqual(await served(), ['abalone-endpoint']);
  });

  it('reports an update SageMaker rolled back: the endpoint still serves its old configuration', async () => {
    const api = await workbench();
    const seen: Seen = { questions: [], details: [], failures: [] };
    const broken = (await api.hosting.source('fraud-detection-endpoint'))!;
    const result = await api.hosting.update('abalone-endpoint', broken, updatePrompts(seen));
    assert.strictEqual(result.outcome, 'failed');
    assert.match(seen.failures[0], /^Updating abalone-endpoint to model fraud-detection-endpoint failed; it still serves abalone-endpoint: Failed to download model data/);
  });

  it('refuses to update an endpoint that is not InService', async () => {
    const api = await workbench();
    await assert.rejects(api.hosting.update('abalone-staging-endpoint', (await api.hosting.source(V4))!, updatePrompts()), /abalone-staging-endpoint is Failed; only an InService endpoint can be updated/);
  });
});
