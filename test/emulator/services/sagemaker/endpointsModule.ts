// SageMaker hosting as the seeds use it: models, endpoint configurations and endpoints (the
// abalone XGBoost endpoint, the CMAPSS XGBoost endpoint of seed 002, the fraud-detection linear
// learner of seed 000, the three-container inference pipeline of seed 004, and one that failed).
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { filterAndSort, page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import { gzipSync } from 'node:zlib';
import { DEFAULT_REGION, parseS3Uri, type World } from '../world';
import { deploymentHandlers, settleDeployments } from './endpointDeployments';
import { invocationHandlers } from './endpointInvocations';

export interface Model {
  name: string;
  arn: string;
  containers: Array<{
    Image: string;
    ModelDataUrl?: string;
    ContainerHostname?: string;
    Environment?: Record<string, string>;
    ModelPackageName?: string;
  }>;
  roleArn: string;
  creationTime: Date;
  /** How several containers are called, as given to CreateModel. */
  inferenceExecutionMode?: 'Serial' | 'Direct';
}

/** Several containers run as a serial pipeline unless the model says Direct, as AWS defaults them. */
export function executionMode(model: Model): 'Serial' | 'Direct' | undefined {
  return model.inferenceExecutionMode ?? (model.containers.length > 1 ? 'Serial' : undefined);
}

export interface Variant {
  VariantName: string;
  ModelName: string;
  InitialVariantWeight: number;
  InitialInstanceCount?: number;
  InstanceType?: string;
  ServerlessConfig?: { MemorySizeInMB: number; MaxConcurrency: number };
}

export interface EndpointConfig {
  name: string;
  arn: string;
  variants: Variant[];
  /** Shadow variants get a copy of the traffic; their answers are logged, never returned. */
  shadowVariants?: Variant[];
  dataCapture?: Record<string, unknown>;
  creationTime: Date;
}

export type EndpointStatus = 'InService' | 'Failed' | 'Creating' | 'Updating';

export interface Endpoint {
  name: string;
  arn: string;
  /** The configuration the endpoint serves now (an update switches it once it completes). */
  configName: string;
  /** Status once any deployment under way has settled; `currentStatus` tells the live one. */
  status: EndpointStatus;
  failureReason?: string;
  creationTime: Date;
  lastModifiedTime: Date;
  /** A CreateEndpoint or UpdateEndpoint under way; applied (and cleared) by the hosting settler. */
  deployment?: { kind: 'Creating' | 'Updating'; since: number; targetConfig: string; failureReason?: string };
}

export interface Hosting {
  models: Map<string, Model>;
  configs: Map<string, EndpointConfig>;
  endpoints: Map<string, Endpoint>;
}

export function hosting(world: World): Hosting {
  return world.state('sagemaker.hosting', () => ({ models: new Map(), configs: new Map(), endpoints: new Map() }));
}

function readHandlers(world: World): Record<string, OperationHandler> {
  const h = hosting(world);
  const config = (name: string) => {
    const found = h.configs.get(name);
    if (!found) throw new AwsError('ValidationException', `Could not find endpoint configuration "${name}".`);
    return found;
  };
  const summary = (v: Variant) => ({
    VariantName: v.VariantName,
    DeployedImages: (h.models.get(v.ModelName)?.containers ?? []).map((container) => ({
      SpecifiedImage: container.Image,
      ResolvedImage: `${container.Image.split(':')[0]}@sha256:${'4f2c'.repeat(16)}`,
      ResolutionTime: h.models.get(v.ModelName)?.creationTime,
    })),
    CurrentWeight: v.InitialVariantWeight,
    DesiredWeight: v.InitialVariantWeight,
    CurrentInstanceCount: v.ServerlessConfig ? undefined : v.InitialInstanceCount,
    DesiredInstanceCount: v.ServerlessConfig ? undefined : v.InitialInstanceCount,
    CurrentServerlessConfig: v.ServerlessConfig,
    DesiredServerlessConfig: v.ServerlessConfig,
  });
  return {
    ListEndpoints: (input) => {
      const sorted = filterAndSort([...h.endpoints.values()], input, (e) => ({
        name: e.name,
        status: e.deployment?.kind ?? e.status,
        creationTime: e.creationTime,
      }));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        Endpoints: items.map((e) => ({
          EndpointName: e.name,
          EndpointArn: e.arn,
          CreationTime: e.creationTime,
          LastModifiedTime: e.lastModifiedTime,
          EndpointStatus: e.deployment?.kind ?? e.status,
        })),
        NextToken,
      };
    },
    DescribeEndpoint: (input) => {
      const e = h.endpoints.get(input.EndpointName);
      if (!e) throw new AwsError('ValidationException', `Could not find endpoint "${input.EndpointName}".`);
      const c = config(e.configName);
      return {
        EndpointName: e.name,
        EndpointArn: e.arn,
        EndpointConfigName: e.configName,
        ProductionVariants:
          e.status === 'Failed' || e.deployment?.kind === 'Creating' ? undefined : c.variants.map(summary),
        ShadowProductionVariants:
          e.status === 'Failed' || e.deployment?.kind === 'Creating' || !c.shadowVariants
            ? undefined
            : c.shadowVariants.map(summary),
        DataCaptureConfig: c.dataCapture
          ? {
              EnableCapture: c.dataCapture.EnableCapture ?? true,
              CaptureStatus: 'Started',
              CurrentSamplingPercentage: c.dataCapture.InitialSamplingPercentage,
              DestinationS3Uri: c.dataCapture.DestinationS3Uri,
              KmsKeyId: c.dataCapture.KmsKeyId ?? '',
            }
          : undefined,
        EndpointStatus: e.deployment?.kind ?? e.status,
        FailureReason: e.failureReason,
        CreationTime: e.creationTime,
        LastModifiedTime: e.lastModifiedTime,
      };
    },
    DeleteEndpoint: (input) => {
      const e = h.endpoints.get(input.EndpointName);
      if (!e) throw new AwsError('ValidationException', `Could not find endpoint "${input.EndpointName}".`);
      if (e.deployment)
        throw new AwsError(
          'ValidationException',
          `Cannot delete endpoint "${e.name}" while it is ${e.deployment.kind}.`,
        );
      h.endpoints.delete(e.name);
      return {};
    },
    DeleteEndpointConfig: (input) => {
      config(input.EndpointConfigName);
      h.configs.delete(input.EndpointConfigName);
      return {};
    },
    DeleteModel: (input) => {
      if (!h.models.delete(input.ModelName))
        throw new AwsError('ValidationException', `Could not find model "${input.ModelName}".`);
      return {};
    },
    ListEndpointConfigs: (input) => {
      const sorted = filterAndSort([...h.configs.values()], input, (c) => ({
        name: c.name,
        creationTime: c.creationTime,
      }));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        EndpointConfigs: items.map((c) => ({
          EndpointConfigName: c.name,
          EndpointConfigArn: c.arn,
          CreationTime: c.creationTime,
        })),
        NextToken,
      };
    },
    DescribeEndpointConfig: (input) => {
      const c = config(input.EndpointConfigName);
      return {
        EndpointConfigName: c.name,
        EndpointConfigArn: c.arn,
        ProductionVariants: c.variants,
        ShadowProductionVariants: c.shadowVariants,
        DataCaptureConfig: c.dataCapture,
        CreationTime: c.creationTime,
      };
    },
    ListModels: (input) => {
      const sorted = filterAndSort([...h.models.values()], input, (m) => ({
        name: m.name,
        creationTime: m.creationTime,
      }));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        Models: items.map((m) => ({ ModelName: m.name, ModelArn: m.arn, CreationTime: m.creationTime })),
        NextToken,
      };
    },
    DescribeModel: (input) => {
      const m = h.models.get(input.ModelName);
      if (!m) throw new AwsError('ValidationException', `Could not find model "${input.ModelName}".`);
      return {
        ModelName: m.name,
        PrimaryContainer: m.containers.length === 1 ? m.containers[0] : undefined,
        Containers: m.containers.length > 1 ? m.containers : undefined,
        InferenceExecutionConfig: executionMode(m) ? { Mode: executionMode(m) } : undefined,
        ExecutionRoleArn: m.roleArn,
        CreationTime: m.creationTime,
        ModelArn: m.arn,
        EnableNetworkIsolation: false,
      };
    },
  };
}

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const BUCKET = 'sagemaker-us-east-1-123456789012';

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const h = hosting(world);
  const day = 86_400_000;
  const model = (name: string, containers: Model['containers'], created: Date) => {
    // Seeded artefacts in this account's bucket exist (a deploy of the model works); the fraud one does not.
    for (const c of containers) {
      const location = c.ModelDataUrl ? parseS3Uri(c.ModelDataUrl) : undefined;
      if (location?.bucket === BUCKET && !world.s3.get(location.bucket, location.key))
        world.s3.put(location.bucket, location.key, gzipSync(Buffer.from(`${name} model`)), 'application/x-tar');
    }
    h.models.set(name, {
      name,
      arn: world.arn('sagemaker', DEFAULT_REGION, `model/${name.toLowerCase()}`),
      containers,
      roleArn: ROLE,
      creationTime: created,
    });
  };
  /** instanceType "serverless" makes a serverless variant (memory and concurrency instead of instances). */
  const add = (
    name: string,
    containers: Model['containers'],
    instanceType: string,
    ageDays: number,
    status: Endpoint['status'] = 'InService',
    failureReason?: string,
    shadowVariants?: Variant[],
  ) => {
    const created = new Date(world.clock.now() - ageDays * day);
    model(name, containers, created);
    const variant: Variant =
      instanceType === 'serverless'
        ? {
            VariantName: 'AllTraffic',
            ModelName: name,
            InitialVariantWeight: 1,
            ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
          }
        : {
            VariantName: 'AllTraffic',
            ModelName: name,
            InitialInstanceCount: 1,
            InstanceType: instanceType,
            InitialVariantWeight: 1,
          };
    h.configs.set(name, {
      name,
      arn: world.arn('sagemaker', DEFAULT_REGION, `endpoint-config/${name.toLowerCase()}`),
      variants: [variant],
      shadowVariants,
      creationTime: created,
    });
    h.endpoints.set(name, {
      name,
      arn: world.arn('sagemaker', DEFAULT_REGION, `endpoint/${name.toLowerCase()}`),
      configName: name,
      status,
      failureReason,
      creationTime: created,
      lastModifiedTime: created,
    });
  };
  const xgboost = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1';
  // The abalone endpoint serves v3 and shadows the v4 candidate, as a team would before approving v4.
  model(
    'abalone-v4-shadow',
    [{ Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v4/model/model.tar.gz` }],
    new Date(world.clock.now() - 2 * day),
  );
  add(
    'abalone-endpoint',
    [{ Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v3/model/model.tar.gz` }],
    'ml.m5.large',
    20,
    'InService',
    undefined,
    [
      {
        VariantName: 'ShadowV4',
        ModelName: 'abalone-v4-shadow',
        InitialInstanceCount: 1,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1,
      },
    ],
  );
  add(
    'abalone-serverless-endpoint',
    [{ Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v3/model/model.tar.gz` }],
    'serverless',
    5,
  );
  add(
    'cmapss-XGBoostEndpoint-2021-01-07-16-30-12',
    [
      {
        Image: xgboost,
        ModelDataUrl: `s3://${BUCKET}/hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a/output/model.tar.gz`,
      },
    ],
    'ml.m5.xlarge',
    40,
  );
  add(
    'fraud-detection-endpoint',
    [
      {
        Image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
        ModelDataUrl: 's3://fraud-detection-end-to-end-demo/linear-learner/output/model.tar.gz',
      },
    ],
    'ml.m4.xlarge',
    35,
  );
  add(
    'abalone-inference-pipeline-endpoint',
    [
      {
        ContainerHostname: 'preprocess',
        Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sparkml-serving:2.4',
        ModelDataUrl: `s3://${BUCKET}/abalone-pipeline/model.tar.gz`,
      },
      {
        ContainerHostname: 'xgboost',
        Image: xgboost,
        ModelDataUrl: `s3://${BUCKET}/abalone-pipeline/xgboost/model.tar.gz`,
      },
      {
        ContainerHostname: 'postprocess',
        Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sparkml-serving:2.4',
        ModelDataUrl: `s3://${BUCKET}/abalone-pipeline/postprocess.tar.gz`,
      },
    ],
    'ml.c5.xlarge',
    10,
  );
  add(
    'abalone-staging-endpoint',
    [{ Image: xgboost, ModelDataUrl: `s3://${BUCKET}/AbalonePackageGroup/v4/model/model.tar.gz` }],
    'ml.m5.large',
    1,
    'Failed',
    'The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.',
  );
  world.logs.append('/aws/sagemaker/Endpoints/abalone-endpoint', 'AllTraffic/i-0a1b2c3d4e5f60718', [
    { message: 'Starting the inference server with 2 workers.', timestamp: world.clock.now() - 20 * day },
    { message: 'Model loaded: xgboost-model', timestamp: world.clock.now() - 20 * day + 4000 },
  ]);
  if (scenario === 'large') {
    for (let i = 0; i < 300; i++)
      add(`load-test-endpoint-${String(i).padStart(3, '0')}`, [{ Image: xgboost }], 'ml.m5.large', 2 + i / 10);
  }
}

export const endpointsModule: ServiceModule = {
  name: 'sagemaker endpoints',
  handlers: (world) => {
    world.addSettler(() => settleDeployments(world));
    return {
      sagemaker: { ...readHandlers(world), ...deploymentHandlers(world) },
      'runtime.sagemaker': invocationHandlers(world),
    };
  },
  seed,
};
