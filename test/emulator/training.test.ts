// Training jobs in the emulator as the start-training wizard and the job panel see them: the log grows
// while the job trains, metric definitions pull values out of it, the last values become the final
// metrics, and spot settings are checked the way SageMaker checks them.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { advance, clientsFor, credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const BUCKET = 'sagemaker-us-east-1-123456789012';
const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';

function request(
  name: string,
  extra: Partial<sagemakerSdk.CreateTrainingJobRequest> = {},
): sagemakerSdk.CreateTrainingJobRequest {
  return {
    TrainingJobName: name,
    AlgorithmSpecification: {
      TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
      TrainingInputMode: 'File',
      MetricDefinitions: [{ Name: 'validation:accuracy', Regex: '([0-9.]+)\\s+= Validation score' }],
    },
    RoleArn: ROLE,
    HyperParameters: { label: 'rings' },
    InputDataConfig: [
      {
        ChannelName: 'training',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/${DONE}/input/training.csv` } },
      },
    ],
    OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/wizard-runs` },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 20 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...extra,
  };
}

describe('emulator training jobs', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  let logs: CloudWatchLogsClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
    logs = new CloudWatchLogsClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterEach(async () => emulator.close());

  const logLines = async (name: string) =>
    (
      (
        await logs.send(
          new FilterLogEventsCommand({ logGroupName: '/aws/sagemaker/TrainingJobs', logStreamNamePrefix: `${name}/` }),
        )
      ).events ?? []
    ).map((e) => e.message ?? '');

  it('prints validation scores while training and reports the last one as the final metric', async () => {
    await sagemaker.send(new sagemakerSdk.CreateTrainingJobCommand(request('abalone-autogluon-wizard')));
    // Starting 120 s + Downloading 60 s, then half of the 900 s of training.
    await advance(emulator.url, 0.18 + 0.45);
    const midway = await sagemaker.send(
      new sagemakerSdk.DescribeTrainingJobCommand({ TrainingJobName: 'abalone-autogluon-wizard' }),
    );
    assert.equal(midway.SecondaryStatus, 'Training');
    const early = (await logLines('abalone-autogluon-wizard')).filter((l) => l.includes('= Validation score'));
    assert.ok(early.length > 3 && early.length < 14, `some of the 14 models fitted so far (${early.length})`);
    await advance(emulator.url, 1);
    const done = await sagemaker.send(
      new sagemakerSdk.DescribeTrainingJobCommand({ TrainingJobName: 'abalone-autogluon-wizard' }),
    );
    assert.equal(done.TrainingJobStatus, 'Completed');
    assert.deepEqual(
      done.FinalMetricDataList?.map((m) => [m.MetricName, m.Value]),
      [['validation:accuracy', 0.307229]],
      'WeightedEnsemble_L2 is fitted last',
    );
    assert.deepEqual(
      done.AlgorithmSpecification?.MetricDefinitions?.map((d) => d.Name),
      ['validation:accuracy'],
    );
    const all = await logLines('abalone-autogluon-wizard');
    assert.equal(all.filter((l) => l.includes('= Validation score')).length, 14);
    assert.equal(all.at(-1), 'Training complete. Saving model artifacts to /opt/ml/model');
  });

  it('checks spot settings as SageMaker does and bills spot jobs for a fraction of the time', async () => {
    await assert.rejects(
      sagemaker.send(
        new sagemakerSdk.CreateTrainingJobCommand(request('spot-no-wait', { EnableManagedSpotTraining: true })),
      ),
      /MaxWaitTimeInSeconds must be specified/,
    );
    await assert.rejects(
      sagemaker.send(
        new sagemakerSdk.CreateTrainingJobCommand(
          request('spot-short-wait', {
            EnableManagedSpotTraining: true,
            StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 60 },
          }),
        ),
      ),
      /greater than or equal to MaxRuntimeInSeconds \(3600\)/,
    );
    await sagemaker.send(
      new sagemakerSdk.CreateTrainingJobCommand(
        request('spot-ok', {
          EnableManagedSpotTraining: true,
          StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
          CheckpointConfig: { S3Uri: `s3://${BUCKET}/checkpoints/spot-ok` },
        }),
      ),
    );
    await advance(emulator.url, 2);
    const job = await sagemaker.send(new sagemakerSdk.DescribeTrainingJobCommand({ TrainingJobName: 'spot-ok' }));
    assert.equal(job.EnableManagedSpotTraining, true);
    assert.equal(job.CheckpointConfig?.S3Uri, `s3://${BUCKET}/checkpoints/spot-ok`);
    assert.ok(
      job.BillableTimeInSeconds! < job.TrainingTimeInSeconds!,
      `billed ${job.BillableTimeInSeconds} of ${job.TrainingTimeInSeconds} s`,
    );
  });

  it('ends the log of a stopped job with SIGTERM and writes nothing after it', async () => {
    await sagemaker.send(new sagemakerSdk.CreateTrainingJobCommand(request('stopped-early')));
    await advance(emulator.url, 0.4);
    await sagemaker.send(new sagemakerSdk.StopTrainingJobCommand({ TrainingJobName: 'stopped-early' }));
    await advance(emulator.url, 2);
    const lines = await logLines('stopped-early');
    assert.equal(lines.at(-1), 'Received SIGTERM, stopping');
    assert.ok(lines.filter((l) => l.includes('= Validation score')).length < 14);
  });
});
