// The Autopilot view in the real extension host against the emulator's seeded abalone experiment: jobs from
// one list call, the problem type once a job is expanded, candidates best first, Load more followed with a
// small page size, the title bar's filter, clear filter and refresh run as the view's buttons run them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AutoMLJobSummary } from '@aws-sdk/client-sagemaker';
import { objectiveType } from '../../../src/model/autoMlObjective';
import { DEFAULT_FILTER } from '../../../src/model/viewFilter';
import type { CandidateNode } from '../../../src/views/autopilot/candidateNode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { LoadMoreNode } from '../../../src/views/tree/messageNodes';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { items, label } from '../support/tree';
import { host, until } from '../support/workbench';

type Provider = ResourceListProvider<AutoMLJobSummary>;

async function provider(): Promise<Provider> {
  return (await host()).views.providers.autopilot as unknown as Provider;
}

/** Clicks a Load more node as the tree does: runs its TreeItem's command with its arguments. */
async function clickLoadMore(node: ExplorerNode): Promise<void> {
  const command = (await node.getTreeItem()).command;
  assert.strictEqual(command?.command, 'sagemakerWorkbench.loadMore');
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

const jobsOf = (nodes: ExplorerNode[]) => nodes.filter((n) => n.resource?.kind === 'automl-job');
const candidatesOf = (nodes: ExplorerNode[]) => nodes.filter((n) => n.resource?.kind === 'automl-candidate');

async function sageMakerRequests() {
  return (await recordedRequests()).filter((r) => r.service === 'sagemaker');
}

async function completedJob(p: Provider): Promise<ExplorerNode> {
  const nodes = (await p.getChildren()).filter((n) => n.resource?.kind === 'automl-job');
  for (const node of nodes) {
    if ((await node.getTreeItem()).contextValue === 'resource:autoMlJob:Completed') return node;
  }
  throw new Error(`no completed Autopilot job among ${nodes.map((n) => n.resource?.name).join(', ')}`);
}

describe('Autopilot view', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await (await provider()).setFilter(DEFAULT_FILTER);
    await clearRequests();
  });

  it('lists AutoML jobs with one ListAutoMLJobs call, status icon and secondary status', async () => {
    const p = await provider();
    const nodes = (await p.getChildren()).filter((n) => n.resource?.kind === 'automl-job');
    assert.ok(nodes.length > 0, 'the seeded Autopilot jobs are listed');
    const requests = await sageMakerRequests();
    assert.deepStrictEqual(
      requests.map((r) => r.operation),
      ['ListAutoMLJobs'],
      'one list call, no describe per row',
    );
    assert.strictEqual((requests[0].input as { MaxResults?: number }).MaxResults, 50);
    for (const node of nodes) {
      const i = await node.getTreeItem();
      assert.match(i.contextValue ?? '', /^resource:autoMlJob:(InProgress|Completed|Failed|Stopping|Stopped)$/);
      assert.match(String(i.description), /^(InProgress|Completed|Failed|Stopping|Stopped)( · \w+)?$/, label(i));
      assert.ok(i.iconPath instanceof vscode.ThemeIcon);
      assert.ok(label(i).length > 0);
    }
    const abalone = await Promise.all(nodes.map((n) => n.getTreeItem()));
    assert.ok(
      abalone.some((i) => /abalone/i.test(label(i))),
      'the abalone experiment is there',
    );
  });

  it('shows the problem type and the best candidate first once a job is expanded, the rest best first', async () => {
    const p = await provider();
    const job = await completedJob(p);
    await clearRequests();
    const children = await job.getChildren!();
    const requests = await sageMakerRequests();
    assert.deepStrictEqual(
      requests.map((r) => r.operation),
      ['DescribeAutoMLJobV2', 'ListCandidatesForAutoMLJob'],
    );
    const describeOut = (await job.resource!.describe!()) as { AutoMLJobObjective?: { MetricName?: string } };
    const list = requests[1].input as {
      SortBy?: string;
      SortOrder?: string;
      MaxResults?: number;
      AutoMLJobName?: string;
    };
    assert.strictEqual(list.AutoMLJobName, job.resource!.name);
    assert.strictEqual(list.SortBy, 'FinalObjectiveMetricValue');
    assert.strictEqual(list.MaxResults, 50);
    const type = objectiveType(describeOut.AutoMLJobObjective?.MetricName);
    assert.strictEqual(list.SortOrder, type === 'Minimize' ? 'Ascending' : 'Descending');

    const jobItem = await until('the problem type in the description', async () => {
      const i = await job.getTreeItem();
      return /(Regression|BinaryClassification|MulticlassClassification|Tabular)/.test(String(i.description))
        ? i
        : undefined;
    });
    assert.match(String(jobItem.description), /^Completed · /);

    const best = await children[0].getTreeItem();
    assert.strictEqual((best.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.match(String(best.description), /^best · \S+ -?\d/);
    assert.match(best.contextValue ?? '', /^resource:autoMlCandidate:\w+$/);

    const candidates = children.slice(1).filter((n) => n.resource?.kind === 'automl-candidate') as CandidateNode[];
    assert.ok(candidates.length > 0, 'candidates listed after the best one');
    assert.ok(
      !candidates.some((c) => c.resource.name === (children[0] as CandidateNode).resource.name),
      'best not listed twice',
    );
    const values = candidates
      .map((c) => c.candidate.FinalAutoMLJobObjectiveMetric?.Value)
      .filter((v): v is number => v !== undefined);
    for (let i = 1; i < values.length; i++) {
      assert.ok(
        type === 'Minimize' ? values[i - 1] <= values[i] : values[i - 1] >= values[i],
        `best first: ${values.join(', ')}`,
      );
    }
    const bestValue = (children[0] as CandidateNode).candidate.FinalAutoMLJobObjectiveMetric?.Value;
    if (bestValue !== undefined && values.length) {
      assert.ok(
        type === 'Minimize' ? bestValue <= values[0] : bestValue >= values[0],
        'the best is at least as good as the rest',
      );
    }
  });

  it('pages jobs and candidates with Load more, one call per page, at the pageSize setting', async () => {
    const settings = vscode.workspace.getConfiguration('sagemakerWorkbench');
    await settings.update('pageSize', 2, vscode.ConfigurationTarget.Global);
    try {
      const p = await provider();
      await run('autopilot.refresh');
      await clearRequests();
      let nodes = await p.getChildren();
      assert.strictEqual(jobsOf(nodes).length, 2, 'one page of two jobs');
      const first = (await sageMakerRequests()).filter((r) => r.operation === 'ListAutoMLJobs');
      assert.deepStrictEqual(
        first.map((r) => [
          (r.input as { MaxResults?: number }).MaxResults,
          (r.input as { NextToken?: string }).NextToken,
        ]),
        [[2, undefined]],
      );

      // Follow Load more until the seeded abalone-v0 job (250 candidates) is listed.
      let pages = 1;
      while (!jobsOf(nodes).some((n) => n.resource!.name === 'abalone-v0')) {
        const more = nodes.find((n) => n instanceof LoadMoreNode);
        assert.ok(
          more,
          `a Load more node after ${jobsOf(nodes).length} jobs: ${(await items(nodes)).map(label).join(', ')}`,
        );
        const shown = jobsOf(nodes).length;
        await clearRequests();
        await clickLoadMore(more);
        nodes = await p.getChildren();
        pages++;
        assert.ok(jobsOf(nodes).length > shown, `more jobs after Load more (${shown} before)`);
        const calls = await sageMakerRequests();
        assert.deepStrictEqual(
          calls.map((r) => r.operation),
          ['ListAutoMLJobs'],
          'one list call per page',
        );
        assert.ok(
          (calls[0].input as { NextToken?: string }).NextToken,
          'the next page asked with the NextToken of the last',
        );
        assert.strictEqual((calls[0].input as { MaxResults?: number }).MaxResults, 2);
      }
      assert.ok(pages > 1, 'Load more was followed');

      const job = jobsOf(nodes).find((n) => n.resource!.name === 'abalone-v0')!;
      let children = await job.getChildren!();
      const before = candidatesOf(children).length;
      assert.ok(before === 2 || before === 3, `the best candidate and a page of two (${before})`);
      const more = children.find((n) => n instanceof LoadMoreNode);
      assert.ok(more, 'Load more under a job with 250 candidates');
      assert.strictEqual((await more.getTreeItem()).description, '2 shown');
      await clearRequests();
      await clickLoadMore(more);
      children = await job.getChildren!();
      assert.strictEqual(candidatesOf(children).length, before + 2, 'a second page of two candidates');
      const requests = await sageMakerRequests();
      assert.deepStrictEqual(
        requests.map((r) => r.operation),
        ['ListCandidatesForAutoMLJob'],
      );
      const input = requests[0].input as { NextToken?: string; MaxResults?: number; AutoMLJobName?: string };
      assert.ok(input.NextToken, "the second page asked with the first page's NextToken");
      assert.deepStrictEqual([input.AutoMLJobName, input.MaxResults], ['abalone-v0', 2]);
      const names = candidatesOf(children).map((n) => n.resource!.name);
      assert.strictEqual(new Set(names).size, names.length, 'no candidate listed twice');
    } finally {
      await settings.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
      await run('autopilot.refresh');
    }
  });

  it('filters jobs by name and status on the server from the title bar, clears the filter, refreshes', async () => {
    const p = await provider();
    await withWindow(async (ui) => {
      ui.onInputBox(/^Filter Autopilot jobs \(1\/3\)/, 'abalone');
      ui.onQuickPick(/^Filter Autopilot jobs \(2\/3\)/, (q) => q.pick('Completed'));
      ui.onQuickPick(/^Filter Autopilot jobs \(3\/3\)/, (q) => q.pick('Newest first'));
      await run('autopilot.filter');
    });
    const nodes = jobsOf(await p.getChildren());
    const input = (await sageMakerRequests()).filter((r) => r.operation === 'ListAutoMLJobs').at(-1)?.input as {
      NameContains?: string;
      StatusEquals?: string;
    };
    assert.deepStrictEqual([input.NameContains, input.StatusEquals], ['abalone', 'Completed']);
    assert.ok(nodes.length > 0);
    for (const n of nodes) {
      const i = await n.getTreeItem();
      assert.match(label(i), /abalone/i);
      assert.strictEqual(i.contextValue, 'resource:autoMlJob:Completed');
    }

    await clearRequests();
    await run('autopilot.clearFilter');
    const all = jobsOf(await p.getChildren());
    const cleared = (await sageMakerRequests())
      .filter((r) => r.operation === 'ListAutoMLJobs')
      .map((r) => r.input as { NameContains?: string; StatusEquals?: string });
    assert.deepStrictEqual(
      cleared.map((i) => [i.NameContains, i.StatusEquals]),
      [[undefined, undefined]],
      'listed again without the filter',
    );
    assert.ok(all.length > nodes.length, 'jobs of every status are back');

    await clearRequests();
    await run('autopilot.refresh');
    const again = jobsOf(await p.getChildren());
    assert.deepStrictEqual(
      (await sageMakerRequests()).map((r) => r.operation),
      ['ListAutoMLJobs'],
      'Refresh lists the jobs again',
    );
    assert.deepStrictEqual(
      await Promise.all(again.map(async (n) => label(await n.getTreeItem()))),
      await Promise.all(all.map(async (n) => label(await n.getTreeItem()))),
    );
  });

  it('opens the details document of a job as JSON', async () => {
    const job = await completedJob(await provider());
    const editor = await run<vscode.TextEditor>('showDetails', job);
    const json = JSON.parse(editor.document.getText()) as { AutoMLJobName?: string };
    assert.strictEqual(json.AutoMLJobName, job.resource!.name);
  });
});
