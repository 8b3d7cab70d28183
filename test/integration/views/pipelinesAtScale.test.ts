// The Pipelines view in an account of 200 CodePipeline pipelines (the emulator's large scenario), visible as a
// user keeps it open: the waiting abalone release is found by the background state reads with no row
// expanded (bell on its row, the view's badge), each pipeline's state read once, nothing read while the view
// is hidden (no read is even scheduled), AWS's throttling slowing the reads down, and Review Pending Approvals
// offering a waiting release whose pipeline is not among the rows shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PipelineSummary } from '@aws-sdk/client-codepipeline';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { clearFaults, clearRequests, recordedRequests, resetEmulator, setFaults } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';

const RELEASE = 'abalone-cicd-pipeline';
// Another Region is another account to the extension: the background reads start from nothing there.
const REGION = 'eu-west-1';

function config() {
  return vscode.workspace.getConfiguration('sagemakerWorkbench');
}

async function codePipelineCalls() {
  return (await recordedRequests()).filter((r) => r.service === 'codepipeline');
}

/** The pipelines whose state was read, in the order of the calls. */
function stateReads(calls: { operation: string; input?: unknown }[]): string[] {
  return calls.filter((c) => c.operation === 'GetPipelineState').map((c) => (c.input as { name: string }).name);
}

async function hideView() {
  await vscode.commands.executeCommand('workbench.view.explorer');
}

