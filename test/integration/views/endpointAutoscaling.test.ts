// Configure Autoscaling from a variant's context menu in the real extension host: prefilled with what the
// CMAPSS endpoint has (seed 002), bounds checked as typed, Application Auto Scaling called, the tree
// re-described.
import * as assert from 'assert';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { endpointNode } from '../hosting/support';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow, type TestWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host } from '../support/workbench';

async function variant(endpoint: string): Promise<ExplorerNode> {
  return childNamed(await endpointNode(endpoint), 'AllTraffic');
}

const FIELDS = [
  ['minCapacity', 'Minimum instances'],
  ['maxCapacity', 'Maximum instances'],
  ['targetValue', 'Target invocations per instance per minute'],
  ['scaleInCooldown', 'Scale-in cooldown (seconds)'],
  ['scaleOutCooldown', 'Scale-out cooldown (seconds)'],
] as const;

/**
 * Answers the five values (typed where given, else as offered) and the confirmation; records what each
 * offered. A value refused as typed is recorded and the prompt cancelled there.
 */
function answerScaling(
  ui: TestWindow,
  endpoint: string,
  values: Record<string, string>,
  offered: Record<string, string> = {},
  refusedAt?: string,
): string[] {
  const refusals: string[] = [];
  for (const [field, label] of FIELDS) {
    ui.onInputBox(
      new RegExp(`^Autoscaling of ${endpoint}/AllTraffic \\(\\d/5\\): ${label.replace(/[()]/g, '\\$&')}$`),
      async (p) => {
        offered[field] = p.value;
        const refusal = values[field] === undefined ? await p.accept() : await p.type(values[field]);
        if (!refusal) return;
        refusals.push(refusal);
        p.cancel();
      },
    );
    if (field === refusedAt) return refusals;
  }
  ui.onMessage(`Set autoscaling of ${endpoint}?`, 'Set Autoscaling');
  return refusals;
}

describe('Endpoint autoscaling', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.endpoints.refresh();
  });

  it('offers the current policy and changes the maximum and target', async () => {
    const endpoint = 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12';
    const v = await variant(endpoint);
    const offered: Record<string, string> = {};
    await clearRequests();
    await withWindow(async (ui) => {
      answerScaling(ui, endpoint, { maxCapacity: '8', targetValue: '20' }, offered);
      const result = await run<{ outcome: string; message?: string }>('configureAutoscaling', v);
      assert.strictEqual(result.outcome, 'set', result.message);
      assert.deepStrictEqual(ui.shown('info'), [result.message]);
    });
    assert.deepStrictEqual(offered, {
      minCapacity: '1',
      maxCapacity: '5',
      targetValue: '10',
      scaleInCooldown: '600',
      scaleOutCooldown: '300',
    });
    const calls = (await recordedRequests()).filter((r) => r.service === 'application-autoscaling');
    const put = calls.find((c) => c.operation === 'PutScalingPolicy')?.input as {
      PolicyName?: string;
      TargetTrackingScalingPolicyConfiguration?: { TargetValue?: number };
    };
    assert.strictEqual(put.PolicyName, 'Invocations-ScalingPolicy', 'the existing policy is updated, not duplicated');
    assert.strictEqual(put.TargetTrackingScalingPolicyConfiguration?.TargetValue, 20);
    const again = await variant(endpoint);
    assert.match(String((await again.getTreeItem()).description), /autoscaling 1–8$/);
  });

  it('adds autoscaling to a variant that has none, and refuses a maximum below the minimum', async () => {
    const v = await variant('abalone-endpoint');
    await clearRequests();
    await withWindow(async (ui) => {
      const refusals = answerScaling(ui, 'abalone-endpoint', { minCapacity: '3', maxCapacity: '2' }, {}, 'maxCapacity');
      assert.strictEqual((await run<{ outcome: string }>('configureAutoscaling', v)).outcome, 'cancelled');
      assert.match(refusals[0] ?? '', /at least the minimum \(3\)/);
    });
    assert.deepStrictEqual(
      (await recordedRequests()).filter(
        (r) => r.service === 'application-autoscaling' && !r.operation.startsWith('Describe'),
      ),
      [],
      'nothing was set',
    );
    await withWindow(async (ui) => {
      answerScaling(ui, 'abalone-endpoint', { minCapacity: '1', maxCapacity: '3' });
      assert.strictEqual((await run<{ outcome: string }>('configureAutoscaling', v)).outcome, 'set');
    });
    const again = await variant('abalone-endpoint');
    assert.match(String((await again.getTreeItem()).description), /autoscaling 1–3$/);
  });

  it('says a serverless variant scales by itself', async () => {
    const v = await variant('abalone-serverless-endpoint');
    await withWindow(async (ui) => {
      const result = await run<{ outcome: string; message?: string }>('configureAutoscaling', v);
      assert.strictEqual(result.outcome, 'refused');
      assert.match(result.message ?? '', /serverless variant scales by itself/);
      assert.deepStrictEqual(ui.shown('warning'), [result.message]);
    });
  });
});
