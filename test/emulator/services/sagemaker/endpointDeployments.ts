// Deploying on SageMaker hosting: CreateModel, CreateEndpointConfig, CreateEndpoint and UpdateEndpoint.
// An endpoint is Creating (or Updating) for a few AWS minutes, then InService; it fails when a model's
// artefact is not in S3, as AWS does when the container cannot download it. A failed update rolls back:
// the endpoint keeps serving its previous configuration and reports why.
import { AwsError, type OperationHandler } from '../../engine/contract';
import { phaseAt } from '../support/lifecycle';
import { hexId, seededRandom } from '../support/random';
import { parseS3Uri, type World } from '../world';
import { hosting, type Endpoint, type EndpointConfig, type Model, type Variant } from './endpointsModule';
import { modelPackage } from './modelRegistryModule';

const CREATE_SECONDS = 240;
const UPDATE_SECONDS = 300;

type Container = Model['containers'][number];

/** A container naming a registry version takes its image and artefact from it, as AWS resolves them. */
function resolveContainer(world: World, container: Record<string, unknown>): Container {
  const packageName = container.ModelPackageName as string | undefined;
  if (packageName) {
    const version = modelPackage(world, packageName);
    return {
      Image: version.image,
      ModelDataUrl: version.modelDataUrl,
      ModelPackageName: version.arn,
      ContainerHostname: container.ContainerHostname as string | undefined,
    };
  }
  if (!container.Image)
    throw new AwsError('ValidationException', 'Either Image or ModelPackageName must be specified for each container.');
  return {
    Image: container.Image as string,
    ModelDataUrl: container.ModelDataUrl as string | undefined,
    ContainerHostname: container.ContainerHostname as string | undefined,
    Environment: container.Environment as Record<string, string> | undefined,
  };
}

/** Why the containers of a configuration cannot start, if they cannot. */
function deployProblem(world: World, config: EndpointConfig): string | undefined {
  const h = hosting(world);
  for (const variant of config.variants) {
    for (const container of h.models.get(variant.ModelName)?.containers ?? []) {
      if (!container.ModelDataUrl) continue;
      const location = parseS3Uri(container.ModelDataUrl);
      if (!location || !world.s3.get(location.bucket, location.key)) {
        return `Failed to download model data for container "${container.ContainerHostname ?? 'container_1'}" of production variant ${variant.VariantName}: could not find model data at ${container.ModelDataUrl}. Ensure the object exists and the model's execution role can read it.`;
      }
    }
  }
  return undefined;
}

function checkVariants(world: World, variants: Variant[] | undefined, kind: string): void {
  const names = new Set<string>();
  for (const v of variants ?? []) {
    if (!hosting(world).models.has(v.ModelName))
      throw new AwsError(
        'ValidationException',
        `Could not find model "${world.arn('sagemaker', 'us-east-1', `model/${v.ModelName.toLowerCase()}`)}".`,
      );
    if (names.has(v.VariantName))
      throw new AwsError('ValidationException', `The ${kind} variant name ${v.VariantName} is used more than once.`);
    names.add(v.VariantName);
    const instances = v.InstanceType !== undefined || v.InitialInstanceCount !== undefined;
    if (instances === !!v.ServerlessConfig)
      throw new AwsError(
        'ValidationException',
        `Specify either InstanceType and InitialInstanceCount or ServerlessConfig for ${kind} variant ${v.VariantName}.`,
      );
    if (instances && (v.InstanceType === undefined || v.InitialInstanceCount === undefined))
      throw new AwsError(
        'ValidationException',
        `${kind} variant ${v.VariantName} needs both InstanceType and InitialInstanceCount.`,
      );
  }
}

