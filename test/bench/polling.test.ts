// Status polling as it costs a user with fifty training jobs running (the large scenario's sweep-running-*,
// training for days): AWS calls in a minute with the SageMaker views hidden (none), and with the Training
// Jobs view showing all fifty (one list call per shown page per poll, never a describe per job), at the
// default auto-refresh interval.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ResourceListProvider } from '../../src/views/tree/resourceListProvider';
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import { clearRequests, recordedRequests } from '../integration/support/emulatorControl';
import { host, until } from '../integration/support/workbench';
import { during, recordFigures } from './figures';

const MINUTE = 60_000;

describe('polling benchmark (large scenario)', function () {
  this.timeout(5 * MINUTE);

  it('polls nothing while hidden, and the same list call whatever the number of running jobs when shown', async () => {
    const api = await host();
    const provider = api.views.providers.trainingJobs as unknown as ResourceListProvider<TrainingJobSummary>;
    await vscode.commands.executeCommand('sagemakerWorkbench.trainingJobs.focus');
    provider.refresh();
    const nodes = await provider.getChildren();
    const items = await Promise.all(nodes.map((n) => n.getTreeItem()));
    const running = items.filter((i) => i.contextValue?.startsWith('resource:trainingJob:InProgress')).length;

    // Every view has listed its first page and rendered its rows (pipelines have read their first states),
    // so what follows is polling alone, not the first reads of panes VS Code rendered a moment ago.
    for (const other of Object.values(api.views.providers)) {
      const rows = await (other as unknown as ResourceListProvider<unknown>).getChildren();
      await until('rows rendered', async () => ((await Promise.all(rows.map((n) => n.getTreeItem()))).every((i) => i.description !== 'reading state…') ? true : undefined), 30_000);
    }
    await vscode.commands.executeCommand('workbench.view.explorer');
    // A first read still under way when the sidebar closed (Running Now's bill of 300 endpoints) finishes before
    // the minute is counted: what is counted is polling, not the tail of a read that began while it was shown.
    let seen = -1;
    await until(
      'the first reads are over',
      async () => {
        const count = (await recordedRequests()).length;
        const quiet = count === seen;
        seen = count;
        if (!quiet) await during(3_000);
        return quiet ? true : undefined;
      },
      120_000,
    );
    await clearRequests();
    await during(MINUTE);
    const hidden = await recordedRequests();

    await vscode.commands.executeCommand('sagemakerWorkbench.trainingJobs.focus');
    await clearRequests();
    await during(MINUTE);
    const shown = (await recordedRequests()).filter((r) => r.operation.includes('TrainingJob'));
    const lists = shown.filter((r) => r.operation === 'ListTrainingJobs').length;
    const describes = shown.filter((r) => r.operation === 'DescribeTrainingJob').length;
    recordFigures(
      { name: 'polling: AWS calls per minute, SageMaker views hidden', value: hidden.length, unit: 'calls', budget: 0 },
      { name: `polling: ListTrainingJobs per minute, ${running} running jobs shown`, value: lists, unit: 'calls', budget: 6 },
      { name: `polling: DescribeTrainingJob per minute, ${running} running jobs shown`, value: describes, unit: 'calls', budget: 0 },
    );
    // The newest job of the seeds finishes within seconds on the emulator's clock; the fifty train for days.
    assert.ok(running >= 49, `the first page shows the running sweep (${running} running)`);
    assert.deepStrictEqual(hidden.map((r) => r.operation), []);
    assert.strictEqual(describes, 0);
  });
});
