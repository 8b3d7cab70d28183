// The Endpoints view in the real extension host against the emulator's seeded endpoints: one list call for
// the first page; expanding an endpoint describes it, its configuration and its autoscaling targets once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EndpointSummary } from '@aws-sdk/client-sagemaker';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { calls, items, label } from '../support/tree';
import { host } from '../support/workbench';

type Provider = ResourceListProvider<EndpointSummary>;

async function provider(): Promise<Provider> {
  return (await host()).views.providers.endpoints as unknown as Provider;
}

async function endpoint(name: string): Promise<ExplorerNode> {
  const node = (await (await provider()).getChildren()).find((n) => n.resource?.name === name);
  assert.ok(node, `${name} is listed`);
  return node;
}

describe('Endpoints view', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await (await provider()).setFilter(DEFAULT_FILTER);
    await clearRequests();
  });

  it('lists endpoints with their status from one ListEndpoints call', async () => {
    const nodes = await (await provider()).getChildren();
    assert.deepStrictEqual(await calls(), ['sagemaker.ListEndpoints']);
    const byName = new Map((await items(nodes)).map((i) => [label(i), i]));
    for (const name of [
      'abalone-endpoint',
      'cmapss-XGBoostEndpoint-2021-01-07-16-30-12',
      'fraud-detection-endpoint',
      'abalone-serverless-endpoint',
    ]) {
      const i = byName.get(name);
      assert.ok(i, `${name} is shown`);
      assert.strictEqual(i.description, 'InService');
      assert.strictEqual((i.iconPath as vscode.ThemeIcon).id, 'pass-filled');
      assert.strictEqual(i.contextValue, 'resource:endpoint:InService');
    }
    const failed = byName.get('abalone-staging-endpoint');
    assert.strictEqual((failed?.iconPath as vscode.ThemeIcon).id, 'error');
    assert.strictEqual(failed?.contextValue, 'resource:endpoint:Failed');
  });

  it('describes an endpoint on expand: production and shadow variants with their capacity', async () => {
    const node = await endpoint('abalone-endpoint');
    await clearRequests();
    const variants = await node.getChildren!();
    await node.getChildren!();
    assert.deepStrictEqual(
      await calls(),
      [
        'sagemaker.DescribeEndpoint',
        'sagemaker.DescribeEndpointConfig',
        'application-autoscaling.DescribeScalableTargets',
      ],
      'three calls, once',
    );
    const [production, shadow] = await items(variants);
    assert.deepStrictEqual(
      [label(production), production.description, production.contextValue],
      ['AllTraffic', '1 × ml.m5.large · weight 1', 'variant:production'],
    );
    assert.deepStrictEqual(
      [label(shadow), shadow.description, shadow.contextValue],
      ['ShadowV4', 'shadow · 1 × ml.m5.large', 'variant:shadow'],
    );
    assert.strictEqual(
      (await node.getTreeItem()).description,
      'InService · 1 × ml.m5.large · 1 shadow',
      'the capacity joins the endpoint line',
    );
  });

  it("shows a variant's autoscaling bounds and reads its policy when the variant is expanded", async () => {
    const node = await endpoint('cmapss-XGBoostEndpoint-2021-01-07-16-30-12');
    const [variant] = await node.getChildren!();
    const item = await variant.getTreeItem();
    assert.strictEqual(item.description, '1 × ml.m5.xlarge · weight 1 · autoscaling 1–5');
    assert.strictEqual(item.contextValue, 'variant:production:autoscaled');
    await clearRequests();
    const facts = await items(await variant.getChildren!());
    const requests = await recordedRequests();
    assert.deepStrictEqual(
      requests.map((r) => `${r.service}.${r.operation}`),
      ['application-autoscaling.DescribeScalingPolicies'],
    );
    assert.deepStrictEqual(
      (requests[0].input as { ResourceId?: string }).ResourceId,
      'endpoint/cmapss-XGBoostEndpoint-2021-01-07-16-30-12/variant/AllTraffic',
    );
    const policy = facts.find((f) => label(f) === 'Invocations-ScalingPolicy');
    assert.strictEqual(policy?.description, 'target 10 SageMakerVariantInvocationsPerInstance');
    assert.strictEqual(facts.find((f) => label(f) === 'Autoscaling')?.description, '1–5 instances');
  });

  it('says serverless instead of an instance type, and shows why a failed endpoint failed', async () => {
    const serverless = await endpoint('abalone-serverless-endpoint');
    const [variant] = await items(await serverless.getChildren!());
    assert.strictEqual(variant.description, 'serverless · 2048 MB · 5 concurrent · weight 1');
    const failed = await endpoint('abalone-staging-endpoint');
    const children = await items(await failed.getChildren!());
    assert.match(label(children[0]), /did not pass the ping health check/);
    assert.strictEqual((children[0].iconPath as vscode.ThemeIcon).id, 'error');
    assert.strictEqual(label(children[1]), 'AllTraffic', 'the configured variant is still listed');
  });

  it('filters by status on the server and opens the details document', async () => {
    const p = await provider();
    await p.setFilter({ ...DEFAULT_FILTER, status: 'Failed' });
    const nodes = await p.getChildren();
    const input = (await recordedRequests()).filter((r) => r.operation === 'ListEndpoints').at(-1)?.input as {
      StatusEquals?: string;
    };
    assert.strictEqual(input.StatusEquals, 'Failed');
    assert.deepStrictEqual(
      nodes.map((n) => n.resource?.name),
      ['abalone-staging-endpoint'],
    );
    const doc = JSON.parse((await (await host()).details.open(nodes[0].resource!)).document.getText()) as {
      EndpointStatus?: string;
      FailureReason?: string;
    };
    assert.strictEqual(doc.EndpointStatus, 'Failed');
    assert.ok(doc.FailureReason);
  });
});
