// Approving and rejecting AbalonePackageGroup versions in the real extension host: the confirmation puts
// the version's metrics beside the currently approved version's, a reason is required to reject, and the
// tree shows the new status at once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelApprovalPrompts } from '../../../src/commands/modelRegistry/modelApprovalCommands';
import type { ModelPackageNode } from '../../../src/views/modelRegistry/modelPackageNode';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { childNamed } from '../support/tree';
import { workbench } from '../support/workbench';

async function version(v: string): Promise<ModelPackageNode> {
  const api = await workbench();
  api.views.providers.modelRegistry.refresh();
  const group = await childNamed(api.views.providers.modelRegistry as never, 'AbalonePackageGroup');
  return (await childNamed(group, v)) as unknown as ModelPackageNode;
}

function prompts(comment: string | undefined, confirm: boolean, seen: string[] = []): ModelApprovalPrompts {
  return { comment: async () => comment, confirm: async (_q, detail) => (seen.push(detail), confirm) };
}

const updates = async () => (await recordedRequests()).filter((r) => r.operation === 'UpdateModelPackage');

describe('Model version approval', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.modelRegistry.refresh();
  });

  it('shows the version\'s metrics beside the currently approved version; cancelling changes nothing', async () => {
    const v4 = await version('v4');
    await clearRequests();
    const seen: string[] = [];
    const result = await (await workbench()).modelRegistry.decide(v4, 'Approved', prompts('', false, seen));
    assert.strictEqual(result.outcome, 'cancelled');
    assert.match(seen[0], /^This version: mse 2\.321 · rmse 1\.524/m);
    assert.match(seen[0], /^Currently approved: v3 — mse 2\.202 · rmse 1\.484/m);
    assert.match(seen[0], /^Status now: PendingManualApproval$/m);
    assert.deepStrictEqual(await updates(), []);
  });

  it('approves: UpdateModelPackage with the description, and the tree shows Approved at once', async () => {
    const v4 = await version('v4');
    await clearRequests();
    const result = await (await workbench()).modelRegistry.decide(v4, 'Approved', prompts('RMSE 1.52 is within the 1.6 criterion', true));
    assert.strictEqual(result.outcome, 'decided');
    const [call] = await updates();
    assert.deepStrictEqual(call.input, { ModelPackageArn: v4.summary.ModelPackageArn, ModelApprovalStatus: 'Approved', ApprovalDescription: 'RMSE 1.52 is within the 1.6 criterion' });
    const item = await v4.getTreeItem();
    assert.strictEqual(item.contextValue, 'resource:modelPackage:Approved');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'verified-filled');
    assert.match(String(item.description), /^Approved · /);
  });

  it('rejects only with a reason', async () => {
    const v3 = await version('v3');
    await clearRequests();
    assert.strictEqual((await (await workbench()).modelRegistry.decide(v3, 'Rejected', prompts(undefined, true))).outcome, 'cancelled', 'no reason, no rejection');
    assert.deepStrictEqual(await updates(), []);
    const seen: string[] = [];
    assert.strictEqual((await (await workbench()).modelRegistry.decide(v3, 'Rejected', prompts('Superseded by v4', true, seen))).outcome, 'decided');
    assert.match(seen[0], /^This is the currently approved version\.$/m);
    assert.strictEqual((await v3.getTreeItem()).contextValue, 'resource:modelPackage:Rejected');
  });
});
