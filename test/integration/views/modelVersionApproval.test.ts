// Approving and rejecting AbalonePackageGroup versions from their context menu in the real extension host:
// the confirmation puts the version's metrics beside the currently approved version's, a reason is required
// to reject, and the tree shows the new status at once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DecisionOutcome } from '../../../src/model/modelApproval';
import type { ModelPackageNode } from '../../../src/views/modelRegistry/modelPackageNode';
import { versionNode } from '../hosting/support';
import { answerDecision, confirmations } from '../support/answers/hosting';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host } from '../support/workbench';

const version = async (v: string) => (await versionNode('AbalonePackageGroup', v)) as unknown as ModelPackageNode;
const updates = async () => (await recordedRequests()).filter((r) => r.operation === 'UpdateModelPackage');

describe('Model version approval', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.modelRegistry.refresh();
  });

  it("shows the version's metrics beside the currently approved version; cancelling changes nothing", async () => {
    const v4 = await version('v4');
    await clearRequests();
    await withWindow(async (ui) => {
      answerDecision(ui, 'Approve', 'AbalonePackageGroup v4', '', false);
      const result = await run<DecisionOutcome>('approveModelVersion', v4);
      assert.strictEqual(result.outcome, 'cancelled');
      const [asked] = confirmations(ui);
      assert.match(asked.detail, /^This version: mse 2\.321 · rmse 1\.524/m);
      assert.match(asked.detail, /^Currently approved: v3 — mse 2\.202 · rmse 1\.484/m);
      assert.match(asked.detail, /^Status now: PendingManualApproval$/m);
    });
    assert.deepStrictEqual(await updates(), []);
  });

  it('approves: UpdateModelPackage with the description, and the tree shows Approved at once', async () => {
    const v4 = await version('v4');
    await clearRequests();
    await withWindow(async (ui) => {
      answerDecision(ui, 'Approve', 'AbalonePackageGroup v4', 'RMSE 1.52 is within the 1.6 criterion', true);
      assert.strictEqual((await run<DecisionOutcome>('approveModelVersion', v4)).outcome, 'decided');
      assert.deepStrictEqual(ui.shown('info'), ['Approved AbalonePackageGroup v4.']);
    });
    const [call] = await updates();
    assert.deepStrictEqual(call.input, {
      ModelPackageArn: v4.summary.ModelPackageArn,
      ModelApprovalStatus: 'Approved',
      ApprovalDescription: 'RMSE 1.52 is within the 1.6 criterion',
    });
    const item = await v4.getTreeItem();
    assert.strictEqual(item.contextValue, 'resource:modelPackage:Approved');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'verified-filled');
    assert.match(String(item.description), /^Approved · /);
  });

  it('rejects only with a reason', async () => {
    const v3 = await version('v3');
    await clearRequests();
    await withWindow(async (ui) => {
      const seen = answerDecision(ui, 'Reject', 'AbalonePackageGroup v3', '', 'not asked');
      assert.strictEqual(
        (await run<DecisionOutcome>('rejectModelVersion', v3)).outcome,
        'cancelled',
        'no reason, no rejection',
      );
      assert.deepStrictEqual(seen.refusals, ['A reason is required to reject a model version.']);
    });
    assert.deepStrictEqual(await updates(), []);
    await withWindow(async (ui) => {
      answerDecision(ui, 'Reject', 'AbalonePackageGroup v3', 'Superseded by v4', true);
      assert.strictEqual((await run<DecisionOutcome>('rejectModelVersion', v3)).outcome, 'decided');
      assert.match(confirmations(ui)[0].detail, /^This is the currently approved version\.$/m);
    });
    assert.strictEqual((await v3.getTreeItem()).contextValue, 'resource:modelPackage:Rejected');
  });
});
