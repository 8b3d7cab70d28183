// What one refresh of the Running Now view costs at account scale (the large scenario: 300 endpoints, 500 notebook
// instances, 50 running training jobs among 10,000, 64 running Studio space apps): every page of the running resources
// listed (Studio space apps with ListApps for every domain at once, no describe per space; running training jobs with
// one Search page, never the history's ListTrainingJobs pages or a describe per job), one DescribeEndpoint per
// InService endpoint (its variants' current counts), endpoint configurations and prices from the session's caches,
// and one GetMetricData for the idle check of every endpoint shown. The first refresh fills the caches; the second
// is what a user pays for each refresh after.
import * as assert from 'assert';
import { runningNow } from '../../src/commands/cost/activateCost';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { run } from '../integration/support/testWindow';
import { recordFigures, round } from './figures';

describe('Running Now benchmark (large scenario)', function () {
  this.timeout(300_000);

  it('refreshes the bill of 300 endpoints with list pages, a describe per endpoint and one GetMetricData', async () => {
    await run('refreshRunningNow');
    await clearRequests();
    const started = performance.now();
    const refreshed = await run<{ outcome: string }>('refreshRunningNow');
    const ms = performance.now() - started;
    assert.strictEqual(refreshed.outcome, 'done');
    const calls = (await recordedRequests()).map((r) => r.operation);
    const count = (op: string) => calls.filter((c) => c === op).length;
    const { bill } = runningNow().provider.last!;
    const endpoints = new Set(
      bill.rows.filter((r) => r.resource.kind === 'endpoint-variant').map((r) => r.resource.name),
    ).size;
    const instances = bill.rows.filter((r) => r.resource.kind === 'notebook-instance').length;
    const spaceApps = bill.rows.filter((r) => r.resource.kind === 'studio-space-app').length;
    const idle = new Set(bill.rows.filter((r) => r.idle).map((r) => r.resource.name)).size;
    const running = bill.rows.filter((r) => r.resource.kind === 'training-job').length;
    const searchPages = Math.max(1, Math.ceil(running / 100));
    const lists = calls.filter((c) => c.startsWith('List')).length;
    // Every page of InService instances and endpoints, of the apps (running or not: ListApps has no status filter),
    // one page each of processing, transform and Autopilot jobs.
    const appPages = Math.max(1, Math.ceil(spaceApps / 100));
    const listBudget = Math.ceil(instances / 100) + Math.ceil(endpoints / 100) + appPages + 3;
    const jobDescribes = count('DescribeProcessingJob') + count('DescribeTransformJob');
    recordFigures(
      { name: `Running Now: time for a refresh (${endpoints} endpoints, ${instances} instances)`, value: round(ms), unit: 'ms' },
      { name: 'Running Now: list calls for a refresh (every page of each running kind)', value: lists, unit: 'calls', budget: listBudget },
      { name: `Running Now: Search calls for the running training jobs (${running} of 10,000 jobs)`, value: count('Search'), unit: 'calls', budget: searchPages },
      { name: 'Running Now: ListTrainingJobs and DescribeTrainingJob on a refresh', value: count('ListTrainingJobs') + count('DescribeTrainingJob'), unit: 'calls', budget: 0 },
      { name: `Running Now: ListApps on a refresh (${spaceApps} Studio space apps running, every domain at once)`, value: count('ListApps'), unit: 'calls', budget: appPages },
      { name: 'Running Now: DescribeSpace and DescribeApp on a refresh', value: count('DescribeSpace') + count('DescribeApp'), unit: 'calls', budget: 0 },
      { name: `Running Now: DescribeEndpoint on a refresh (${endpoints} endpoints, their variants' counts)`, value: count('DescribeEndpoint'), unit: 'calls', budget: endpoints },
      { name: 'Running Now: DescribeEndpointConfig on a refresh after the first', value: count('DescribeEndpointConfig'), unit: 'calls', budget: 0 },
      { name: 'Running Now: Price List calls on a refresh after the first', value: count('GetProducts'), unit: 'calls', budget: 0 },
      { name: `Running Now: GetMetricData on a refresh (${idle} endpoints idle)`, value: count('GetMetricData'), unit: 'calls', budget: 1 },
      { name: 'Running Now: processing and transform job describes on a refresh (one per running job)', value: jobDescribes, unit: 'calls' },
    );
    assert.ok(endpoints >= 300, `the large scenario's endpoints are billed: ${endpoints}`);
    assert.ok(spaceApps >= 60, `the large scenario's running space apps are billed: ${spaceApps}`);
    assert.strictEqual(count('ListApps'), appPages, 'ListApps pages for every domain at once');
    assert.strictEqual(count('DescribeSpace') + count('DescribeApp'), 0, 'no describe per space or app');
    assert.strictEqual(count('GetMetricData'), 1, 'one GetMetricData for every endpoint shown');
    assert.strictEqual(count('DescribeEndpointConfig'), 0, 'configurations come from the session cache');
    assert.strictEqual(count('GetProducts'), 0, 'prices come from the day-long cache');
    assert.strictEqual(count('DescribeEndpoint'), endpoints, 'one describe per InService endpoint');
    assert.ok(running >= 49, `the running sweep is billed: ${running} training jobs`);
    assert.strictEqual(count('Search'), searchPages, 'running training jobs: one Search page per 100');
    assert.strictEqual(count('ListTrainingJobs') + count('DescribeTrainingJob'), 0, 'no training history paged, no describe per job');
    assert.ok(lists <= listBudget, `list calls: ${lists} (budget ${listBudget}): ${calls.filter((c) => c.startsWith('List')).join(', ')}`);
  });
});
