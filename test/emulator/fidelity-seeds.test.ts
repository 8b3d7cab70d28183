// Where the seeds show AWS answering and the emulator answered otherwise (issue 18, seed flows):
// Autopilot metric values are float32 values as AWS reports them (seed 003's 0.292638897895813), and a
// deployed Autopilot classification candidate answers class labels, not a regression value.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { advance, clientsFor, credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const JOB = 'abalone-2021-07-05-17-07-15-994';

describe('emulator answers as the seeds show AWS answering', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  it('Autopilot objective values are float32 values, as seed 003 prints them', async () => {
    const out = await sagemaker.send(
      new sagemakerSdk.ListCandidatesForAutoMLJobCommand({
        AutoMLJobName: JOB,
        SortBy: 'FinalObjectiveMetricValue',
        SortOrder: 'Descending',
        MaxResults: 100,
      }),
    );
    const values = (out.Candidates ?? []).map((c) => c.FinalAutoMLJobObjectiveMetric?.Value ?? NaN);
    assert.equal(values[0], 0.292638897895813, "the seed's best candidate");
    assert.deepEqual(
      values.filter((v) => Math.fround(v) !== v),
      [],
      'no value a float32 metric cannot be (such as 0.28902740000000005)',
    );
  });

  it('a deployed Autopilot multiclass candidate answers a class label per CSV row', async () => {
    const best = (await sagemaker.send(new sagemakerSdk.DescribeAutoMLJobCommand({ AutoMLJobName: JOB })))
      .BestCandidate;
    assert.ok(best?.InferenceContainers);
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({
        ModelName: best.CandidateName,
        Containers: best.InferenceContainers,
        ExecutionRoleArn: ROLE,
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateEndpointConfigCommand({
        EndpointConfigName: 'abalone-2021-07-05-17-07-15',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: best.CandidateName,
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.xlarge',
          },
        ],
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateEndpointCommand({
        EndpointName: 'abalone-2021-07-05-17-07-15',
        EndpointConfigName: 'abalone-2021-07-05-17-07-15',
      }),
    );
    await advance(emulator.url, 900);
    const runtime = new SageMakerRuntimeClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    const out = await runtime.send(
      new InvokeEndpointCommand({
        EndpointName: 'abalone-2021-07-05-17-07-15',
        ContentType: 'text/csv',
        Body: 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15\nF,0.53,0.42,0.135,0.677,0.2565,0.1415,0.21',
      }),
    );
    const labels = Buffer.from(out.Body ?? [])
      .toString('utf8')
      .split('\n');
    assert.equal(labels.length, 2);
    for (const label of labels)
      assert.match(label, /^[1-9]\d*$/, 'rings as the class label the job was trained to predict');
    assert.equal(out.ContentType, 'text/csv');
  });
});
