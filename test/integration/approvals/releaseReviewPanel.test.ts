// The Release Review panel in the real extension host: what it shows for the seeded abalone release
// (the approval's question, the seed's metrics, the last release's computed metrics, the commits that
// triggered the run, the stages), its Content-Security-Policy, approving from it, and its links. It is
// opened with "Review Release…" on the nodes the Pipelines view shows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReleaseReviewPanel } from '../../../src/webviews/releaseReview/releaseReviewPanel';
import { answerDecision, RELEASE } from '../support/answers/releases';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host } from '../support/workbench';
import { approvalNode, waitingRelease } from './support';

/** "Review Release…" on the waiting approval (clicking it does the same). */
async function review(): Promise<ReleaseReviewPanel> {
  const panel = await run<ReleaseReviewPanel>('openReleaseReview', await approvalNode(await waitingRelease()));
  await panel.whenLoaded();
  return panel;
}

describe('Release Review panel', function () {
  this.timeout(60_000);

  after(async () => {
    await resetEmulator();
    (await host()).views.providers.pipelines.refresh();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("shows the question, this release's metrics beside the last release's, the commits and the stages", async () => {
    const panel = await review();
    const m = panel.model!;
    assert.strictEqual(m.approval?.customData, 'Is the Model Ready for Production?');
    assert.deepStrictEqual([m.approval?.stageName, m.approval?.actionName], ['Approval', 'EvaluationApproval']);
    assert.strictEqual(m.execution?.id, m.approval?.executionId);
    assert.deepStrictEqual(
      m.report?.metrics.map((x) => [x.name, x.value]),
      [
        ['rmse', 1.4838999769750487],
        ['mse', 2.20195914166655],
      ],
    );
    assert.strictEqual(
      m.report?.location,
      `s3://abalone-cicd-pipeline-artifacts-123456789012/${m.execution?.id}/evaluation/evaluation.json`,
    );
    // The release approved before this one wrote GroundTruth/Predictions: its metrics are computed.
    const previous = m.previous?.report;
    assert.strictEqual(previous?.form, 'ground_truth');
    assert.strictEqual(previous?.actual?.length, previous?.predicted?.length);
    const rmse = previous!.metrics.find((x) => x.name === 'rmse')!;
    const mse = previous!.metrics.find((x) => x.name === 'mse')!;
    assert.ok(rmse.computed && Math.abs(rmse.value ** 2 - mse.value) < 1e-9, 'RMSE² = MSE');
    assert.ok(Math.abs(rmse.value - 1.52) < 1e-9, `the last release's RMSE is 1.52, got ${rmse.value}`);
    assert.deepStrictEqual(
      m.commits.map((c) => [c.actionName, c.branch, c.message, c.author]),
      [
        ['MainSource', 'main', 'Checkpoint', 'Sam Okafor'],
        ['ModelSource', 'model', 'Added Integration artifacts', 'Priya Raman'],
      ],
    );
    assert.deepStrictEqual(
      m.stages.map((s) => `${s.name}:${s.status}${s.ranForOlderExecution ? ':older' : ''}`),
      ['Source:Succeeded', 'Build:Succeeded', 'Approval:InProgress', 'Deploy:Succeeded:older'],
    );
  });

  it('reads the report where the evaluationReportLocations setting says, and names a bad template', async () => {
    const config = vscode.workspace.getConfiguration('sagemakerWorkbench');
    try {
      await config.update(
        'evaluationReportLocations',
        { [RELEASE]: 's3://abalone-cicd-pipeline-artifacts-123456789012/{executionId}/evaluation/evaluation.json' },
        vscode.ConfigurationTarget.Global,
      );
      // "Review Release…" on the pipeline's node opens (and re-reads) the same panel.
      const panel = await run<ReleaseReviewPanel>('openReleaseReview', await waitingRelease());
      await panel.whenLoaded();
      await clearRequests();
      await panel.load();
      const s3 = (await recordedRequests()).filter((r) => r.service === 's3').map((r) => r.operation);
      assert.deepStrictEqual(s3, ['GetObject', 'GetObject'], 'this and the last release, read directly (no listing)');
      assert.strictEqual(panel.model?.report?.metrics[0].value, 1.4838999769750487);
      await config.update(
        'evaluationReportLocations',
        { [RELEASE]: 's3://abalone-cicd-pipeline-artifacts-123456789012/{execution}/evaluation.json' },
        vscode.ConfigurationTarget.Global,
      );
      await panel.load();
      assert.match(panel.model?.reportError ?? '', /Unknown placeholder \{execution\}/);
    } finally {
      await config.update('evaluationReportLocations', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('serves its page under a strict Content-Security-Policy', async () => {
    const panel = await review();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(panel.html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{16,}'/);
    // (VS Code's own resource origin, cspSource, is https://*.vscode-cdn.net; a bare * would allow anything.)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|(^|\s)\*(\s|;|$)/);
    const scriptNonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(panel.html.includes(`<script nonce="${scriptNonce}"`), 'the only script carries the nonce');
  });

  it("opens the links it shows: a commit's console page in the browser, its changes in a diff", async () => {
    const panel = await review();
    const [commit] = panel.model!.commits;
    await withWindow(async (ui) => {
      await panel.receive({ type: 'openExternal', url: commit.consoleUrl });
      assert.deepStrictEqual(ui.opened.map(String), [String(vscode.Uri.parse(commit.consoleUrl))]);
      await panel.receive({ type: 'openCommitChanges', repository: commit.repository, commitId: commit.commitId });
    });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(
      tab?.input instanceof vscode.TabInputTextDiff,
      `the commit's change is open in a diff (got ${tab?.label})`,
    );
    assert.strictEqual(tab.label, `app.py (modified in ${commit.commitId.slice(0, 8)})`);
  });

  it('approves from the panel, then shows the decision and no more buttons to press', async () => {
    const panel = await review();
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'RMSE 1.48 beats the last release', confirm: true });
      // What the page's Approve button sends.
      await panel.receive({ type: 'approve' });
      assert.ok(
        ui.shown('info').some((m) => m.startsWith('Approved abalone-cicd-pipeline (execution ')),
        'the user is told as from the command',
      );
    });
    const m = panel.model!;
    assert.strictEqual(m.approval, undefined, 'nothing waits any more');
    assert.strictEqual(m.notice?.kind, 'info');
    assert.match(
      m.notice?.text ?? '',
      /^Approved abalone-cicd-pipeline \(execution [0-9a-f]{8}\): the Deploy stage runs next\.$/,
    );
    assert.deepStrictEqual(
      m.stages.map((s) => s.status),
      ['Succeeded', 'Succeeded', 'Succeeded', 'InProgress'],
    );
    panel.dispose();
  });
});
