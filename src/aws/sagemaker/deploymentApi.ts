// The calls a deployment makes: model, endpoint configuration (variant AllTraffic), endpoint or update,
// then the SDK's EndpointInService waiter (DescribeEndpoint with backoff) until it settles.
import * as l10n from '@vscode/l10n';
import type { ContainerDefinition, DescribeEndpointCommandOutput, ProductionVariant } from '@aws-sdk/client-sagemaker';
import type { DeployPlan } from '../../model/deployPlan';
import type { AwsClients } from '../clients';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';

export async function createModel(
  clients: AwsClients,
  name: string,
  containers: ContainerDefinition[],
  roleArn: string,
): Promise<void> {
  const { CreateModelCommand, DescribeModelCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () =>
      sagemaker.send(
        new CreateModelCommand({
          ModelName: name,
          ExecutionRoleArn: roleArn,
          // Several containers make an inference pipeline (seed 004): they run in order on one instance.
          ...(containers.length > 1
            ? { Containers: containers, InferenceExecutionConfig: { Mode: 'Serial' } }
            : { PrimaryContainer: containers[0] }),
        }),
      ),
    async () => {
      const model = await sagemaker.send(new DescribeModelCommand({ ModelName: name }));
      const first = model.PrimaryContainer ?? model.Containers?.[0];
      const source = (c?: ContainerDefinition) => c?.ModelPackageName ?? c?.Image;
      return (
        madeMomentsAgo(model.CreationTime) &&
        model.ExecutionRoleArn === roleArn &&
        source(first) === source(containers[0])
      );
    },
  );
}

export function productionVariant(
  modelName: string,
  plan: Pick<DeployPlan, 'compute'>,
  variantName = 'AllTraffic',
): ProductionVariant {
  const c = plan.compute;
  return c.kind === 'instances'
    ? {
        VariantName: variantName,
        ModelName: modelName,
        InstanceType: c.instanceType as ProductionVariant['InstanceType'],
        InitialInstanceCount: c.count,
        InitialVariantWeight: 1,
      }
    : {
        VariantName: variantName,
        ModelName: modelName,
        ServerlessConfig: { MemorySizeInMB: c.memoryMb, MaxConcurrency: c.maxConcurrency },
      };
}

export async function createEndpointConfig(
  clients: AwsClients,
  name: string,
  variants: ProductionVariant[],
  captureTo?: string,
): Promise<void> {
  const { CreateEndpointConfigCommand, DescribeEndpointConfigCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () =>
      sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: variants,
          DataCaptureConfig: captureTo
            ? {
                EnableCapture: true,
                InitialSamplingPercentage: 100,
                DestinationS3Uri: captureTo,
                CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
              }
            : undefined,
        }),
      ),
    async () => {
      const config = await sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }));
      const models = (config.ProductionVariants ?? []).map((v) => v.ModelName).join();
      return madeMomentsAgo(config.CreationTime) && models === variants.map((v) => v.ModelName).join();
    },
  );
}

export async function createEndpoint(clients: AwsClients, name: string, configName: string): Promise<void> {
  const { CreateEndpointCommand, DescribeEndpointCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () => sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: configName })),
    async () => {
      const endpoint = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }));
      return madeMomentsAgo(endpoint.CreationTime) && endpoint.EndpointConfigName === configName;
    },
  );
}

export async function updateEndpoint(clients: AwsClients, name: string, configName: string): Promise<void> {
  const { UpdateEndpointCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sagemaker.send(new UpdateEndpointCommand({ EndpointName: name, EndpointConfigName: configName }));
}

export type Settled =
  | { state: 'InService'; endpoint: DescribeEndpointCommandOutput }
  | { state: 'Failed'; endpoint?: DescribeEndpointCommandOutput; reason: string }
  | { state: 'Stopped watching' };

/** Follows an endpoint until InService or Failed; `pollSeconds` is the first delay (the waiter backs off from it). */
export async function waitForEndpoint(
  clients: AwsClients,
  name: string,
  signal: AbortSignal,
  pollSeconds = 15,
): Promise<Settled> {
  const { waitForEndpointInService, WaiterState } = await import('./sageMakerSdk.js');
  const result = await waitForEndpointInService(
    {
      client: await clients.sagemaker(),
      maxWaitTime: 3 * 3600,
      minDelay: pollSeconds,
      maxDelay: Math.max(pollSeconds, 60),
      abortSignal: signal,
    },
    { EndpointName: name },
  );
  const reason = result.reason as (DescribeEndpointCommandOutput & { message?: string }) | undefined;
  if (result.state === WaiterState.SUCCESS && reason) return { state: 'InService', endpoint: reason };
  if (result.state === WaiterState.ABORTED || result.state === WaiterState.TIMEOUT)
    return { state: 'Stopped watching' }; // l10n-exempt: discriminant of Settled, compared by the commands
  return {
    state: 'Failed',
    endpoint: reason?.EndpointStatus ? reason : undefined,
    reason: reason?.FailureReason ?? reason?.message ?? l10n.t('The endpoint could not be created.'),
  };
}
