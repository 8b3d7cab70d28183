// SageMaker answers the emulator must give as the API reference documents them (issue 18): list
// defaults and filters, models described as created, pipelines and training images judged by what
// they hold, Autopilot inferring the problem type from the target column.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const BUCKET = 'sagemaker-us-east-1-123456789012';

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
  it('DescribeModel reports the InferenceExecutionConfig the model was created with', async () => {
    const xgboost = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1';
    const containers = [
      { ContainerHostname: 'abalone', Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v3/model/model.tar.gz` },
      { ContainerHostname: 'abalone-v4', Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v4/model/model.tar.gz` },
    ];
    await sagemaker.send(new sagemakerSdk.CreateModelCommand({ ModelName: 'direct', Containers: containers, InferenceExecutionConfig: { Mode: 'Direct' }, ExecutionRoleArn: ROLE }));
    await sagemaker.send(new sagemakerSdk.CreateModelCommand({ ModelName: 'serial-by-default', Containers: containers, ExecutionRoleArn: ROLE }));
    await sagemaker.send(new sagemakerSdk.CreateModelCommand({ ModelName: 'single', PrimaryContainer: containers[0], ExecutionRoleArn: ROLE }));
    const describe = (ModelName: string) => sagemaker.send(new sagemakerSdk.DescribeModelCommand({ ModelName }));
    assert.deepEqual((await describe('direct')).InferenceExecutionConfig, { Mode: 'Direct' });
    assert.deepEqual((await describe('serial-by-default')).InferenceExecutionConfig, { Mode: 'Serial' }, 'containers run as a serial pipeline unless told otherwise');
    assert.equal((await describe('single')).InferenceExecutionConfig, undefined);
  });
});
