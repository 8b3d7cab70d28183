// Approving the abalone release from the editor, in the real extension host against the emulator: the
// pending approval is discovered, the confirmation carries the evidence (metrics of the execution's
// evaluation.json), and approve, reject and stale tokens do what AWS does. Prompts are scripted; the
// calls are the commands' own.
import * as assert from 'assert';
import type { ApprovalPrompts } from '../../../src/commands/releases/approvalDecision';
import type { PendingApproval } from '../../../src/model/codePipelineState';
import { clearFaults, clearRequests, recordedRequests, resetEmulator, setFaults } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';

const RELEASE = 'abalone-cicd-pipeline';

interface Script extends ApprovalPrompts {
  asked: Array<{ question: string; detail: string; action: string }>;
}

function script(comment: string | undefined, confirm: boolean): Script {
  const asked: Script['asked'] = [];
  return {
    asked,
    comment: async () => comment,
    confirm: async (question, detail, action) => {
      asked.push({ question, detail, action });
      return confirm;
    },
  };
}

async function pending(): Promise<PendingApproval> {
  const api = await workbench();
  (await workbench()).views.providers.pipelines.refresh();
  const approvals = await api.approvals.pending();
  assert.strictEqual(approvals.length, 1, 'one release waits');
  return approvals[0];
}

async function putApprovalCalls() {
  return (await recordedRequests()).filter((r) => r.operation === 'PutApprovalResult');
}

describe('Release approval', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await clearFaults();
    await resetEmulator();
    (await workbench()).views.providers.pipelines.refresh();
  });

  it('finds the waiting EvaluationApproval with its token and execution', async () => {
    const a = await pending();
    assert.deepStrictEqual([a.pipelineName, a.stageName, a.actionName], [RELEASE, 'Approval', 'EvaluationApproval']);
    assert.match(a.token, /^[0-9a-f-]{36}$/);
    assert.match(a.pipelineExecutionId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('asks for confirmation naming pipeline, stage, action, execution and the evaluation metrics; cancel changes nothing', async () => {
    const a = await pending();
    await clearRequests();
    const prompts = script('RMSE 1.48 is below 2.0', false);
    assert.strictEqual((await (await workbench()).approvals.decide(a, 'Approved', prompts)).outcome, 'cancelled');
    const [asked] = prompts.asked;
    assert.strictEqual(asked.question, `Approve the release of ${RELEASE}?`);
    assert.strictEqual(asked.action, 'Approve');
    assert.match(asked.detail, /^Pipeline: abalone-cicd-pipeline$/m);
    assert.match(asked.detail, /^Stage: Approval · action: EvaluationApproval$/m);
    assert.ok(asked.detail.includes(`Execution: ${a.pipelineExecutionId}`), asked.detail);
    assert.ok(asked.detail.includes(`evaluation.json): rmse 1.484 · mse 2.202`), asked.detail);
    assert.ok(asked.detail.includes(`s3://abalone-cicd-pipeline-artifacts-123456789012/${a.pipelineExecutionId}/evaluation/evaluation.json`), asked.detail);
    assert.deepStrictEqual(await putApprovalCalls(), [], 'nothing was sent');
  });

  it('approves: PutApprovalResult with the token and comment, the bell and badge go, Deploy runs', async () => {
    const api = await workbench();
    const a = await pending();
    await clearRequests();
    assert.strictEqual((await api.approvals.decide(a, 'Approved', script('RMSE 1.48 is below 2.0', true))).outcome, 'decided');
    const [call] = await putApprovalCalls();
    assert.strictEqual(call.status, 200);
    assert.deepStrictEqual(call.input, {
      pipelineName: RELEASE, stageName: 'Approval', actionName: 'EvaluationApproval', token: a.token,
      result: { status: 'Approved', summary: 'RMSE 1.48 is below 2.0' },
    });
    const node = api.views.pipelineWatch.find(RELEASE);
    assert.ok(node);
    assert.deepStrictEqual(node.approvals, []);
    assert.strictEqual(node.status, 'InProgress');
    assert.strictEqual((await node.getTreeItem()).description, 'InProgress · Deploy');
    await until('the badge to clear', () => api.views.treeViews.pipelines?.badge === undefined || undefined);

    // The same token again: AWS says the approval is already done; the user is told, not failed silently.
    assert.strictEqual((await api.approvals.decide(a, 'Approved', script('again', true))).outcome, 'stale');
    assert.strictEqual((await putApprovalCalls()).at(-1)?.errorCode, 'ApprovalAlreadyCompletedException');
  });

  it('rejects with the reason: the execution fails at the Approval stage', async () => {
    const api = await workbench();
    const a = await pending();
    await clearRequests();
    assert.strictEqual((await api.approvals.decide(a, 'Rejected', script('RMSE must be below 1.4 for this release', true))).outcome, 'decided');
    const [call] = await putApprovalCalls();
    assert.deepStrictEqual((call.input as { result: unknown }).result, { status: 'Rejected', summary: 'RMSE must be below 1.4 for this release' });
    const node = api.views.pipelineWatch.find(RELEASE)!;
    assert.strictEqual(node.status, 'Failed');
    assert.strictEqual((await node.getTreeItem()).description, 'Failed · Approval');
  });

  it('tells the user when the token no longer matches and re-reads the pipeline', async () => {
    const api = await workbench();
    const a = await pending();
    await clearRequests();
    const stale = { ...a, token: '00000000-0000-0000-0000-000000000000' };
    assert.strictEqual((await api.approvals.decide(stale, 'Approved', script('', true))).outcome, 'stale');
    const calls = (await recordedRequests()).map((r) => `${r.operation}${r.errorCode ? `:${r.errorCode}` : ''}`);
    assert.ok(calls.includes('PutApprovalResult:InvalidApprovalTokenException'), calls.join(', '));
    assert.strictEqual(calls.at(-1), 'GetPipelineState', 'the pipeline is read again after the refusal');
  });

  it('says which permission is missing when PutApprovalResult is denied, and the approval stays waiting', async () => {
    const api = await workbench();
    const a = await pending();
    await setFaults([{ kind: 'access-denied', service: 'codepipeline', operation: 'PutApprovalResult' }]);
    const result = await api.approvals.decide(a, 'Approved', script('ok', true));
    assert.strictEqual(result.outcome, 'failed');
    assert.match(result.message ?? '', /codepipeline:PutApprovalResult/);
    assert.strictEqual(api.views.pipelineWatch.find(RELEASE)?.approvals.length, 1, 'still waiting, nothing lost');
  });
});
