// Measures every sidebar view as the user meets it, in the real extension host against the emulator's
// large scenario (10,000 training jobs, 2,000 candidates, 1,000 versions, 500 notebooks, 300 endpoints):
// time to the first page, AWS calls for a refresh, and calls to expand the first resource. Numbers go to
// SMW_BENCH_RESULTS for `npm run bench` to print; the assertions only guard the call budget.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DEFAULT_FILTER } from '../../src/model/viewFilter';
import type { ExplorerNode } from '../../src/views/tree/explorerNode';
import type { ResourceListProvider } from '../../src/views/tree/resourceListProvider';
import type { ViewKey } from '../../src/views/viewIds';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { host, until } from '../integration/support/workbench';
import { recordFigures } from './figures';
import { AUTO_STATE_READS } from '../../src/views/pipelines/codePipelineNode';

const RUNS = Number(process.env.SMW_BENCH_RUNS ?? 5);
const VIEWS: ViewKey[] = ['notebookInstances', 'autopilot', 'trainingJobs', 'modelRegistry', 'endpoints', 'pipelines'];

interface ViewBench {
  view: ViewKey;
  rows: number;
  firstPageMedianMs: number;
  firstPageMaxMs: number;
  callsPerRefresh: string[];
  callsToExpandFirst: string[];
}

const results: ViewBench[] = [];

async function calls(): Promise<string[]> {
  return (await recordedRequests()).map((r) => `${r.service}.${r.operation}`);
}

/** Pipelines read each shown pipeline's state after rendering: part of what a refresh costs. */
async function settleRendering(nodes: ExplorerNode[]): Promise<void> {
  await Promise.all(nodes.map((n) => n.getTreeItem()));
  await until('pipeline states', async () => {
    const items = await Promise.all(nodes.map((n) => n.getTreeItem()));
    return items.every((i) => i.description !== 'reading state…') || undefined;
  }, 30_000);
}

describe('view benchmarks (large scenario)', function () {
  this.timeout(300_000);

  // A refresh's own calls, with the sidebar hidden: a visible view also polls and reads pipeline states in the
  // background (polling.test.ts and pipelinesAtScale.test.ts measure those).
  before(() => vscode.commands.executeCommand('workbench.view.explorer'));

  after(() => {
    // After every view's first page was listed and its first resource expanded.
    const memory = process.memoryUsage();
    recordFigures(
      { name: 'extension host: resident memory after every view of the large scenario', value: memory.rss, unit: 'bytes' },
      { name: 'extension host: JS heap used after every view of the large scenario', value: memory.heapUsed, unit: 'bytes' },
      ...results.flatMap((r) => [
        { name: `${r.view}: time to the first page`, value: r.firstPageMedianMs, unit: 'ms' },
        { name: `${r.view}: list calls for the first page`, value: r.callsPerRefresh.filter((c) => /\.List/.test(c)).length, unit: 'calls', budget: 1 },
        // Pipelines read the state of the first AUTO_STATE_READS listed (CodePipeline has no batch read); every other view none.
        { name: `${r.view}: per-row calls on a refresh (${r.rows} rows)`, value: r.callsPerRefresh.filter((c) => !/\.List/.test(c)).length, unit: 'calls', budget: r.view === 'pipelines' ? AUTO_STATE_READS : 0 },
      ]),
    );
    const file = process.env.SMW_BENCH_RESULTS;
    if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
  });

  for (const view of VIEWS) {
    it(`${view}: first page, refresh and expand`, async () => {
      const provider = (await host()).views.providers[view] as unknown as ResourceListProvider<unknown>;
      await provider.setFilter(DEFAULT_FILTER);
      const times: number[] = [];
      let nodes: ExplorerNode[] = [];
      let refreshCalls: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        provider.refresh();
        await clearRequests();
        const started = performance.now();
        nodes = await provider.getChildren();
        times.push(performance.now() - started);
        await settleRendering(nodes);
        refreshCalls = await calls();
      }
      const resources = nodes.filter((n) => n.resource);
      assert.ok(resources.length > 0, `${view} lists resources`);
      await clearRequests();
      await resources[0].getChildren?.();
      const expandCalls = await calls();
      times.sort((a, b) => a - b);
      results.push({
        view,
        rows: resources.length,
        firstPageMedianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
        firstPageMaxMs: Math.round(times[times.length - 1] * 10) / 10,
        callsPerRefresh: refreshCalls,
        callsToExpandFirst: expandCalls,
      });
      const lists = refreshCalls.filter((c) => /\.List/.test(c));
      assert.strictEqual(lists.length, 1, `${view}: the first page is one list call (${refreshCalls.join(', ')})`);
    });
  }
});
