import * as assert from 'assert';
import { runningTrainingJobs } from '../../../src/aws/sagemaker/runningResourcesApi';
import { clientsAnswering } from './fakeSageMaker';

const started = new Date('2026-11-28T09:00:00Z');
const sweepJob = (n: number) => ({
  TrainingJobName: `sweep-running-${n}`,
  ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 2 },
  EnableManagedSpotTraining: n === 2,
  TrainingStartTime: started,
});

describe('Running resources API: training jobs in progress', () => {
  it('finds them with Search pages filtered to InProgress, with no describe per job', async () => {
    const { clients, sent } = clientsAnswering([
      { Results: [{ TrainingJob: sweepJob(1) }], NextToken: 'page-2' },
      { Results: [{ TrainingJob: sweepJob(2) }] },
    ]);
    const rows = await runningTrainingJobs(clients);
    assert.deepStrictEqual(
      rows.map((r) => [r.name, r.instanceType, r.count, r.spot, r.since]),
      [
        ['sweep-running-1', 'ml.m5.xlarge', 2, false, started],
        ['sweep-running-2', 'ml.m5.xlarge', 2, true, started],
      ],
    );
    assert.deepStrictEqual(
      sent.map((s) => [s.name, s.input.Resource, s.input.NextToken]),
      [
        ['SearchCommand', 'TrainingJob', undefined],
        ['SearchCommand', 'TrainingJob', 'page-2'],
      ],
    );
    assert.deepStrictEqual(sent[0].input.SearchExpression, {
      Filters: [{ Name: 'TrainingJobStatus', Operator: 'Equals', Value: 'InProgress' }],
    });
  });

  it('falls back to the list and a describe per running job when Search is not allowed', async () => {
    const denied = Object.assign(new Error('not authorized to perform: sagemaker:Search'), {
      name: 'AccessDeniedException',
    });
    const { clients, sent } = clientsAnswering([
      denied,
      { TrainingJobSummaries: [{ TrainingJobName: 'sweep-running-1', CreationTime: started }] },
      sweepJob(1),
    ]);
    const rows = await runningTrainingJobs(clients);
    assert.deepStrictEqual(
      rows.map((r) => [r.name, r.instanceType, r.count]),
      [['sweep-running-1', 'ml.m5.xlarge', 2]],
    );
    assert.deepStrictEqual(
      sent.map((s) => s.name),
      ['SearchCommand', 'ListTrainingJobsCommand', 'DescribeTrainingJobCommand'],
    );
    assert.strictEqual(sent[1].input.StatusEquals, 'InProgress');
  });

  it('passes on any other error (throttling is not a reason to read the whole history)', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { clients, sent } = clientsAnswering([throttled]);
    await assert.rejects(runningTrainingJobs(clients), /Rate exceeded/);
    assert.strictEqual(sent.length, 1);
  });
});
