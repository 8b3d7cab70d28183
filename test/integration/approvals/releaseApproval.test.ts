// Approving the abalone release from the editor, in the real extension host against the emulator: the
// pending approval is discovered, the confirmation carries the evidence (metrics of the execution's
// evaluation.json), and approve, reject and stale tokens do what AWS does. The commands run as the
// Pipelines view's menus run them; their prompts are answered through the test window.
import * as assert from 'assert';
import { ApprovalActionNode } from '../../../src/views/pipelines/codePipelineStageNodes';
import type { ReleaseReviewPanel } from '../../../src/webviews/releaseReview/releaseReviewPanel';
import { answerDecision, told, decisionConfirmation, RELEASE } from '../support/answers/releases';
import { clearFaults, clearRequests, recordedRequests, resetEmulator, setFaults } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';
import { approvalNode, waitingRelease } from './support';

interface Decided {
  outcome: string;
  message?: string;
}

async function putApprovalCalls() {
  return (await recordedRequests()).filter((r) => r.operation === 'PutApprovalResult');
}

describe('Release approval', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await clearFaults();
    await resetEmulator();
    (await host()).views.providers.pipelines.refresh();
  });

  it('finds the waiting EvaluationApproval with its token and execution', async () => {
    const release = await waitingRelease();
    const approval = (await approvalNode(release)).approval;
    assert.deepStrictEqual(
      [approval.pipelineName, approval.stageName, approval.actionName],
      [RELEASE, 'Approval', 'EvaluationApproval'],
    );
    assert.match(approval.token, /^[0-9a-f-]{36}$/);
    assert.match(approval.pipelineExecutionId ?? '', /^[0-9a-f-]{36}$/);
    // "Review Pending Approvals" (the view's title button) offers exactly this one and opens its review.
    const panel = await withWindow(async (ui) => {
      ui.onQuickPick('Pending approvals', (p) => {
        assert.deepStrictEqual(
          p.items.map((i) => [i.label, i.description]),
          [[`$(bell-dot) ${RELEASE}`, 'Approval · EvaluationApproval']],
        );
        assert.match(p.items[0].detail ?? '', new RegExp(`^Execution ${approval.pipelineExecutionId} · waiting `));
        p.pick(`$(bell-dot) ${RELEASE}`);
      });
      return run<ReleaseReviewPanel>('reviewPendingApprovals');
    });
    assert.strictEqual(panel.pipelineName, RELEASE);
    panel.dispose();
  });

  it('asks for confirmation naming pipeline, stage, action, execution and the evaluation metrics; cancel changes nothing', async () => {
    const node = await approvalNode(await waitingRelease());
    const a = node.approval;
    await clearRequests();
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'RMSE 1.48 is below 2.0', confirm: false });
      assert.strictEqual((await run<Decided>('approveRelease', node)).outcome, 'cancelled');
      const asked = decisionConfirmation(ui, 'Approved')!;
      assert.ok(asked.modal, 'a modal confirmation');
      assert.deepStrictEqual(asked.items, ['Approve']);
      const detail = asked.detail ?? '';
      assert.match(detail, /^Pipeline: abalone-cicd-pipeline$/m);
      assert.match(detail, /^Stage: Approval · action: EvaluationApproval$/m);
      assert.ok(detail.includes(`Execution: ${a.pipelineExecutionId}`), detail);
      assert.ok(detail.includes(`evaluation.json): rmse 1.484 · mse 2.202`), detail);
      assert.ok(
        detail.includes(
          `s3://abalone-cicd-pipeline-artifacts-123456789012/${a.pipelineExecutionId}/evaluation/evaluation.json`,
        ),
        detail,
      );
      assert.deepStrictEqual(
        ui.messages.filter((m) => !m.modal),
        [],
        'nothing else is said',
      );
    });
    assert.deepStrictEqual(await putApprovalCalls(), [], 'nothing was sent');
  });

  it('approves: PutApprovalResult with the token and comment, the bell and badge go, Deploy runs', async () => {
    const wb = await host();
    const node = await approvalNode(await waitingRelease());
    const a = node.approval;
    await clearRequests();
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'RMSE 1.48 is below 2.0', confirm: true });
      const result = await run<Decided>('approveRelease', node);
      assert.strictEqual(result.outcome, 'decided');
      assert.strictEqual(
        result.message,
        `Approved ${RELEASE} (execution ${a.pipelineExecutionId!.slice(0, 8)}): the Deploy stage runs next.`,
      );
      assert.ok(told(ui, 'info').includes(result.message), 'the user is told');
    });
    const [call] = await putApprovalCalls();
    assert.strictEqual(call.status, 200);
    assert.deepStrictEqual(call.input, {
      pipelineName: RELEASE,
      stageName: 'Approval',
      actionName: 'EvaluationApproval',
      token: a.token,
      result: { status: 'Approved', summary: 'RMSE 1.48 is below 2.0' },
    });
    const release = wb.views.pipelineWatch.find(RELEASE);
    assert.ok(release);
    assert.deepStrictEqual(release.approvals, []);
    assert.strictEqual(release.status, 'InProgress');
    assert.strictEqual((await release.getTreeItem()).description, 'InProgress · Deploy');
    await until('the badge to clear', () => wb.views.treeViews.pipelines?.badge === undefined || undefined);

    // The same token again (the node still on screen): AWS says the approval is already done; the user is told, not failed silently.
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'again', confirm: true });
      const again = await run<Decided>('approveRelease', node);
      assert.strictEqual(again.outcome, 'refused');
      assert.deepStrictEqual(told(ui, 'warning'), [again.message]);
      assert.match(
        again.message ?? '',
        /is no longer waiting: it was decided by someone else, superseded by a newer execution, or expired/,
      );
    });
    assert.strictEqual((await putApprovalCalls()).at(-1)?.errorCode, 'ApprovalAlreadyCompletedException');
  });

  it('rejects with the reason (required): the execution fails at the Approval stage', async () => {
    const wb = await host();
    const release = await waitingRelease();
    await clearRequests();
    await withWindow(async (ui) => {
      // Reject on the pipeline's own node (its menu offers it while an approval waits).
      ui.onInputBox(`Reject ${RELEASE} · EvaluationApproval`, async (p) => {
        assert.strictEqual(await p.type('  '), 'A reason is required to reject a release.');
        assert.strictEqual(await p.type('RMSE must be below 1.4 for this release'), undefined);
      });
      ui.onMessage(`Reject the release of ${RELEASE}?`, 'Reject');
      const result = await run<Decided>('rejectRelease', release);
      assert.strictEqual(result.outcome, 'decided');
      assert.match(result.message ?? '', /^Rejected abalone-cicd-pipeline \(execution [0-9a-f]{8}\)\.$/);
      assert.ok(told(ui, 'info').includes(result.message!), 'the user is told');
    });
    const [call] = await putApprovalCalls();
    assert.deepStrictEqual((call.input as { result: unknown }).result, {
      status: 'Rejected',
      summary: 'RMSE must be below 1.4 for this release',
    });
    const node = wb.views.pipelineWatch.find(RELEASE)!;
    assert.strictEqual(node.status, 'Failed');
    assert.strictEqual((await node.getTreeItem()).description, 'Failed · Approval');
  });

  it('tells the user when the token no longer matches and re-reads the pipeline', async () => {
    const real = await approvalNode(await waitingRelease());
    // The approval node as a view rendered it before the token changed.
    const stale = new ApprovalActionNode(
      { actionName: 'EvaluationApproval' },
      { ...real.approval, token: '00000000-0000-0000-0000-000000000000' },
      'stale',
    );
    await clearRequests();
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: '', confirm: true });
      assert.strictEqual((await run<Decided>('approveRelease', stale)).outcome, 'refused');
      assert.match(
        told(ui, 'warning')[0] ?? '',
        /^This approval of abalone-cicd-pipeline \(execution [0-9a-f]{8}\) is no longer waiting/,
      );
    });
    const calls = (await recordedRequests()).map((r) => `${r.operation}${r.errorCode ? `:${r.errorCode}` : ''}`);
    assert.ok(calls.includes('PutApprovalResult:InvalidApprovalTokenException'), calls.join(', '));
    assert.strictEqual(calls.at(-1), 'GetPipelineState', 'the pipeline is read again after the refusal');
  });

  it('says which permission is missing when PutApprovalResult is denied, and the approval stays waiting', async () => {
    const wb = await host();
    const node = await approvalNode(await waitingRelease());
    await setFaults([{ kind: 'access-denied', service: 'codepipeline', operation: 'PutApprovalResult' }]);
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'ok', confirm: true });
      const result = await run<Decided>('approveRelease', node);
      assert.strictEqual(result.outcome, 'failed');
      assert.match(result.message ?? '', /codepipeline:PutApprovalResult/);
      const [error] = ui.messages.filter((m) => m.level === 'error');
      assert.strictEqual(error?.message, result.message, 'the user sees it');
      assert.deepStrictEqual(error.items, ['Choose Profile', 'Show Log'], 'with the buttons that help');
    });
    assert.strictEqual(wb.views.pipelineWatch.find(RELEASE)?.approvals.length, 1, 'still waiting, nothing lost');
  });
});
