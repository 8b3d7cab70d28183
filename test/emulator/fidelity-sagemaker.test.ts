// SageMaker answers the emulator must give as the API reference documents them (issue 18): list
// defaults and filters, models described as created, pipelines and training images judged by what
// they hold, Autopilot inferring the problem type from the target column.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { advance, clientsFor, credentials, emulatorForTest } from './support';
import { buildModelArchive } from './services/sagemaker/modelArchives';
import type { RunningEmulator } from './index';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const BUCKET = 'sagemaker-us-east-1-123456789012';

/** Names of the files in a model.tar.gz. */
function tarNames(archive: Buffer): string[] {
  const tar = gunzipSync(archive);
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    names.push(
      tar
        .subarray(at, at + 100)
        .toString('utf8')
        .replace(/\0.*$/s, ''),
    );
    at +=
      512 +
      Math.ceil(
        parseInt(
          tar
            .subarray(at + 124, at + 136)
            .toString('utf8')
            .replace(/\0.*$/s, '')
            .trim(),
          8,
        ) / 512,
      ) *
        512;
  }
  return names;
}

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
    const first = await sagemaker.send(
      new sagemakerSdk.ListTrainingJobsCommand({ StatusEquals: 'Failed', MaxResults: 2 }),
    );
    assert.deepEqual(first.TrainingJobSummaries, [], 'neither of the two newest jobs failed');
    assert.ok(first.NextToken, 'more jobs to look at');
    const second = await sagemaker.send(
      new sagemakerSdk.ListTrainingJobsCommand({ StatusEquals: 'Failed', MaxResults: 2, NextToken: first.NextToken }),
    );
    assert.deepEqual(
      second.TrainingJobSummaries?.map((j) => j.TrainingJobName),
      ['abalone-autogluon-2021-07-04-16-40-02-815'],
    );
    const named = await sagemaker.send(
      new sagemakerSdk.ListTrainingJobsCommand({ NameContains: 'autogluon', MaxResults: 2 }),
    );
    assert.equal(named.TrainingJobSummaries?.length, 2, 'NameContains filters before the page is cut');
  });
  it('DescribeModel reports the InferenceExecutionConfig the model was created with', async () => {
    const xgboost = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1';
    const containers = [
      {
        ContainerHostname: 'abalone',
        Image: xgboost,
        ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v3/model/model.tar.gz`,
      },
      {
        ContainerHostname: 'abalone-v4',
        Image: xgboost,
        ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v4/model/model.tar.gz`,
      },
    ];
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({
        ModelName: 'direct',
        Containers: containers,
        InferenceExecutionConfig: { Mode: 'Direct' },
        ExecutionRoleArn: ROLE,
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({
        ModelName: 'serial-by-default',
        Containers: containers,
        ExecutionRoleArn: ROLE,
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({
        ModelName: 'single',
        PrimaryContainer: containers[0],
        ExecutionRoleArn: ROLE,
      }),
    );
    const describe = (ModelName: string) => sagemaker.send(new sagemakerSdk.DescribeModelCommand({ ModelName }));
    assert.deepEqual((await describe('direct')).InferenceExecutionConfig, { Mode: 'Direct' });
    assert.deepEqual(
      (await describe('serial-by-default')).InferenceExecutionConfig,
      { Mode: 'Serial' },
      'containers run as a serial pipeline unless told otherwise',
    );
    assert.equal((await describe('single')).InferenceExecutionConfig, undefined);
  });
  it("answers the car-evaluation inference pipeline of seed 004 with the post-processor's class labels", async () => {
    const runtime = new SageMakerRuntimeClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    const { s3 } = clientsFor(emulator.url);
    const bucket = 'sagemaker-glue-process-123456789012-us-east-1';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // What the seed's Glue job writes: MLeap bundles re-archived as tar.gz (the post-processor is an IndexToString).
    const bundle = (op: string, attributes: Record<string, unknown>) =>
      buildModelArchive([
        ['bundle.json', JSON.stringify({ uid: `${op}-1`, name: op, format: 'json', version: '0.9.6' })],
        ['root/model.json', JSON.stringify({ op, attributes })],
        ['root/node.json', JSON.stringify({ name: op, shape: {} })],
      ]);
    const labels = { labels: { type: { type: 'list', base: 'string' }, value: ['unacc', 'acc', 'good', 'vgood'] } };
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'model/model.tar.gz', Body: await bundle('pipeline', {}) }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'model/postprocess.tar.gz',
        Body: await bundle('index_to_string', labels),
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'xgb/xgboost-cars-k3v9x2qa/output/model.tar.gz',
        Body: await buildModelArchive([['xgboost-model', 'booster']]),
      }),
    );
    const sparkml = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sparkml-serving:2.2';
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({
        ModelName: 'pipeline-car-evaluation',
        ExecutionRoleArn: ROLE,
        Containers: [
          {
            Image: sparkml,
            ModelDataUrl: `s3://${bucket}/model/model.tar.gz`,
            Environment: {
              SAGEMAKER_SPARKML_SCHEMA: JSON.stringify({
                input: ['buying', 'maint', 'doors', 'persons', 'lug_boot', 'safety'].map((name) => ({
                  type: 'string',
                  name,
                })),
                output: { type: 'double', name: 'features', struct: 'vector' },
              }),
            },
          },
          {
            Image: '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest',
            ModelDataUrl: `s3://${bucket}/xgb/xgboost-cars-k3v9x2qa/output/model.tar.gz`,
          },
          {
            Image: sparkml,
            ModelDataUrl: `s3://${bucket}/model/postprocess.tar.gz`,
            Environment: {
              SAGEMAKER_SPARKML_SCHEMA: JSON.stringify({
                input: [{ type: 'double', name: 'label' }],
                output: { type: 'string', name: 'cat' },
              }),
            },
          },
        ],
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateEndpointConfigCommand({
        EndpointConfigName: 'pipeline-car-evaluation',
        ProductionVariants: [
          {
            VariantName: 'DefaultVariant',
            ModelName: 'pipeline-car-evaluation',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m4.xlarge',
          },
        ],
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateEndpointCommand({
        EndpointName: 'pipeline-car-evaluation',
        EndpointConfigName: 'pipeline-car-evaluation',
      }),
    );
    await advance(emulator.url, 1);
    const ask = async (row: string) =>
      Buffer.from(
        (
          await runtime.send(
            new InvokeEndpointCommand({ EndpointName: 'pipeline-car-evaluation', ContentType: 'text/csv', Body: row }),
          )
        ).Body!,
      ).toString('utf8');
    const rows = [
      'low,low,5more,more,big,high',
      'vhigh,vhigh,2,2,small,low',
      'med,low,4,4,med,high',
      'high,med,3,more,big,med',
    ];
    const answers = await Promise.all(rows.map(ask));
    for (const answer of answers)
      assert.ok(['unacc', 'acc', 'good', 'vgood'].includes(answer), `a class label, not ${answer}`);
    assert.deepEqual(await Promise.all(rows.map(ask)), answers, 'the same row gets the same label');
    const abalone = await runtime.send(
      new InvokeEndpointCommand({
        EndpointName: 'abalone-inference-pipeline-endpoint',
        ContentType: 'text/csv',
        Body: 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15',
      }),
    );
    assert.ok(Number(Buffer.from(abalone.Body!).toString('utf8')) > 1.5, 'the abalone pipeline still answers an age');
  });
  it('trains AutoGluon when the image is one it knows to be AutoGluon (ECR records, AWS DLCs), not by its name', async () => {
    const { s3 } = clientsFor(emulator.url);
    const train = async (name: string, image: string) => {
      await sagemaker.send(
        new sagemakerSdk.CreateTrainingJobCommand({
          TrainingJobName: name,
          AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
          RoleArn: ROLE,
          HyperParameters: { label: 'rings' },
          InputDataConfig: [
            {
              ChannelName: 'training',
              DataSource: {
                S3DataSource: {
                  S3DataType: 'S3Prefix',
                  S3Uri: `s3://${BUCKET}/abalone-autogluon-2021-07-05-18-03-21-457/input/training.csv`,
                },
              },
            },
          ],
          OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/images` },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 20 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        }),
      );
    };
    // Seed 003's image from `sm-docker build` in Studio, an AWS AutoGluon DLC, and the seed's TensorFlow serving image.
    await train(
      'studio-image',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-studio-d-abcdefghijkl:default-1625508201457',
    );
    await train(
      'aws-dlc',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:0.3.1-cpu-py37-ubuntu18.04',
    );
    await train('tensorflow-serve', '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-cicd-pipeline-serve:v3');
    await advance(emulator.url, 2);
    const files = async (name: string) => {
      const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `images/${name}/output/model.tar.gz` }));
      return tarNames(Buffer.from(await object.Body!.transformToByteArray()));
    };
    assert.ok(
      (await files('studio-image')).includes('Leaderboard.csv'),
      'the Studio image is built FROM the AutoGluon DLC',
    );
    assert.ok((await files('aws-dlc')).includes('Leaderboard.csv'));
    assert.ok(!(await files('tensorflow-serve')).includes('Leaderboard.csv'), 'a TensorFlow serving image');
  });
  it('Autopilot infers the problem type from the target column when none is given, with its default objective', async () => {
    const { s3 } = clientsFor(emulator.url);
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'churn/input/churn.csv',
        Body: 'tenure,plan,churned\n3,basic,yes\n40,pro,no\n12,basic,no\n1,basic,yes\n',
      }),
    );
    const v1 = async (name: string, prefix: string, target: string) => {
      await sagemaker.send(
        new sagemakerSdk.CreateAutoMLJobCommand({
          AutoMLJobName: name,
          InputDataConfig: [
            {
              DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/${prefix}` } },
              TargetAttributeName: target,
            },
          ],
          OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/${name}/output` },
          RoleArn: ROLE,
        }),
      );
      return sagemaker.send(new sagemakerSdk.DescribeAutoMLJobCommand({ AutoMLJobName: name }));
    };
    // Seed 003: abalone's integer `rings` is MulticlassClassification, judged by Accuracy.
    const rings = await v1('abalone-auto', 'abalone-v1/input', 'rings');
    assert.equal(rings.ResolvedAttributes?.ProblemType, 'MulticlassClassification');
    assert.equal(rings.ResolvedAttributes?.AutoMLJobObjective?.MetricName, 'Accuracy');
    assert.equal(rings.ProblemType, undefined, 'the request named no problem type');
    const churn = await v1('churn-auto', 'churn/input', 'churned');
    assert.deepEqual(
      [churn.ResolvedAttributes?.ProblemType, churn.ResolvedAttributes?.AutoMLJobObjective?.MetricName],
      ['BinaryClassification', 'F1'],
    );
    const weight = await v1('weight-auto', 'abalone-v1/input', 'shell_weight');
    assert.deepEqual(
      [weight.ResolvedAttributes?.ProblemType, weight.ResolvedAttributes?.AutoMLJobObjective?.MetricName],
      ['Regression', 'MSE'],
    );
    await sagemaker.send(
      new sagemakerSdk.CreateAutoMLJobV2Command({
        AutoMLJobName: 'abalone-auto-v2',
        AutoMLJobInputDataConfig: [
          {
            ChannelType: 'training',
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/abalone-v1/input` } },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/abalone-auto-v2/output` },
        AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'rings' } },
        RoleArn: ROLE,
      }),
    );
    const v2 = await sagemaker.send(new sagemakerSdk.DescribeAutoMLJobV2Command({ AutoMLJobName: 'abalone-auto-v2' }));
    assert.equal(
      v2.ResolvedAttributes?.AutoMLProblemTypeResolvedAttributes?.TabularResolvedAttributes?.ProblemType,
      'MulticlassClassification',
    );
    assert.equal(v2.ResolvedAttributes?.AutoMLJobObjective?.MetricName, 'Accuracy');
    assert.equal(v2.AutoMLProblemTypeConfig?.TabularJobConfig?.ProblemType, undefined, 'the configuration as given');
  });
});
