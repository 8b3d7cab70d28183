import * as assert from 'assert';
import type { PendingApproval } from '../../../src/model/codePipelineState';
import {
  approvalCommentProblem,
  approvalConfirmation,
  decidedMessage,
  evidenceLine,
  shortExecutionId,
  staleApprovalMessage,
} from '../../../src/model/releaseApproval';

const approval: PendingApproval = {
  pipelineName: 'abalone-cicd-pipeline',
  stageName: 'Approval',
  actionName: 'EvaluationApproval',
  token: 'tok-1',
  pipelineExecutionId: '0123456789abcdef',
  waitingSince: new Date('2024-01-01T10:00:00Z'),
};
const report = {
  metrics: [
    { name: 'rmse', value: 1.4838999769750487, computed: false },
    { name: 'mse', value: 2.20195914166655, computed: false },
  ],
};

describe('Release approval', () => {
  it('requires a reason to reject, none to approve, and at most 512 characters', () => {
    assert.strictEqual(approvalCommentProblem('Approved', ''), undefined);
    assert.strictEqual(approvalCommentProblem('Rejected', '  '), 'A reason is required to reject a release.');
    assert.strictEqual(approvalCommentProblem('Rejected', 'RMSE too high'), undefined);
    assert.strictEqual(approvalCommentProblem('Approved', 'x'.repeat(512)), undefined);
    assert.strictEqual(
      approvalCommentProblem('Approved', 'x'.repeat(513)),
      'CodePipeline keeps at most 512 characters (513 now).',
    );
  });

  it('names the evidence: the metrics and where they were read, none, or why not', () => {
    assert.strictEqual(
      evidenceLine({ location: 's3://b/e/evaluation.json', report }),
      'Evaluation (s3://b/e/evaluation.json): rmse 1.484 · mse 2.202',
    );
    assert.strictEqual(evidenceLine({}), 'Evaluation report: none found for this execution');
    assert.strictEqual(
      evidenceLine({ error: 'Access Denied' }),
      'Evaluation report: could not be read (Access Denied)',
    );
  });

  it('asks a confirmation naming pipeline, stage, action, execution, evidence, comment and what follows', () => {
    const now = new Date('2024-01-01T12:00:00Z');
    const c = approvalConfirmation(approval, 'Approved', { location: 's3://b/k', report }, 'looks good', now);
    assert.strictEqual(c.question, 'Approve the release of abalone-cicd-pipeline?');
    assert.strictEqual(c.action, 'Approve');
    assert.deepStrictEqual(c.detail.split('\n'), [
      'Pipeline: abalone-cicd-pipeline',
      'Stage: Approval · action: EvaluationApproval',
      'Execution: 0123456789abcdef (waiting since 2h ago)',
      'Evaluation (s3://b/k): rmse 1.484 · mse 2.202',
      'Comment: looks good',
      'The stages after the approval (Deploy) run next.',
    ]);
    const r = approvalConfirmation(
      { ...approval, pipelineExecutionId: undefined, waitingSince: undefined },
      'Rejected',
      {},
      'no',
      now,
    );
    assert.strictEqual(r.action, 'Reject');
    assert.match(r.detail, /^Execution: unknown$/m);
    assert.match(r.detail, /The execution stops here; its later stages do not run\.$/);
  });

  it('tells what happened with the short execution id', () => {
    assert.strictEqual(shortExecutionId(undefined), 'unknown execution');
    assert.strictEqual(
      decidedMessage(approval, 'Approved'),
      'Approved abalone-cicd-pipeline (execution 01234567): the Deploy stage runs next.',
    );
    assert.strictEqual(decidedMessage(approval, 'Rejected'), 'Rejected abalone-cicd-pipeline (execution 01234567).');
    assert.match(
      staleApprovalMessage(approval),
      /^This approval of abalone-cicd-pipeline \(execution 01234567\) is no longer waiting/,
    );
  });
});
