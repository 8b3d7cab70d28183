import * as assert from 'assert';
import {
  actionLink,
  latestExecutionStatus,
  pendingApprovals,
  type PipelineStateLike,
} from '../../../src/model/codePipelineState';
import { isAwsConsoleUrl } from '../../../src/model/consoleUrls';

const waiting: PipelineStateLike = {
  pipelineName: 'abalone-cicd-pipeline',
  stageStates: [
    {
      stageName: 'Source',
      latestExecution: { pipelineExecutionId: 'e2', status: 'Succeeded' },
      actionStates: [{ actionName: 'MainSource', latestExecution: { status: 'Succeeded' } }],
    },
    { stageName: 'Build', latestExecution: { pipelineExecutionId: 'e2', status: 'Succeeded' } },
    {
      stageName: 'Approval',
      latestExecution: { pipelineExecutionId: 'e2', status: 'InProgress' },
      actionStates: [
        {
          actionName: 'EvaluationApproval',
          latestExecution: { status: 'InProgress', token: 'tok-1', lastStatusChange: new Date(0) },
        },
      ],
    },
    // The Deploy stage last ran for an older execution.
    { stageName: 'Deploy', latestExecution: { pipelineExecutionId: 'e1', status: 'Succeeded' } },
  ],
};

describe('CodePipeline state', () => {
  it('finds the approval waiting for a person, with its token', () => {
    assert.deepStrictEqual(pendingApprovals(waiting), [
      {
        pipelineName: 'abalone-cicd-pipeline',
        stageName: 'Approval',
        actionName: 'EvaluationApproval',
        token: 'tok-1',
        pipelineExecutionId: 'e2',
        waitingSince: new Date(0),
        reviewUrl: undefined,
      },
    ]);
  });

  it('reports the newest execution, not what an older execution left in later stages', () => {
    assert.deepStrictEqual(latestExecutionStatus(waiting), {
      status: 'InProgress',
      executionId: 'e2',
      stageName: 'Approval',
    });
  });

  it('has no approval once the action is decided (no token) and no status before any execution', () => {
    const decided: PipelineStateLike = {
      stageStates: [
        {
          stageName: 'Approval',
          latestExecution: { pipelineExecutionId: 'e', status: 'Succeeded' },
          actionStates: [{ actionName: 'A', latestExecution: { status: 'Succeeded' } }],
        },
      ],
    };
    assert.deepStrictEqual(pendingApprovals(decided), []);
    assert.deepStrictEqual(latestExecutionStatus({ stageStates: [{ stageName: 'Source' }] }), {});
  });

  it('links an action to its run first, then its revision, then its resource, and only to AWS consoles', () => {
    assert.strictEqual(
      actionLink({
        entityUrl: 'https://e',
        revisionUrl: 'https://r',
        latestExecution: { externalExecutionUrl: 'https://x' },
      }),
      'https://x',
    );
    assert.strictEqual(actionLink({ entityUrl: 'https://e', revisionUrl: 'https://r' }), 'https://r');
    assert.strictEqual(actionLink({}), undefined);
    assert.ok(isAwsConsoleUrl('https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/p/build/b/log'));
    assert.ok(isAwsConsoleUrl('https://s3.console.aws.amazon.com/s3/object/bucket?prefix=k'));
    assert.ok(!isAwsConsoleUrl('https://aws.amazon.com.evil.example/'));
    assert.ok(!isAwsConsoleUrl('javascript:alert(1)'));
  });
});