export function deploymentHandlers(world: World): Record<string, OperationHandler> {
  const h = hosting(world);
  const endpoint = (name: string) => {
    const found = h.endpoints.get(name);
    if (!found) throw new AwsError('ValidationException', `Could not find endpoint "${name}".`);
    return found;
  };
  const config = (name: string) => {
    const found = h.configs.get(name);
    if (!found) throw new AwsError('ValidationException', `Could not find endpoint configuration "${name}".`);
    return found;
  };
  return {
    CreateModel: (input, ctx) => {
      const arn = world.arn('sagemaker', ctx.region, `model/${input.ModelName.toLowerCase()}`);
      if (h.models.has(input.ModelName))
        throw new AwsError('ValidationException', `Cannot create already existing model "${arn}".`);
      const given =
        (input.Containers as Array<Record<string, unknown>> | undefined) ??
        (input.PrimaryContainer ? [input.PrimaryContainer] : []);
      if (given.length === 0)
        throw new AwsError('ValidationException', 'Either PrimaryContainer or Containers must be specified.');
      h.models.set(input.ModelName, {
        name: input.ModelName,
        arn,
        containers: given.map((c) => resolveContainer(world, c)),
        roleArn: input.ExecutionRoleArn,
        creationTime: world.now(),
        inferenceExecutionMode: input.InferenceExecutionConfig?.Mode,
      });
      return { ModelArn: arn };
    },
    CreateEndpointConfig: (input, ctx) => {
      const arn = world.arn('sagemaker', ctx.region, `endpoint-config/${input.EndpointConfigName.toLowerCase()}`);
      if (h.configs.has(input.EndpointConfigName))
        throw new AwsError('ValidationException', `Cannot create already existing endpoint configuration "${arn}".`);
      checkVariants(world, input.ProductionVariants, 'production');
      checkVariants(world, input.ShadowProductionVariants, 'shadow');
      h.configs.set(input.EndpointConfigName, {
        name: input.EndpointConfigName,
        arn,
        variants: input.ProductionVariants,
        shadowVariants: input.ShadowProductionVariants,
        dataCapture: input.DataCaptureConfig,
        creationTime: world.now(),
      });
      return { EndpointConfigArn: arn };
    },
    CreateEndpoint: (input, ctx) => {
      const arn = world.arn('sagemaker', ctx.region, `endpoint/${input.EndpointName.toLowerCase()}`);
      if (h.endpoints.has(input.EndpointName))
        throw new AwsError('ValidationException', `Cannot create already existing endpoint "${arn}".`);
      const target = config(input.EndpointConfigName);
      const now = world.clock.now();
      h.endpoints.set(input.EndpointName, {
        name: input.EndpointName,
        arn,
        configName: target.name,
        status: 'Creating',
        creationTime: new Date(now),
        lastModifiedTime: new Date(now),
        deployment: {
          kind: 'Creating',
          since: now,
          targetConfig: target.name,
          failureReason: deployProblem(world, target),
        },
      });
      return { EndpointArn: arn };
    },
    UpdateEndpoint: (input) => {
      const e = endpoint(input.EndpointName);
      if (e.deployment) throw new AwsError('ValidationException', `Cannot update in-progress endpoint "${e.arn}".`);
      if (e.status === 'Failed')
        throw new AwsError(
          'ValidationException',
          `Cannot update failed endpoint "${e.arn}". Delete it and create it again.`,
        );
      const target = config(input.EndpointConfigName);
      if (target.name === e.configName)
        throw new AwsError(
          'ValidationException',
          `Endpoint "${e.name}" already uses endpoint configuration "${target.name}".`,
        );
      const now = world.clock.now();
      e.deployment = {
        kind: 'Updating',
        since: now,
        targetConfig: target.name,
        failureReason: deployProblem(world, target),
      };
      e.lastModifiedTime = new Date(now);
      return { EndpointArn: e.arn };
    },
  };
}

function logDeployment(world: World, e: Endpoint, at: number, failureReason: string | undefined): void {
  const c = hosting(world).configs.get(e.deployment!.targetConfig);
  for (const variant of c?.variants ?? []) {
    const instance = `i-${hexId(seededRandom(`${e.name}/${variant.VariantName}/${at}`), 17)}`;
    const lines = failureReason
      ? ['Starting the inference server with 2 workers.', `ERROR: ${failureReason}`]
      : [
          'Starting the inference server with 2 workers.',
          `Model loaded: ${variant.ModelName}`,
          'Listening at: http://0.0.0.0:8080',
        ];
    world.logs.append(
      `/aws/sagemaker/Endpoints/${e.name}`,
      `${variant.VariantName}/${instance}`,
      lines.map((message, i) => ({ message, timestamp: at - 30_000 + i * 2000 })),
    );
  }
}

/** Completes deployments whose time is up: the endpoint serves its new configuration, or reports why not. */
export function settleDeployments(world: World): void {
  for (const e of hosting(world).endpoints.values()) {
    const d = e.deployment;
    if (!d) continue;
    const outcome = d.failureReason ? (d.kind === 'Creating' ? 'Failed' : 'InService') : 'InService';
    const phase = phaseAt(
      [{ status: d.kind, seconds: d.kind === 'Creating' ? CREATE_SECONDS : UPDATE_SECONDS }, { status: outcome }],
      d.since,
      world.clock,
    );
    if (!phase.settled) continue;
    logDeployment(world, e, phase.enteredAt, d.failureReason);
    e.status = outcome;
    e.failureReason = d.failureReason;
    if (!d.failureReason) e.configName = d.targetConfig;
    e.lastModifiedTime = new Date(phase.enteredAt);
    e.deployment = undefined;
  }
}
