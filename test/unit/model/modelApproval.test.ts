import * as assert from 'assert';
import {
  approvalCommentProblem,
  approvedLine,
  decisionConsequence,
  metricsHeadline,
  versionLabel,
} from '../../../src/model/modelApproval';

const v4 = {
  ModelPackageGroupName: 'AbalonePackageGroup',
  ModelPackageVersion: 4,
  ModelPackageArn: 'arn:4',
  ModelApprovalStatus: 'PendingManualApproval',
};
const v3 = {
  ModelPackageGroupName: 'AbalonePackageGroup',
  ModelPackageVersion: 3,
  ModelPackageArn: 'arn:3',
  ModelApprovalStatus: 'Approved',
};

describe('model approval texts', () => {
  it('labels a version by group and number', () => {
    assert.strictEqual(versionLabel(v4), 'AbalonePackageGroup v4');
    assert.strictEqual(versionLabel({}), ' v?');
  });

  it('puts at most four metrics in the headline, or says none were registered', () => {
    const metrics = ['mse', 'rmse', 'mae', 'r2', 'extra'].map((name, i) => ({
      family: 'regression',
      name,
      value: 1.23456 + i,
    }));
    assert.strictEqual(metricsHeadline(metrics), 'mse 1.235 · rmse 2.235 · mae 3.235 · r2 4.235');
    assert.strictEqual(metricsHeadline([]), 'no metrics registered');
    assert.strictEqual(metricsHeadline(undefined), 'no metrics registered');
  });

  it('names the currently approved version beside this one', () => {
    assert.strictEqual(approvedLine(v4, undefined, undefined), 'No version of the group is approved yet.');
    assert.strictEqual(approvedLine(v3, v3, undefined), 'This is the currently approved version.');
    assert.strictEqual(
      approvedLine(v4, v3, [{ family: 'regression', name: 'rmse', value: 1.4839 }]),
      'Currently approved: v3 — rmse 1.484',
    );
  });

  it('says what a decision means and requires a reason to reject', () => {
    assert.match(decisionConsequence('Approved'), /will pick it up/);
    assert.match(decisionConsequence('Rejected'), /will not use it/);
    assert.strictEqual(approvalCommentProblem('Rejected', '  '), 'A reason is required to reject a model version.');
    assert.strictEqual(approvalCommentProblem('Approved', ''), undefined);
    assert.strictEqual(approvalCommentProblem('Approved', 'x'.repeat(1025)), 'At most 1024 characters (1025 now).');
  });
});
