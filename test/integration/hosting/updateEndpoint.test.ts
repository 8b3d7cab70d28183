// Updating the abalone endpoint to a new registry version and rolling it back, through the endpoint's and
// the version's context menus in the real extension host: the old configuration keeps serving until the new
// one is InService and stays for Roll Back; an update SageMaker rolls back (the new model cannot load) is
// reported as failed.
import * as assert from 'assert';
import type { DeployOutcome } from '../../../src/commands/hosting/deployEndpointCommand';
import { confirmations, ROLE } from '../support/answers/hosting';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host } from '../support/workbench';
import { endpointNode, fastFollowing, usualFollowing, versionNode } from './support';

const served = async () => {
  const updates = (await recordedRequests()).filter((r) => r.operation === 'UpdateEndpoint');
  return updates.map((r) => (r.input as { EndpointConfigName: string }).EndpointConfigName);
};

describe('Update and roll back an endpoint', function () {
  this.timeout(90_000);
  before(async () => {
    await fastFollowing();
    // The role a registry version runs with is the one used last (a version names none).
    await (await host()).rememberRole(ROLE);
  });
  after(usualFollowing);
  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.endpoints.refresh();
  });

  it('updates abalone-endpoint to v4 keeping its capacity, then rolls back to the configuration it served', async () => {
    const endpoint = await endpointNode('abalone-endpoint');
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onQuickPick('Update to a version of which model package group?', (p) => p.pick('AbalonePackageGroup'));
      ui.onQuickPick('Version of AbalonePackageGroup', (p) => p.pick('v4'));
      ui.onMessage('Update abalone-endpoint to AbalonePackageGroup v4?', 'Update Endpoint');
      const updated = await run<DeployOutcome>('updateEndpoint', endpoint);
      assert.strictEqual(updated.outcome, 'deployed', updated.message);
      const asked = confirmations(ui);
      assert.deepStrictEqual(
        asked.map((c) => c.question),
        ['Update abalone-endpoint to AbalonePackageGroup v4?'],
      );
      assert.match(
        asked[0].detail,
        /^Now: configuration abalone-endpoint, variant AllTraffic serves model abalone-endpoint \(1 × ml\.m5\.large\)\.$/m,
      );
      assert.match(asked[0].detail, /abalone-endpoint is kept for Roll Back/);
      const config = (await recordedRequests()).find((r) => r.operation === 'CreateEndpointConfig')!.input as {
        EndpointConfigName: string;
        ProductionVariants: Array<Record<string, unknown>>;
      };
      assert.deepStrictEqual(
        [config.ProductionVariants[0].InstanceType, config.ProductionVariants[0].InitialInstanceCount],
        ['ml.m5.large', 1],
      );
      assert.match(
        updated.message ?? '',
        new RegExp(`now serves AbalonePackageGroup v4 \\(configuration ${config.EndpointConfigName}\\)`),
      );
      assert.deepStrictEqual(ui.shown('info'), [updated.message], 'the user is told');
    });

    await clearRequests();
    await withWindow(async (ui) => {
      let offered: string[] = [];
      ui.onQuickPick('Roll back to which endpoint configuration?', (p) => {
        offered = p.items.map((i) => i.label);
        p.pick(offered[0]);
      });
      ui.onMessage('Roll back abalone-endpoint to abalone-endpoint?', 'Roll Back');
      const rolled = await run<DeployOutcome>('rollBackEndpoint', await endpointNode('abalone-endpoint'));
      assert.strictEqual(rolled.outcome, 'deployed', rolled.message);
      assert.deepStrictEqual(offered, ['abalone-endpoint'], 'the previous configuration is offered');
    });
    assert.deepStrictEqual(await served(), ['abalone-endpoint']);
  });

  it("deploys a registry version to an existing endpoint from the version's menu", async () => {
    const v4 = await versionNode('AbalonePackageGroup', 'v4');
    await clearRequests();
    await withWindow(async (ui) => {
      let offered: string[] = [];
      ui.onQuickPick('Update which endpoint to AbalonePackageGroup v4?', (p) => {
        offered = p.items.map((i) => i.label);
        p.pick('abalone-endpoint');
      });
      ui.onMessage('Update abalone-endpoint to AbalonePackageGroup v4?', 'Update Endpoint');
      const updated = await run<DeployOutcome>('deployToExistingEndpoint', v4);
      assert.strictEqual(updated.outcome, 'deployed', updated.message);
      assert.ok(
        offered.includes('abalone-endpoint') && !offered.includes('abalone-staging-endpoint'),
        `only InService endpoints are offered: ${offered.join(', ')}`,
      );
      assert.match(
        updated.message ?? '',
        /^Endpoint abalone-endpoint now serves AbalonePackageGroup v4 \(configuration /,
      );
    });
    const model = (await recordedRequests()).find((r) => r.operation === 'CreateModel')!.input as {
      PrimaryContainer: unknown;
    };
    assert.deepStrictEqual(model.PrimaryContainer, { ModelPackageName: v4.resource!.arn });
  });

  it('reports an update SageMaker rolled back: the endpoint still serves its old configuration', async () => {
    await withWindow(async (ui) => {
      ui.onQuickPick('Update which endpoint to model fraud-detection-endpoint?', (p) => p.pick('abalone-endpoint'));
      ui.onMessage('Update abalone-endpoint to model fraud-detection-endpoint?', 'Update Endpoint');
      ui.onMessage(/^Updating abalone-endpoint to model fraud-detection-endpoint failed/, undefined);
      const result = await run<DeployOutcome>('deployToExistingEndpoint', 'fraud-detection-endpoint');
      assert.strictEqual(result.outcome, 'failed');
      assert.match(
        ui.shown('error')[0],
        /^Updating abalone-endpoint to model fraud-detection-endpoint failed; it still serves abalone-endpoint: Failed to download model data/,
      );
    });
  });

  it('refuses to update an endpoint that is not InService', async () => {
    const staging = await endpointNode('abalone-staging-endpoint');
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onQuickPick('Update to a version of which model package group?', (p) => p.pick('AbalonePackageGroup'));
      ui.onQuickPick('Version of AbalonePackageGroup', (p) => p.pick('v4'));
      const result = await run<DeployOutcome>('updateEndpoint', staging);
      assert.strictEqual(result.outcome, 'failed');
      assert.match(
        result.message ?? '',
        /abalone-staging-endpoint is Failed; only an InService endpoint can be updated/,
      );
      assert.match(
        ui.shown('error')[0],
        /abalone-staging-endpoint is Failed; only an InService endpoint can be updated/,
      );
    });
    assert.deepStrictEqual(
      (await recordedRequests()).filter((r) => /^(Create|Update)/.test(r.operation)),
      [],
      'nothing was changed',
    );
  });
});
