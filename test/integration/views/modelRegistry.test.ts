// The Model Registry view in the real extension host against the emulator's seeded AbalonePackageGroup:
// groups from one list call, versions newest first on expand, metrics read from S3 only when a version opens.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelPackageGroupSummary } from '@aws-sdk/client-sagemaker';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { host } from '../support/workbench';

type Provider = ResourceListProvider<ModelPackageGroupSummary>;
const GROUP = 'AbalonePackageGroup';
const APPROVAL_ICONS: Record<string, string> = {
  Approved: 'verified-filled',
  Rejected: 'close',
  PendingManualApproval: 'bell-dot',
};

async function provider(): Promise<Provider> {
  return (await host()).views.providers.modelRegistry as unknown as Provider;
}

function label(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : (i.label?.label ?? '');
}

async function calls(): Promise<string[]> {
  return (await recordedRequests()).map((r) => `${r.service}.${r.operation}`);
}

async function abaloneGroup(p: Provider): Promise<ExplorerNode> {
  const group = (await p.getChildren()).find((n) => n.resource?.name === GROUP);
  assert.ok(group, `${GROUP} is listed`);
  return group;
}

describe('Model Registry view', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await (await provider()).setFilter(DEFAULT_FILTER);
    await clearRequests();
  });

  it('lists model package groups with one ListModelPackageGroups call', async () => {
    const p = await provider();
    const group = await abaloneGroup(p);
    assert.deepStrictEqual(await calls(), ['sagemaker.ListModelPackageGroups']);
    const i = await group.getTreeItem();
    assert.strictEqual(label(i), GROUP);
    assert.strictEqual(i.contextValue, 'resource:modelPackageGroup');
    assert.strictEqual(i.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('lists versions newest first with their approval icon, without reading any metrics', async () => {
    const p = await provider();
    const group = await abaloneGroup(p);
    await clearRequests();
    const versions = (await group.getChildren!()).filter((n) => n.resource?.kind === 'model-package');
    assert.ok(versions.length > 0, 'the seeded versions are listed');
    const requests = await recordedRequests();
    assert.deepStrictEqual(
      requests.map((r) => `${r.service}.${r.operation}`),
      ['sagemaker.ListModelPackages'],
      'no describe, no S3 read per row',
    );
    assert.deepStrictEqual(requests[0].input, {
      ModelPackageGroupName: GROUP,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: 50,
    });
    const items = await Promise.all(versions.map((v) => v.getTreeItem()));
    const numbers = items.map((i) => Number(label(i).replace(/^v/, '')));
    assert.deepStrictEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
      'newest first',
    );
    for (const i of items) {
      const approval = i.contextValue?.split(':')[2] ?? '';
      assert.match(i.contextValue ?? '', /^resource:modelPackage:(Approved|Rejected|PendingManualApproval)$/);
      assert.strictEqual((i.iconPath as vscode.ThemeIcon).id, APPROVAL_ICONS[approval]);
      assert.ok(String(i.description).startsWith(`${approval} · `), String(i.description));
    }
    const groupItem = await group.getTreeItem();
    assert.match(String(groupItem.description), /^\d+\+? versions?/);
  });

  it("reads a version's metrics from its S3 statistics object when it is expanded", async () => {
    const p = await provider();
    const group = await abaloneGroup(p);
    const versions = (await group.getChildren!()).filter((n) => n.resource?.kind === 'model-package');
    const approved = [];
    for (const v of versions)
      if ((await v.getTreeItem()).contextValue === 'resource:modelPackage:Approved') approved.push(v);
    assert.ok(approved.length > 0, 'an approved version is seeded');
    const version = approved[0];
    await clearRequests();
    const children = await version.getChildren!();
    await version.getChildren!();
    assert.deepStrictEqual(
      await calls(),
      ['sagemaker.DescribeModelPackage', 's3.GetObject'],
      'described and read once',
    );
    const facts = await Promise.all(children.map((c) => c.getTreeItem()));
    const metric = (name: string) => facts.find((f) => label(f) === name);
    assert.ok(metric('rmse') ?? metric('mse'), `regression metrics shown: ${facts.map(label).join(', ')}`);
    for (const f of facts.filter((x) => x.contextValue === 'fact' && /mse|rmse|r2|mae/.test(label(x)))) {
      assert.match(String(f.description), /^-?\d+(\.\d+)?(e-?\d+)?( ± \S+)?$/);
    }
    const after = await version.getTreeItem();
    assert.match(String(after.description), /· (mse|rmse|r2|mae) -?\d/, 'headline metrics join the description');
  });

  it('filters groups by name on the server', async () => {
    const p = await provider();
    await p.setFilter({ ...DEFAULT_FILTER, nameContains: 'Abalone' });
    const nodes = (await p.getChildren()).filter((n) => n.resource?.kind === 'model-package-group');
    const input = (await recordedRequests()).filter((r) => r.operation === 'ListModelPackageGroups').at(-1)?.input as {
      NameContains?: string;
    };
    assert.strictEqual(input.NameContains, 'Abalone');
    assert.ok(nodes.some((n) => n.resource?.name === GROUP));
    await p.setFilter({ ...DEFAULT_FILTER, nameContains: 'no-such-group-xyz' });
    const empty = await p.getChildren();
    assert.deepStrictEqual(await Promise.all(empty.map(async (n) => label(await n.getTreeItem()))), [
      'No model package groups match the filter',
    ]);
  });

  it('opens the details documents of a group and a version as JSON', async () => {
    const api = await host();
    const group = await abaloneGroup(await provider());
    const groupDoc = JSON.parse((await api.details.open(group.resource!)).document.getText()) as {
      ModelPackageGroupName?: string;
    };
    assert.strictEqual(groupDoc.ModelPackageGroupName, GROUP);
    const [version] = (await group.getChildren!()).filter((n) => n.resource?.kind === 'model-package');
    const versionDoc = JSON.parse((await api.details.open(version.resource!)).document.getText()) as {
      ModelPackageGroupName?: string;
      ModelPackageArn?: string;
    };
    assert.strictEqual(versionDoc.ModelPackageGroupName, GROUP);
    assert.strictEqual(versionDoc.ModelPackageArn, version.resource!.arn);
  });
});
