// Running releases from the editor against the emulator: reject then retry the Approval stage (a fresh
// token waits), start a new execution that walks to the approval and supersedes the older wait, stop an
// execution, and CodePipeline's refusals explained. The commands run on the nodes the Pipelines view shows.
import * as assert from 'assert';
import { answerDecision, told, RELEASE } from '../support/answers/releases';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';
import { approvalNode, stageNode, waitingRelease } from './support';

interface Operated {
  outcome: string;
  message?: string;
  executionId?: string;
}

describe('Release operations', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.pipelines.refresh();
  });

  it('retries a rejected Approval stage: it waits again with a new token', async () => {
    const release = await waitingRelease();
    const approval = (await approvalNode(release)).approval;
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Rejected', comment: 'needs another look', confirm: true });
      assert.strictEqual((await run<Operated>('rejectRelease', await approvalNode(release))).outcome, 'decided');
    });
    const failed = await stageNode(release, 'Approval');
    assert.strictEqual(
      (await failed.getTreeItem()).contextValue,
      'pipelineStage:Failed',
      'the menu offers Retry on it',
    );
    await withWindow(async (ui) => {
      ui.onMessage('Retry the failed actions of Approval?', 'Retry');
      const result = await run<Operated>('retryStage', failed);
      assert.strictEqual(result.outcome, 'done', result.message);
      assert.strictEqual(
        result.message,
        `Retrying stage Approval of ${RELEASE} (execution ${approval.pipelineExecutionId!.slice(0, 8)}).`,
      );
      assert.ok(told(ui, 'info').includes(result.message), 'the user is told');
      assert.ok(
        ui.messages
          .find((m) => m.message === 'Retry the failed actions of Approval?')
          ?.detail?.includes(approval.pipelineExecutionId!),
      );
    });
    const again = (await approvalNode(await waitingRelease())).approval;
    assert.strictEqual(again.pipelineExecutionId, approval.pipelineExecutionId);
    assert.notStrictEqual(again.token, approval.token, 'a fresh token');
  });

  it('explains that only the latest failed stage can be retried', async () => {
    const release = await waitingRelease();
    await withWindow(async (ui) => {
      ui.onMessage('Retry the failed actions of Approval?', 'Retry');
      const result = await run<Operated>('retryStage', await stageNode(release, 'Approval'));
      assert.strictEqual(result.outcome, 'refused');
      assert.match(result.message ?? '', /^CodePipeline refused: Stage Approval of execution .* cannot be retried/);
      assert.deepStrictEqual(told(ui, 'warning'), [result.message], 'shown as a warning');
    });
  });

  it('starts a new execution only after confirmation; it reaches the approval and supersedes the older wait', async () => {
    const release = await waitingRelease();
    const old = await approvalNode(release);
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onMessage(`Start a new execution of ${RELEASE}?`, undefined);
      assert.strictEqual((await run<Operated>('startPipelineExecution', release)).outcome, 'cancelled');
    });
    assert.deepStrictEqual(
      (await recordedRequests()).filter((r) => r.operation === 'StartPipelineExecution'),
      [],
      'nothing started',
    );
    const started = await withWindow(async (ui) => {
      ui.onMessage(`Start a new execution of ${RELEASE}?`, 'Start');
      const result = await run<Operated>('startPipelineExecution', release);
      assert.ok(told(ui, 'info').includes(result.message!), 'the user is told');
      return result;
    });
    assert.strictEqual(started.outcome, 'done');
    assert.match(started.message ?? '', /^Started execution [0-9a-f]{8} of abalone-cicd-pipeline\.$/);
    // The emulator's clock runs 1000× faster here: the new run passes Source and Build in well under a second.
    const fresh = await until(
      'the new execution to wait at the approval',
      async () => {
        await release.loadState();
        const a = release.approvals[0];
        return a && a.pipelineExecutionId === started.executionId ? a : undefined;
      },
      20_000,
    );
    assert.notStrictEqual(fresh.token, old.approval.token);
    await withWindow(async (ui) => {
      answerDecision(ui, { decision: 'Approved', comment: 'old', confirm: true });
      const decided = await run<Operated>('approveRelease', old);
      assert.strictEqual(decided.outcome, 'refused', 'the superseded wait is gone');
      assert.match(told(ui, 'warning')[0] ?? '', /is no longer waiting/);
    });
  });

  it('stops a running execution (abandon) after the user chose how', async () => {
    const wb = await host();
    const release = await waitingRelease();
    const executionId = release.approvals[0].pipelineExecutionId!;
    assert.match(
      String((await release.getTreeItem()).contextValue),
      /^resource:codePipeline:InProgress/,
      'the menu offers Stop on it',
    );
    const stopQuestion = `Stop execution ${executionId.slice(0, 8)} of ${RELEASE}?`;
    await withWindow(async (ui) => {
      ui.onMessage(stopQuestion, 'Stop and Abandon');
      const result = await run<Operated>('stopPipelineExecution', release);
      assert.strictEqual(result.outcome, 'done');
      // (The view's watch may also announce the state change, InProgress → Stopped.)
      assert.ok(
        told(ui, 'info').includes(
          `Stopping execution ${executionId.slice(0, 8)} of ${RELEASE} (abandoning running actions).`,
        ),
        told(ui, 'info').join(' | '),
      );
      assert.deepStrictEqual(ui.messages[0].items, ['Stop and Wait', 'Stop and Abandon']);
    });
    const stop = (await recordedRequests()).filter((r) => r.operation === 'StopPipelineExecution').at(-1);
    assert.deepStrictEqual(
      { ...(stop?.input as object), reason: undefined },
      { pipelineName: RELEASE, pipelineExecutionId: executionId, abandon: true, reason: undefined },
    );
    assert.deepStrictEqual(wb.views.pipelineWatch.find(RELEASE)?.approvals, []);
    await withWindow(async (ui) => {
      ui.onMessage(stopQuestion, 'Stop and Abandon');
      const again = await run<Operated>('stopPipelineExecution', release);
      assert.strictEqual(again.outcome, 'refused', 'a stopped execution cannot be stopped twice');
      assert.deepStrictEqual(told(ui, 'warning'), [again.message]);
    });
  });
});
