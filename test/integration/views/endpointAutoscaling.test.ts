// Configure Autoscaling from a variant's context menu in the real extension host: prefilled with what the
// CMAPSS endpoint has (seed 002), bounds checked as typed, Application Auto Scaling called, the tree
// re-described.
import * as assert from 'assert';
import { PutScalingPolicyCommand } from '@aws-sdk/client-application-auto-scaling';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { endpointNode } from '../hosting/support';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow, type TestWindow } from '../support/testWindow';
import { childNamed, items, label } from '../support/tree';
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

  it("shows every one of a variant's policies when it has more than AWS answers in a page", async () => {
    const endpoint = 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12';
    const autoscaling = await (await host()).session.clients.autoscaling();
    // Ten step policies beside the seeded target-tracking one: DescribeScalingPolicies answers at most ten a page.
    for (let i = 1; i <= 10; i++)
      await autoscaling.send(
        new PutScalingPolicyCommand({
          ServiceNamespace: 'sagemaker',
          ResourceId: `endpoint/${endpoint}/variant/AllTraffic`,
          ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
          PolicyName: `step-out-${String(i).padStart(2, '0')}`,
          PolicyType: 'StepScaling',
          StepScalingPolicyConfiguration: {
            AdjustmentType: 'ChangeInCapacity',
            StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
          },
        }),
      );
    (await host()).views.providers.endpoints.refresh();
    const v = await variant(endpoint);
    await clearRequests();
    const policies = (await items(await v.getChildren!())).filter((i) => i.contextValue === 'scalingPolicy');
    assert.strictEqual(policies.length, 11, policies.map((i) => label(i)).join(', '));
    assert.ok(policies.some((i) => label(i) === 'Invocations-ScalingPolicy'));
    assert.ok(policies.some((i) => label(i) === 'step-out-10'));
    const pages = (await recordedRequests()).filter((r) => r.operation === 'DescribeScalingPolicies');
    assert.strictEqual(pages.length, 2, 'two pages of at most ten');
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
