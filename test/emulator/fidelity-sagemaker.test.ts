// SageMaker answers the emulator must give as the API reference documents them (issue 18): list
// defaults and filters, models described as created, pipelines and training images judged by what
// they hold, Autopilot inferring the problem type from the target column.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

describe('emulator SageMaker fidelity', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  it('ListNotebookInstances sorts by Name, Ascending, when the request names no order', async () => {
    const out = await sagemaker.send(new sagemakerSdk.ListNotebookInstancesCommand({}));
    const names = (out.NotebookInstances ?? []).map((i) => i.NotebookInstanceName ?? '');
    assert.ok(names.length > 2, 'the seeded instances');
    assert.deepEqual(names, [...names].sort(), 'SortBy defaults to Name');
  });
  it('ListTrainingJobs takes MaxResults jobs first, then keeps those with StatusEquals: pages may be empty yet continue', async () => {
    // Newest first: the running job, the completed one, then the failed one (21 days old).
    const first = await sagemaker.send(new sagemakerSdk.ListTrainingJobsCommand({ StatusEquals: 'Failed', MaxResults: 2 }));
    assert.deepEqual(first.TrainingJobSummaries, [], 'neither of the two newest jobs failed');
    assert.ok(first.NextToken, 'more jobs to look at');
    const second = await sagemaker.send(new sagemakerSdk.ListTrainingJobsCommand({ StatusEquals: 'Failed', MaxResults: 2, NextToken: first.NextToken }));
    assert.deepEqual(second.TrainingJobSummaries?.map((j) => j.TrainingJobName), ['abalone-autogluon-2021-07-04-16-40-02-815']);
    const named = await sagemaker.send(new sagemakerSdk.ListTrainingJobsCommand({ NameContains: 'autogluon', MaxResults: 2 }));
    assert.equal(named.TrainingJobSummaries?.length, 2, 'NameContains filters before the page is cut');
  });
});
