// The Training Jobs view in the real extension host against the emulator's seeded account: what a user sees
// in the tree and what AWS receives for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { LoadMoreNode } from '../../../src/views/tree/messageNodes';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import { trainingJobsProvider } from '../support/answers/training';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { host } from '../support/workbench';

type Provider = ResourceListProvider<TrainingJobSummary>;

const provider = trainingJobsProvider;

async function item(node: ExplorerNode): Promise<vscode.TreeItem> {
  return node.getTreeItem();
}

function label(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : (i.label?.label ?? '');
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
    assert.deepStrictEqual(
      requests.map((r) => r.operation),
      ['ListTrainingJobs'],
      'one list call, no describe per row',
    );
    assert.strictEqual((requests[0].input as { MaxResults?: number }).MaxResults, 50);
    for (const node of nodes) {
      const i = await item(node);
      assert.match(
        String(i.description),
        /^(InProgress|Completed|Failed|Stopping|Stopped) · \d+[dhms]( \d+[hms])?$/,
        label(i),
      );
      assert.match(i.contextValue ?? '', /^resource:trainingJob:(InProgress|Completed|Failed|Stopping|Stopped)$/);
      assert.ok(i.iconPath instanceof vscode.ThemeIcon, 'a status icon');
      assert.ok(
        // The text as shown: VS Code 1.100 escapes every '-' of appended text ('\\-'), newer ones only a leading one.
        i.tooltip instanceof vscode.MarkdownString && i.tooltip.value.replace(/\\(.)/g, '$1').includes(label(i)),
        'tooltip names the job',
      );
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
    assert.deepStrictEqual(await Promise.all(children.map(async (c) => label(await item(c)))), [
      'Final metrics',
      'Hyperparameters',
      'Input channels',
      'Output artifact',
    ]);
    const after = await item(node);
    // A completed job's secondary status is "Completed" too, so only the image is added after the running time.
    assert.match(String(after.description), /^Completed · \d+[dhms]( \d+[hms])? · \S/, 'image added');
    assert.ok(
      after.tooltip instanceof vscode.MarkdownString && /Secondary status/.test(after.tooltip.value),
      'secondary status in tooltip',
    );
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
    assert.strictEqual(
      (requests.at(-1)?.input as { NameContains?: string }).NameContains,
      'autogluon',
      'filtered server-side',
    );
    for (const node of nodes) assert.match(label(await item(node)).toLowerCase(), /autogluon/);
    const node = nodes[0];
    const status = (await item(node)).contextValue?.split(':')[2];
    await node.getChildren!();
    const i = await item(node);
    assert.strictEqual(i.contextValue, `resource:trainingJob:${status}:autogluon`);
    assert.match(String(i.description), /AutoGluon/);
  });

  it('opens the details document of a job as JSON', async () => {
    const [node] = await jobs(await provider());
    const editor = await (await host()).details.open(node.resource!);
    const json = JSON.parse(editor.document.getText()) as { TrainingJobName?: string };
    assert.strictEqual(json.TrainingJobName, node.resource!.name);
  });

  it('pages with Load more at the pageSize setting, one ListTrainingJobs per click with the last NextToken', async () => {
    const settings = vscode.workspace.getConfiguration('sagemakerWorkbench');
    await settings.update('pageSize', 2, vscode.ConfigurationTarget.Global);
    try {
      const p = await provider();
      p.refresh();
      await clearRequests();
      let nodes = await p.getChildren();
      assert.strictEqual((await jobs(p)).length, 2, 'a first page of two jobs');
      const first = (await recordedRequests()).filter((r) => r.service === 'sagemaker');
      assert.deepStrictEqual(
        first.map((r) => [
          r.operation,
          (r.input as { MaxResults?: number }).MaxResults,
          (r.input as { NextToken?: string }).NextToken,
        ]),
        [['ListTrainingJobs', 2, undefined]],
      );
      const seen = new Set<string>();
      let pages = 1;
      for (
        let more = nodes.find((n) => n instanceof LoadMoreNode);
        more;
        more = nodes.find((n) => n instanceof LoadMoreNode)
      ) {
        const shown = nodes.filter((n) => n.resource?.kind === 'training-job').length;
        const item = await more.getTreeItem();
        assert.strictEqual(item.description, `${shown} shown`);
        await clearRequests();
        // Clicked as the tree does: the TreeItem's command with its arguments.
        assert.strictEqual(item.command?.command, 'sagemakerWorkbench.loadMore');
        await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
        nodes = await p.getChildren();
        pages++;
        const listed = nodes.filter((n) => n.resource?.kind === 'training-job');
        assert.ok(listed.length > shown, `more jobs after Load more (${shown} before, ${listed.length} now)`);
        const requests = (await recordedRequests()).filter((r) => r.service === 'sagemaker');
        assert.deepStrictEqual(
          requests.map((r) => r.operation),
          ['ListTrainingJobs'],
          'one list call per click',
        );
        assert.ok((requests[0].input as { NextToken?: string }).NextToken, 'the next page was asked with its token');
        assert.strictEqual((requests[0].input as { MaxResults?: number }).MaxResults, 2);
        for (const n of listed) seen.add(n.resource!.name);
        assert.strictEqual(seen.size, listed.length, 'no job listed twice');
      }
      assert.ok(pages > 2, `Load more was followed to the end (${pages} pages)`);
      assert.ok(
        seen.has('abalone-autogluon-2021-07-05-18-03-21-457') &&
          seen.has('hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a'),
        'every seeded job reached',
      );
    } finally {
      await settings.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
      (await provider()).refresh();
    }
  });
});
