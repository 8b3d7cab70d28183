// The Training Jobs view in the real extension host against the emulator's seeded account: what a user sees
// in the tree and what AWS receives for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { LoadMoreNode } from '../../../src/views/tree/messageNodes';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { workbench } from '../support/workbench';

type Provider = ResourceListProvider<TrainingJobSummary>;

async function provider(): Promise<Provider> {
  const api = await workbench();
  return api.views.providers.trainingJobs as unknown as Provider;
}

async function item(node: ExplorerNode): Promise<vscode.TreeItem> {
  return node.getTreeItem();
}

function label(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : i.label?.label ?? '';
}

async function sageMakerCalls(): Promise<string[]> {
  return (await recordedRequests()).filter((r) => r.service === 'sagemaker').map((r) => r.operation);
}

async function jobs(p: Provider): Promise<ExplorerNode[]> {
  return (await p.getChildren()).filter((n) => n.resource?.kind === 'training-job');
}

describe('Training Jobs view', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    const p = await provider();
    await p.setFilter(DEFAULT_FILTER);
    await clearRequests();
  });

  it('lists the first page with one ListTrainingJobs call and shows status and running time', async () => {
    const p = await provider();
    const nodes = await jobs(p);
    assert.ok(nodes.length > 0, 'the seeded training jobs are listed');
    const requests = (await recordedRequests()).filter((r) => r.service === 'sagemaker');
    assert.deepStrictEqual(requests.map((r) => r.operation), ['ListTrainingJobs'], 'one list call, no describe per row');
    assert.strictEqual((requests[0].input as { MaxResults?: number }).MaxResults, 50);
    for (const node of nodes) {
      const i = await item(node);
      assert.match(String(i.description), /^(InProgress|Completed|Failed|Stopping|Stopped) · \d+[dhms]( \d+[hms])?$/, label(i));
      assert.match(i.contextValue ?? '', /^resource:trainingJob:(InProgress|Completed|Failed|Stopping|Stopped)$/);
      assert.ok(i.iconPath instanceof vscode.ThemeIcon, 'a status icon');
      assert.ok(i.tooltip instanceof vscode.MarkdownString && i.tooltip.value.includes(label(i)), 'tooltip names the job');
      assert.strictEqual(i.id, `trainingJob:${node.resource?.region}:${label(i)}`);
    }
    const completed = await Promise.all(nodes.map(item));
    const done = completed.find((i) => i.contextValue === 'resource:trainingJob:Completed');
    if (done) assert.strictEqual((done.iconPath as vscode.ThemeIcon).id, 'pass-filled');
  });

  it('describes a job once on expand, then shows secondary status, image and its facts', async () => {
    const p = await provider();
    const nodes = await jobs(p);
    const items = await Promise.all(nodes.map(item));
    const index = items.findIndex((i) => i.contextValue === 'resource:trainingJob:Completed');
    assert.ok(index >= 0, 'a completed job is seeded');
    const node = nodes[index];
    await clearRequests();
    const children = await node.getChildren!();
    await node.getChildren!();
    assert.deepStrictEqual(await sageMakerCalls(), ['DescribeTrainingJob'], 'described once');
    assert.deepStrictEqual(await Promise.all(children.map(async (c) => label(await item(c)))),
      ['Final metrics', 'Hyperparameters', 'Input channels', 'Output artifact']);
    const after = await item(node);
    // A completed job's secondary status is "Completed" too, so only the image is added after the running time.
    assert.match(String(after.description), /^Completed · \d+[dhms]( \d+[hms])? · \S/, 'image added');
    assert.ok(after.tooltip instanceof vscode.MarkdownString && /Secondary status/.test(after.tooltip.value), 'secondary status in tooltip');
    const artifact = await item(children[3]);
    assert.match(String(artifact.description), /^s3:\/\/.+model\.tar\.gz$/);
    const channels = await children[2].getChildren!();
    assert.ok(channels.length > 0, 'input channels listed');
    for (const c of channels) assert.match(String((await item(c)).description), /^s3:\/\//);
    // A bring-your-own-container job without metric definitions has no final metrics ("none").
    const metrics = await Promise.all((await children[0].getChildren!()).map(item));
    const facts = metrics.filter((m) => m.contextValue === 'fact');
    if (facts.length === 0) assert.deepStrictEqual(metrics.map(label), ['none']);
    for (const m of facts) assert.match(String(m.description), /^-?\d/);
  });

  it('marks the AutoGluon job for AutoGluon commands once described', async () => {
    const p = await provider();
    await p.setFilter({ ...DEFAULT_FILTER, nameContains: 'autogluon' });
    const nodes = await jobs(p);
    assert.ok(nodes.length > 0, 'the seeded AutoGluon job matches "autogluon"');
    const requests = (await recordedRequests()).filter((r) => r.operation === 'ListTrainingJobs');
    assert.strictEqual((requests.at(-1)?.input as { NameContains?: string }).NameContains, 'autogluon', 'filtered server-side');
    for (const node of nodes) assert.match(label(await item(node)).toLowerCase(), /autogluon/);
    const node = nodes[0];
    const status = (await item(node)).contextValue?.split(':')[2];
    await node.getChildren!();
    const i = await item(node);
    assert.strictEqual(i.contextValue, `resource:trainingJob:${status}:autogluon`);
    assert.match(String(i.description), /AutoGluon/);
  });

  it('opens the details document of a job as JSON', async () => {
    const api = await workbench();
    const [node] = await jobs(await provider());
    const editor = await api.details.open(node.resource!);
    const json = JSON.parse(editor.document.getText()) as { TrainingJobName?: string };
    assert.strictEqual(json.TrainingJobName, node.resource!.name);
  });

  it('offers Load more exactly when there are more jobs than one page, and loads one page per click', async () => {
    const p = await provider();
    const first = await p.getChildren();
    const more = first.find((n): n is LoadMoreNode => n instanceof LoadMoreNode);
    const shown = first.filter((n) => n.resource?.kind === 'training-job').length;
    if (!more) {
      // Everything fit: the account has fewer jobs than a page holds (the large scenario pages).
      assert.ok(shown < 50, `${shown} jobs and no Load more`);
      return;
    }
    assert.strictEqual(shown, 50, 'a full first page');
    await clearRequests();
    await more.run();
    const second = await jobs(p);
    assert.ok(second.length > shown, 'more jobs listed');
    const requests = (await recordedRequests()).filter((r) => r.service === 'sagemaker');
    assert.deepStrictEqual(requests.map((r) => r.operation), ['ListTrainingJobs']);
    assert.ok((requests[0].input as { NextToken?: string }).NextToken, 'the next page was asked with its token');
  });
});
