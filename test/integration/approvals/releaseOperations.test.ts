// Running releases from the editor against the emulator: reject then retry the Approval stage (a fresh
// token waits), start a new execution that walks to the approval and supersedes the older wait, stop an
// execution, and CodePipeline's refusals explained.
import * as assert from 'assert';
import type { PipelinePrompts } from '../../../src/commands/releases/pipelineCommands';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';

const RELEASE = 'abalone-cicd-pipeline';
const yes: PipelinePrompts = { confirm: async () => true, stopMode: async () => 'abandon' };
const no: PipelinePrompts = { confirm: async () => false, stopMode: async () => undefined };

async function waiting() {
  const api = await workbench();
  api.views.providers.pipelines.refresh();
  const [approval] = await api.approvals.pending();
  assert.ok(approval, 'the seeded release waits');
  return approval;
}

describe('Release operations', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.pipelines.refresh();
  });

  it('retries a rejected Approval stage: it waits again with a new token', async () => {
    const api = await workbench();
    const approval = await waiting();
    await api.approvals.decide(approval, 'Rejected', { comment: async () => 'needs another look', confirm: async () => true });
    const result = await api.releases.retry(RELEASE, 'Approval', approval.pipelineExecutionId!, yes);
    assert.strictEqual(result.outcome, 'done', result.message);
    const [again] = await api.approvals.pending();
    assert.strictEqual(again?.pipelineExecutionId, approval.pipelineExecutionId);
    assert.notStrictEqual(again?.token, approval.token, 'a fresh token');
  });

  it('explains that only the latest failed stage can be retried', async () => {
    const api = await workbench();
    const approval = await waiting();
    const result = await api.releases.retry(RELEASE, 'Approval', approval.pipelineExecutionId!, yes);
    assert.strictEqual(result.outcome, 'refused');
    assert.match(result.message ?? '', /^CodePipeline refused: Stage Approval of execution .* cannot be retried/);
  });

  it('starts a new execution only after confirmation; it reaches the approval and supersedes the older wait', async () => {
    const api = await workbench();
    const old = await waiting();
    await clearRequests();
    assert.strictEqual((await api.releases.start(RELEASE, no)).outcome, 'cancelled');
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation === 'StartPipelineExecution'), [], 'nothing started');
    const started = await api.releases.start(RELEASE, yes);
    assert.strictEqual(started.outcome, 'done');
    assert.match(started.message ?? '', /^Started execution [0-9a-f]{8} of abalone-cicd-pipeline\.$/);
    const node = api.views.pipelineWatch.find(RELEASE)!;
    // The emulator's clock runs 1000× faster here: the new run passes Source and Build in well under a second.
    const fresh = await until('the new execution to wait at the approval', async () => {
      await node.loadState();
      const a = node.approvals[0];
      return a && a.pipelineExecutionId === started.executionId ? a : undefined;
    }, 20_000);
    assert.notStrictEqual(fresh.token, old.token);
    assert.strictEqual((await api.approvals.decide(old, 'Approved', { comment: async () => 'old', confirm: async () => true })).outcome, 'stale', 'the superseded wait is gone');
  });

  it('stops a running execution (abandon) after the user chose how', async () => {
    const api = await workbench();
    const approval = await waiting();
    const result = await api.releases.stop(RELEASE, approval.pipelineExecutionId!, yes);
    assert.strictEqual(result.outcome, 'done');
    const stop = (await recordedRequests()).filter((r) => r.operation === 'StopPipelineExecution').at(-1);
    assert.deepStrictEqual({ ...(stop?.input as object), reason: undefined }, { pipelineName: RELEASE, pipelineExecutionId: approval.pipelineExecutionId, abandon: true, reason: undefined });
    assert.deepStrictEqual(api.views.pipelineWatch.find(RELEASE)?.approvals, []);
    const again = await api.releases.stop(RELEASE, approval.pipelineExecutionId!, yes);
    assert.strictEqual(again.outcome, 'refused', 'a stopped execution cannot be stopped twice');
  });
});
