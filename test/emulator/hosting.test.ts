// Hosting in the emulator as the deploy, update and test commands see it: endpoints walk Creating ->
// InService (or Failed when the artefact is missing), updates switch configuration or roll back, and
// InvokeEndpoint answers with the seeded abalone model's deterministic predictions.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { advance, clientsFor, credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';
import { abaloneRings } from './services/sagemaker/inferenceModels';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const V4 = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/abalonepackagegroup/4';
const ROW = 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15';

describe('emulator hosting', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  let runtime: SageMakerRuntimeClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
    runtime = new SageMakerRuntimeClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterEach(async () => emulator.close());

  const deploy = async (name: string, container: sagemakerSdk.ContainerDefinition) => {
    await sagemaker.send(
      new sagemakerSdk.CreateModelCommand({ ModelName: name, PrimaryContainer: container, ExecutionRoleArn: ROLE }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateEndpointConfigCommand({
        EndpointConfigName: name,
        ProductionVariants: [
          { VariantName: 'AllTraffic', ModelName: name, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 },
        ],
      }),
    );
    await sagemaker.send(new sagemakerSdk.CreateEndpointCommand({ EndpointName: name, EndpointConfigName: name }));
  };
  const status = async (name: string) =>
    sagemaker.send(new sagemakerSdk.DescribeEndpointCommand({ EndpointName: name }));

  it('creates an endpoint from a registry version: Creating, then InService, then answers rings', async () => {
    await deploy('abalone-v4', { ModelPackageName: V4 });
    assert.equal((await status('abalone-v4')).EndpointStatus, 'Creating');
    await assert.rejects(
      runtime.send(new InvokeEndpointCommand({ EndpointName: 'abalone-v4', ContentType: 'text/csv', Body: ROW })),
      /not found/,
    );
    await advance(emulator.url, 1);
    const described = await status('abalone-v4');
    assert.equal(described.EndpointStatus, 'InService');
    assert.equal(described.ProductionVariants?.[0].CurrentInstanceCount, 1);
    const model = await sagemaker.send(new sagemakerSdk.DescribeModelCommand({ ModelName: 'abalone-v4' }));
    assert.match(
      model.PrimaryContainer?.ModelDataUrl ?? '',
      /AbalonePackageGroup\/v4\/model\/model\.tar\.gz$/,
      'the version resolved to its artefact',
    );
    const answer = await runtime.send(
      new InvokeEndpointCommand({ EndpointName: 'abalone-v4', ContentType: 'text/csv', Body: `${ROW}\n${ROW}` }),
    );
    assert.equal(
      Buffer.from(answer.Body!).toString('utf8'),
      `${abaloneRings(ROW.split(','))},${abaloneRings(ROW.split(','))}`,
      'XGBoost joins CSV predictions with commas',
    );
    assert.equal(answer.InvokedProductionVariant, 'AllTraffic');
  });

  it('fails a deployment whose model artefact is not in S3, with the reason in the endpoint and its log', async () => {
    await deploy('abalone-missing', {
      Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1',
      ModelDataUrl: 's3://sagemaker-us-east-1-123456789012/nowhere/model.tar.gz',
    });
    await advance(emulator.url, 1);
    const described = await status('abalone-missing');
    assert.equal(described.EndpointStatus, 'Failed');
    assert.match(
      described.FailureReason ?? '',
      /could not find model data at s3:\/\/sagemaker-us-east-1-123456789012\/nowhere\/model\.tar\.gz/,
    );
    const streams = [
      ...(emulator.world().logs.groups.get('/aws/sagemaker/Endpoints/abalone-missing')?.streams.values() ?? []),
    ];
    assert.match(streams[0]?.events.map((e) => e.message).join('\n') ?? '', /ERROR: Failed to download model data/);
  });

  it('updates to a new configuration, and rolls back to the old one when the new model cannot load', async () => {
    const addConfig = async (name: string, container: sagemakerSdk.ContainerDefinition) => {
      await sagemaker.send(
        new sagemakerSdk.CreateModelCommand({ ModelName: name, PrimaryContainer: container, ExecutionRoleArn: ROLE }),
      );
      await sagemaker.send(
        new sagemakerSdk.CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: [
            { VariantName: 'AllTraffic', ModelName: name, InstanceType: 'ml.m5.large', InitialInstanceCount: 2 },
          ],
        }),
      );
    };
    await addConfig('abalone-endpoint-v4', { ModelPackageName: V4 });
    await sagemaker.send(
      new sagemakerSdk.UpdateEndpointCommand({
        EndpointName: 'abalone-endpoint',
        EndpointConfigName: 'abalone-endpoint-v4',
      }),
    );
    const updating = await status('abalone-endpoint');
    assert.equal(updating.EndpointStatus, 'Updating');
    assert.equal(updating.EndpointConfigName, 'abalone-endpoint', 'serves the old configuration while updating');
    await assert.rejects(
      sagemaker.send(
        new sagemakerSdk.UpdateEndpointCommand({
          EndpointName: 'abalone-endpoint',
          EndpointConfigName: 'abalone-endpoint',
        }),
      ),
      /in-progress/,
    );
    await advance(emulator.url, 1);
    assert.equal((await status('abalone-endpoint')).EndpointConfigName, 'abalone-endpoint-v4');
    await addConfig('abalone-endpoint-broken', {
      Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1',
      ModelDataUrl: 's3://sagemaker-us-east-1-123456789012/gone/model.tar.gz',
    });
    await sagemaker.send(
      new sagemakerSdk.UpdateEndpointCommand({
        EndpointName: 'abalone-endpoint',
        EndpointConfigName: 'abalone-endpoint-broken',
      }),
    );
    await advance(emulator.url, 1);
    const rolledBack = await status('abalone-endpoint');
    assert.equal(rolledBack.EndpointStatus, 'InService');
    assert.equal(rolledBack.EndpointConfigName, 'abalone-endpoint-v4', 'kept the configuration that worked');
    assert.match(rolledBack.FailureReason ?? '', /could not find model data/);
  });

  it('answers a content type the container does not parse with ModelError 424', async () => {
    const error = await runtime
      .send(
        new InvokeEndpointCommand({ EndpointName: 'abalone-endpoint', ContentType: 'application/xml', Body: '<row/>' }),
      )
      .catch((e: unknown) => e);
    assert.equal((error as { name?: string }).name, 'ModelError');
    assert.equal((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 424);
    assert.match(String((error as Error).message), /Content type application\/xml is not supported/);
  });

  it('deploys an Autopilot candidate: its artefact exists once the candidate does', async () => {
    const candidates = await sagemaker.send(
      new sagemakerSdk.ListCandidatesForAutoMLJobCommand({ AutoMLJobName: 'abalone-v0', MaxResults: 1 }),
    );
    const container = candidates.Candidates?.[0].InferenceContainers?.[0];
    assert.ok(container?.ModelDataUrl);
    await deploy('abalone-candidate', {
      Image: container.Image,
      ModelDataUrl: container.ModelDataUrl,
      Environment: container.Environment,
    });
    await advance(emulator.url, 1);
    assert.equal((await status('abalone-candidate')).EndpointStatus, 'InService');
  });
});
