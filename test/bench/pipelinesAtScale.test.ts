// What finding every waiting release costs in an account of 200 CodePipeline pipelines (the large scenario):
// with the Pipelines view visible from a fresh start, the time and AWS calls until every waiting approval is
// on the badge and its row shows the bell (the abalone release, the oldest by `updated`, so read last), and
// the calls a minute the background reads settle to once nothing changes (the same schedule on a fake clock
// over hours, which a benchmark cannot wait for in real time).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PIPELINE_SCHEDULE, PipelineStateSchedule } from '../../src/model/pipelineStateSchedule';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { host, until } from '../integration/support/workbench';
import { recordFigures } from './figures';

const MINUTE = 60_000;
const PIPELINES = 200;
const WAITING = 1;
// Another Region is another account to the extension: its background reads start from nothing.
const REGION = 'eu-west-1';

/**
 * Calls per minute of a schedule over `count` pipelines whose states never change, from hour 6 on, over three
 * rest intervals (each pipeline is read once per rest interval then).
 */
function callsPerMinuteAtRest(count: number): number {
  const schedule = new PipelineStateSchedule(PIPELINE_SCHEDULE, 0);
  const listing = Array.from({ length: count }, (_, i) => ({ name: `p${i}`, updated: new Date(-i) }));
  schedule.listed(listing, undefined, true, 0);
  const state = { stageStates: [{ stageName: 'Source', latestExecution: { pipelineExecutionId: 'e', status: 'Succeeded' } }] };
  const from = 6 * 60 * MINUTE;
  const to = from + 3 * schedule.restIntervalMs;
  let calls = 0;
  for (let now = 0; now < to; ) {
    const step = schedule.next(now, true);
    if (step.kind === 'idle') break;
    if (step.kind === 'wait') {
      now += step.ms;
      continue;
    }
    if (now >= from) calls++;
    if (step.kind === 'list') schedule.listed(listing, undefined, true, now);
    else schedule.answered(step.name, state, now);
  }
  return Math.round((calls / ((to - from) / MINUTE)) * 10) / 10;
}

describe('pipelines at scale benchmark (200 CodePipeline pipelines)', function () {
  this.timeout(5 * MINUTE);

  it('finds every waiting approval with the view visible, then settles to a few calls a minute', async () => {
    const wb = await host();
    const config = vscode.workspace.getConfiguration('sagemakerWorkbench');
    const view = wb.views.treeViews.pipelines!;
    await vscode.commands.executeCommand('workbench.view.explorer');
    await config.update('region', REGION, vscode.ConfigurationTarget.Global);
    try {
      await until('the other Region', () => wb.session.current.region === REGION);
      // The switch drops what was read and counted in the Region before, so the badge below is this Region's.
      await until(
        'the Region before forgotten',
        () => (wb.views.pipelineSweep.known === 0 && view.badge === undefined) || undefined,
      );
      await clearRequests();
      const started = performance.now();
      await vscode.commands.executeCommand('sagemakerWorkbench.pipelines.focus');
      await until(
        'every waiting approval shown',
        async () =>
          view.badge?.value === WAITING &&
          String((await wb.views.pipelineWatch.find('abalone-cicd-pipeline')?.getTreeItem())?.description).startsWith(
            'Waiting for approval',
          )
            ? true
            : undefined,
        4 * MINUTE,
      );
      const elapsed = performance.now() - started;
      const calls = (await recordedRequests()).filter((r) => r.service === 'codepipeline');
      assert.strictEqual(wb.views.pipelineSweep.known, PIPELINES);
      const atRest = callsPerMinuteAtRest(PIPELINES);
      const atRestLarge = callsPerMinuteAtRest(1000);
      recordFigures(
        // The rate sets the time: a burst of 10, then 5 reads a second, 200 pipelines in about 40 s.
        {
          name: `pipelines at scale: time until every waiting approval among ${PIPELINES} pipelines is shown`,
          value: Math.round(elapsed),
          unit: 'ms',
          budget: 60_000,
        },
        {
          name: `pipelines at scale: AWS calls until every waiting approval among ${PIPELINES} pipelines is shown`,
          value: calls.length,
          unit: 'calls',
          // One state read per pipeline and two list calls (the view's page, then the rest of the account).
          budget: PIPELINES + 2,
        },
        {
          name: `pipelines at scale: calls per minute at rest, ${PIPELINES} pipelines (schedule on a fake clock, from hour 6)`,
          value: atRest,
          unit: 'calls',
          // 10 state reads a minute and a relist every 10 minutes.
          budget: 10.5,
        },
        {
          name: 'pipelines at scale: calls per minute at rest, 1,000 pipelines (schedule on a fake clock, from hour 6)',
          value: atRestLarge,
          unit: 'calls',
          budget: 10.5,
        },
      );
      assert.ok(calls.length <= PIPELINES + 2, `${calls.length} calls`);
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await config.update('region', undefined, vscode.ConfigurationTarget.Global);
      // The benchmarks after this one list in the scenario's Region: the session is back in it before they start
      // (else a list they begin is reset by the session's change under it).
      await until('the Region restored', () => (wb.session.current.region !== REGION ? true : undefined));
    }
  });
});
