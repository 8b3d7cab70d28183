// AWS's ListTrainingJobs takes MaxResults jobs first and then keeps those with the StatusEquals asked for, so a
// page can be empty while a NextToken says there is more (the emulator does exactly that). Filtered by status,
// the Training Jobs view keeps reading such pages (up to five calls) instead of saying nothing matches.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { VIEW_IDS } from '../../../src/views/viewIds';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { items, label } from '../support/tree';
import { host } from '../support/workbench';

const FAILED_JOB = 'abalone-autogluon-2021-07-04-16-40-02-815';
const config = () => vscode.workspace.getConfiguration('sagemakerWorkbench');

describe('Training Jobs filtered by status', function () {
  this.timeout(60_000);
  after(async () => {
    await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await (await host()).views.listProvider('trainingJobs')?.setFilter({ sort: 'newest' });
  });

  it('reads past empty pages with a NextToken and shows the failed job, not "no training jobs match"', async () => {
    const provider = (await host()).views.listProvider('trainingJobs');
    assert.ok(provider);
    await config().update('pageSize', 1, vscode.ConfigurationTarget.Global);
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(/Filter training jobs \(1\/3\)/, '');
      ui.onQuickPick(/Filter training jobs \(2\/3\)/, (p) => p.pick('Failed'));
      ui.onQuickPick(/Filter training jobs \(3\/3\)/, (p) => p.pick('Newest first'));
      await run(`${VIEW_IDS.trainingJobs}.filter`);
    });
    const rows = (await items(await provider.getChildren())).map(label);
    assert.ok(rows.includes(FAILED_JOB), `the failed job is shown: ${rows.join(', ')}`);
    assert.ok(!rows.some((r) => /match the filter/.test(r)), rows.join(', '));
    const lists = (await recordedRequests())
      .filter((r) => r.operation === 'ListTrainingJobs')
      .map((r) => r.input as { StatusEquals?: string; NextToken?: string; MaxResults?: number });
    assert.ok(
      lists.every((l) => l.StatusEquals === 'Failed' && l.MaxResults === 1),
      JSON.stringify(lists),
    );
    // One read of the view starts without a NextToken and follows the NextTokens (another refresh may start anew).
    const reads: Array<typeof lists> = [];
    for (const l of lists) {
      if (l.NextToken === undefined) reads.push([l]);
      else reads.at(-1)?.push(l);
    }
    assert.ok(reads.length > 0 && lists[0].NextToken === undefined, JSON.stringify(lists));
    for (const read of reads) assert.ok(read.length >= 2 && read.length <= 5, `2 to 5 calls per read: ${read.length}`);
  });
});