describe('Pipelines at scale: 200 pipelines with the view visible', function () {
  this.timeout(240_000);

  before(async () => {
    await hideView();
    // Each state is read once here; re-reads (auto refresh) are turned on where they are tested.
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await resetEmulator('large');
    const wb = await host();
    await config().update('region', REGION, vscode.ConfigurationTarget.Global);
    await until('the session in the other Region', () => wb.session.current.region === REGION);
  });

  after(async () => {
    await hideView();
    await clearFaults();
    await config().update('region', undefined, vscode.ConfigurationTarget.Global);
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await resetEmulator();
    (await host()).views.providers.pipelines.refresh();
  });

  it('finds the waiting abalone release with no row expanded: the bell on its row and the badge, each state read once', async () => {
    const wb = await host();
    const sweep = wb.views.pipelineSweep;
    const view = wb.views.treeViews.pipelines!;
    // What the view read and counted in the Region before is dropped with the switch (the session says so a
    // moment after its Region changed), so the badge below is this Region's.
    await until('the Region before forgotten', () => (sweep.known === 0 && view.badge === undefined) || undefined);
    await clearRequests();
    await vscode.commands.executeCommand('sagemakerWorkbench.pipelines.focus');
    await until('the view visible', () => view.visible);

    // Oldest of the 200 by `updated`, the release is the last one read; nobody expands a row meanwhile.
    await until('the badge', () => view.badge?.value === 1 || undefined, 180_000);
    assert.strictEqual(view.badge?.tooltip, '1 release waiting for your approval');
    const release = wb.views.pipelineWatch.find(RELEASE);
    assert.ok(release, 'the release is a row of the first page');
    const item = await release.getTreeItem();
    assert.strictEqual(item.description, 'Waiting for approval · EvaluationApproval');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'bell-dot');
    assert.strictEqual(sweep.known, 200);
    assert.strictEqual(sweep.unread, 0);

    const calls = await codePipelineCalls();
    const lists = calls.filter((c) => c.operation === 'ListPipelines');
    const reads = calls.filter((c) => c.operation === 'GetPipelineState');
    assert.deepStrictEqual(
      lists.map((c) => (c.input as { maxResults?: number }).maxResults),
      [50, 1000],
      "the view's first page, then the rest of the account in one call",
    );
    const names = reads.map((c) => (c.input as { name: string }).name);
    assert.strictEqual(reads.length, 200, 'one state read per pipeline');
    assert.strictEqual(new Set(names).size, 200);
    assert.strictEqual(names[names.length - 1], RELEASE, 'newest-updated first: the release is the oldest');
    assert.deepStrictEqual(
      calls
        .filter((c) => c.operation !== 'ListPipelines' && c.operation !== 'GetPipelineState')
        .map((c) => c.operation),
      [],
      'no other CodePipeline call (no row was expanded)',
    );
    // Rows beyond the first ten were read in the background, not by expanding them.
    const provider = wb.views.providers.pipelines as unknown as ResourceListProvider<PipelineSummary>;
    const rows = (await provider.getChildren()).filter((n) => n.resource?.kind === 'codepipeline');
    const descriptions = await Promise.all(rows.map(async (r) => String((await r.getTreeItem()).description)));
    assert.strictEqual(rows.length, 50);
    assert.deepStrictEqual(
      descriptions.filter((d) => d === 'expand for its state' || d.startsWith('state read')),
      [],
      'every shown row has its state',
    );
  });

  it('reads nothing while the view is hidden, and goes on where it stopped when it is shown again', async () => {
    const wb = await host();
    const sweep = wb.views.pipelineSweep;
    const view = wb.views.treeViews.pipelines!;
    // With auto refresh on, Refresh makes every pipeline due again: 200 reads at the bounded rate.
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await clearRequests();
    const before = sweep.calls;
    wb.views.providers.pipelines.refresh();
    await until('background reads under way', () => sweep.calls >= before + 20 || undefined, 30_000);

    await hideView();
    await until('the view hidden', () => !view.visible || undefined);
    await until('the reads under way answered', () => sweep.inFlight === 0 || undefined);
    const stoppedAt = sweep.calls;
    const readBefore = new Set(stateReads(await codePipelineCalls()));
    await clearRequests();
    // Hidden, nothing can make a call: no read is scheduled and none is under way, though many are due (the
    // reads would go on at once if the sweep ignored the view being hidden).
    assert.strictEqual(sweep.scheduled, false, 'no read scheduled while hidden');
    assert.strictEqual(sweep.inFlight, 0);
    assert.ok(sweep.due > 100, `${sweep.due} pipelines due, waiting for the view`);
    assert.ok(stoppedAt < before + 200, 'the reads were stopped before their end, not finished');
    assert.deepStrictEqual(await codePipelineCalls(), [], 'no call while hidden');
    assert.strictEqual(sweep.calls, stoppedAt);

    await vscode.commands.executeCommand('sagemakerWorkbench.pipelines.focus');
    const readAfter = await until(
      'the reads going on',
      async () => {
        const names = stateReads(await codePipelineCalls());
        return names.length >= 5 ? names : undefined;
      },
      30_000,
    );
    assert.ok(sweep.calls > stoppedAt);
    assert.deepStrictEqual(
      readAfter.filter((name) => readBefore.has(name)),
      [],
      'it goes on with the pipelines it had not read again yet, not from the start',
    );
  });

  it('slows down when CodePipeline throttles, and still keeps the waiting release on the badge', async () => {
    const wb = await host();
    const sweep = wb.views.pipelineSweep;
    const view = wb.views.treeViews.pipelines!;
    await setFaults([{ kind: 'throttle', service: 'codepipeline', operation: 'GetPipelineState', times: 3 }]);
    const throttlesBefore = sweep.throttles;
    wb.views.providers.pipelines.refresh();
    await until('a throttled read', () => sweep.throttles >= throttlesBefore + 1 || undefined, 30_000);
    assert.ok(sweep.ratePerSecond < 5, `the rate went down to ${sweep.ratePerSecond} reads a second`);
    const throttled = (await recordedRequests()).filter((r) => r.errorCode === 'ThrottlingException');
    assert.ok(throttled.length >= 1 && throttled.length <= 3, `${throttled.length} throttled calls`);
    assert.strictEqual(view.badge?.value, 1, 'what was found stays counted while it is read again');
  });

  it('offers the waiting release in Review Pending Approvals when its pipeline is not among the rows shown', async () => {
    const wb = await host();
    const view = wb.views.treeViews.pipelines!;
    const provider = wb.views.providers.pipelines as unknown as ResourceListProvider<PipelineSummary>;
    await clearFaults();
    // The rows are the team pipelines only; the background reads of the whole account found the release.
    await provider.setFilter({ nameContains: 'team-', sort: 'newest' });
    try {
      const rows = (await provider.getChildren()).filter((n) => n.resource?.kind === 'codepipeline');
      assert.ok(rows.length > 0);
      assert.strictEqual(wb.views.pipelineWatch.find(RELEASE), undefined, 'the release has no row');
      await until('the badge', () => view.badge?.value === 1 || undefined, 180_000);
      await withWindow(async (ui) => {
        ui.onQuickPick('Pending approvals', (p) => {
          assert.deepStrictEqual(
            p.items.map((i) => [i.label, i.description]),
            [[`$(bell-dot) ${RELEASE}`, 'Approval · EvaluationApproval']],
          );
          p.cancel();
        });
        const outcome = await run<{ outcome: string }>('reviewPendingApprovals');
        assert.strictEqual(outcome.outcome, 'cancelled');
      });
    } finally {
      await provider.setFilter({ sort: 'newest' });
    }
  });
});
