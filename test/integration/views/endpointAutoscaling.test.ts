// Configure Autoscaling on endpoint variants in the real extension host: prefilled with what the CMAPSS
// endpoint has (seed 002), bounds checked as typed, Application Auto Scaling called, the tree re-described.
import * as assert from 'assert';
import type { ScalingPrompts } from '../../../src/commands/hosting/endpointScalingCommands';
import type { VariantNode } from '../../../src/views/endpoints/variantNode';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { childNamed } from '../support/tree';
import { workbench } from '../support/workbench';

async function variant(endpoint: string): Promise<VariantNode> {
  const api = await workbench();
  api.views.providers.endpoints.refresh();
  const node = await childNamed(api.views.providers.endpoints as never, endpoint);
  return (await childNamed(node, 'AllTraffic')) as unknown as VariantNode;
}

function answers(values: Record<string, string>, confirm = true, offered: Record<string, string> = {}, problems: string[] = []): ScalingPrompts {
  return {
    value: async (field, _title, current, check) => {
      offered[field] = current;
      const value = values[field] ?? current;
      const problem = check(value);
      if (problem) problems.push(problem);
      return value;
    },
    confirm: async () => confirm,
  };
}

describe('Endpoint autoscaling', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.endpoints.refresh();
  });

  it('offers the current policy and changes the maximum and target', async () => {
    const v = await variant('cmapss-XGBoostEndpoint-2021-01-07-16-30-12');
    const offered: Record<string, string> = {};
    await clearRequests();
    const result = await (await workbench()).endpoints.configureScaling(v, answers({ maxCapacity: '8', targetValue: '20' }, true, offered));
    assert.strictEqual(result.outcome, 'set', result.message);
    assert.deepStrictEqual(offered, { minCapacity: '1', maxCapacity: '5', targetValue: '10', scaleInCooldown: '600', scaleOutCooldown: '300' });
    const calls = (await recordedRequests()).filter((r) => r.service === 'application-autoscaling');
    const put = calls.find((c) => c.operation === 'PutScalingPolicy')?.input as { PolicyName?: string; TargetTrackingScalingPolicyConfiguration?: { TargetValue?: number } };
    assert.strictEqual(put.PolicyName, 'Invocations-ScalingPolicy', 'the existing policy is updated, not duplicated');
    assert.strictEqual(put.TargetTrackingScalingPolicyConfiguration?.TargetValue, 20);
    const again = await variant('cmapss-XGBoostEndpoint-2021-01-07-16-30-12');
    assert.match(String((await again.getTreeItem()).description), /autoscaling 1–8$/);
  });

  it('adds autoscaling to a variant that has none, and refuses a maximum below the minimum', async () => {
    const v = await variant('abalone-endpoint');
    const problems: string[] = [];
    const refused = await (await workbench()).endpoints.configureScaling(v, answers({ minCapacity: '3', maxCapacity: '2' }, true, {}, problems));
    assert.strictEqual(refused.outcome, 'refused');
    assert.match(problems[0], /at least the minimum \(3\)/);
    const result = await (await workbench()).endpoints.configureScaling(v, answers({ minCapacity: '1', maxCapacity: '3' }));
    assert.strictEqual(result.outcome, 'set');
    const again = await variant('abalone-endpoint');
    assert.match(String((await again.getTreeItem()).description), /autoscaling 1–3$/);
  });

  it('says a serverless variant scales by itself', async () => {
    const v = await variant('abalone-serverless-endpoint');
    const result = await (await workbench()).endpoints.configureScaling(v, answers({}));
    assert.strictEqual(result.outcome, 'refused');
    assert.match(result.message ?? '', /serverless variant scales by itself/);
  });
});
