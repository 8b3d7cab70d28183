// The Autopilot view in the real extension host against the emulator's seeded abalone experiment: jobs from
// one list call, the problem type once a job is expanded, and candidates best first.
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
import { until, workbench } from '../support/workbench';

type Provider = ResourceListProvider<AutoMLJobSummary>;

async function provider(): Promise<Provider> {
  return (await workbench()).views.providers.autopilot as unknown as Provider;
}

function label(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : i.label?.label ?? '';
}

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
    assert.deepStrictEqual(requests.map((r) => r.operation), ['ListAutoMLJobs'], 'one list call, no describe per row');
    assert.strictEqual((requests[0].input as { MaxResults?: number }).MaxResults, 50);
    for (const node of nodes) {
      const i = await node.getTreeItem();
      assert.match(i.contextValue ?? '', /^resource:autoMlJob:(InProgress|Completed|Failed|Stopping|Stopped)$/);
      assert.match(String(i.description), /^(InProgress|Completed|Failed|Stopping|Stopped)( · \w+)?$/, label(i));
      assert.ok(i.iconPath instanceof vscode.ThemeIcon);
      assert.ok(label(i).length > 0);
    }
    const abalone = await Promise.all(nodes.map((n) => n.getTreeItem()));
    assert.ok(abalone.some((i) => /abalone/i.test(label(i))), 'the abalone experiment is there');
  });

  it('shows the problem type and the best candidate first once a job is expanded, the rest best first', async () => {
    const p = await provider();
    const job = await completedJob(p);
    await clearRequests();
    const children = await job.getChildren!();
    const requests = await sageMakerRequests();
    assert.deepStrictEqual(requests.map((r) => r.operation), ['DescribeAutoMLJobV2', 'ListCandidatesForAutoMLJob']);
    const describeOut = await job.resource!.describe!() as { AutoMLJobObjective?: { MetricName?: string } };
    const list = requests[1].input as { SortBy?: string; SortOrder?: string; MaxResults?: number; AutoMLJobName?: string };
    assert.strictEqual(list.AutoMLJobName, job.resource!.name);
    assert.strictEqual(list.SortBy, 'FinalObjectiveMetricValue');
    assert.strictEqual(list.MaxResults, 50);
    const type = objectiveType(describeOut.AutoMLJobObjective?.MetricName);
    assert.strictEqual(list.SortOrder, type === 'Minimize' ? 'Ascending' : 'Descending');

    const jobItem = await until('the problem type in the description', async () => {
      const i = await job.getTreeItem();
      return /(Regression|BinaryClassification|MulticlassClassification|Tabular)/.test(String(i.description)) ? i : undefined;
    });
    assert.match(String(jobItem.description), /^Completed · /);

    const best = await children[0].getTreeItem();
    assert.strictEqual((best.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.match(String(best.description), /^best · \S+ -?\d/);
    assert.match(best.contextValue ?? '', /^resource:autoMlCandidate:\w+$/);

    const candidates = children.slice(1).filter((n) => n.resource?.kind === 'automl-candidate') as CandidateNode[];
    assert.ok(candidates.length > 0, 'candidates listed after the best one');
    assert.ok(!candidates.some((c) => c.resource.name === (children[0] as CandidateNode).resource.name), 'best not listed twice');
    const values = candidates.map((c) => c.candidate.FinalAutoMLJobObjectiveMetric?.Value).filter((v): v is number => v !== undefined);
    for (let i = 1; i < values.length; i++) {
      assert.ok(type === 'Minimize' ? values[i - 1] <= values[i] : values[i - 1] >= values[i], `best first: ${values.join(', ')}`);
    }
    const bestValue = (children[0] as CandidateNode).candidate.FinalAutoMLJobObjectiveMetric?.Value;
    if (bestValue !== undefined && values.length) {
      assert.ok(type === 'Minimize' ? bestValue <= values[0] : bestValue >= values[0], 'the best is at least as good as the rest');
    }
  });

  it('pages candidates with Load more, one call per page', async () => {
    const p = await provider();
    const job = await completedJob(p);
    const children = await job.getChildren!();
    const more = children.find((n): n is LoadMoreNode => n instanceof LoadMoreNode);
    const shown = children.filter((n) => n.resource?.kind === 'automl-candidate').length;
    if (!more) {
      assert.ok(shown <= 51, `${shown} candidates (best included) fit one page`);
      return;
    }
    await clearRequests();
    await more.run();
    const after = await job.getChildren!();
    assert.ok(after.filter((n) => n.resource?.kind === 'automl-candidate').length > shown);
    const requests = await sageMakerRequests();
    assert.deepStrictEqual(requests.map((r) => r.operation), ['ListCandidatesForAutoMLJob']);
    assert.ok((requests[0].input as { NextToken?: string }).NextToken);
  });

  it('filters jobs by name and status on the server', async () => {
    const p = await provider();
    await p.setFilter({ ...DEFAULT_FILTER, nameContains: 'abalone', status: 'Completed' });
    const nodes = (await p.getChildren()).filter((n) => n.resource?.kind === 'automl-job');
    const input = (await sageMakerRequests()).filter((r) => r.operation === 'ListAutoMLJobs').at(-1)?.input as
      { NameContains?: string; StatusEquals?: string };
    assert.deepStrictEqual([input.NameContains, input.StatusEquals], ['abalone', 'Completed']);
    assert.ok(nodes.length > 0);
    for (const n of nodes) {
      const i = await n.getTreeItem();
      assert.match(label(i), /abalone/i);
      assert.strictEqual(i.contextValue, 'resource:autoMlJob:Completed');
    }
  });

  it('opens the details document of a job as JSON', async () => {
    const api = await workbench();
    const job = await completedJob(await provider());
    const editor = await api.details.open(job.resource!);
    const json = JSON.parse(editor.document.getText()) as { AutoMLJobName?: string };
    assert.strictEqual(json.AutoMLJobName, job.resource!.name);
  });
});
