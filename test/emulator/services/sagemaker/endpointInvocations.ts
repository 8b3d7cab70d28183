// SageMaker Runtime InvokeEndpoint against the emulator's endpoints: the production variant's model
// decides how rows are answered (inferenceModels.ts), so predictions are deterministic and assertable.
// Each invocation writes a line to the endpoint's log, as the serving containers do.
import { AwsError, type OperationHandler } from '../../engine/contract';
import type { World } from '../world';
import { hosting, type Model } from './endpointsModule';
import { invoke, invokeLabels, type Predictor } from './inferenceModels';
import { pipelineShape } from './inferencePipelines';
import { recordInvocation } from '../cloudwatch/endpointMetricsModule';
import { autoMlJobs } from './autoMlModule';

/** Whether the container serves a candidate of an Autopilot classification job (its model under the job's output). */
function autopilotClassifier(world: World, container: Model['containers'][number] | undefined): boolean {
  const data = container?.ModelDataUrl ?? '';
  return [...autoMlJobs(world).values()].some(
    (job) => job.problemType !== 'Regression' && data.startsWith(`${job.outputS3Uri.replace(/\/$/, '')}/${job.name}/`),
  );
}

/** Content types the seeded containers parse; XGBoost and the inference pipeline take CSV and JSON. */
const SUPPORTED = ['text/csv', 'application/json'];

function predictorOf(model: Model | undefined, container = model?.containers[0]): Predictor {
  if (!model || !container) return 'generic';
  const described = `${model.name} ${container.ModelDataUrl ?? ''} ${container.ModelPackageName ?? ''}`.toLowerCase();
  if (container.Image.includes('linear-learner')) return 'linear-learner';
  if (described.includes('cmapss')) return 'cmapss';
  if (described.includes('abalone')) return 'abalone';
  return 'generic';
}

/** A serial pipeline answers as its model container does, then as its post-processor maps that answer. */
function answerOf(
  world: World,
  model: Model | undefined,
  body: Buffer,
  contentType: string,
  accept: string | undefined,
) {
  const csvJoin = model?.containers[0].Image.includes('xgboost') ? ',' : '\n';
  if (model && model.containers.length === 1 && autopilotClassifier(world, model.containers[0]))
    return invoke('abalone-classifier', body, contentType, accept, csvJoin);
  if (!model || model.containers.length < 2) return invoke(predictorOf(model), body, contentType, accept, csvJoin);
  const shape = pipelineShape(world, model.containers);
  if (shape.labels?.length) return invokeLabels(shape.labels, body, contentType);
  const predictor = predictorOf(model, shape.model);
  return invoke(
    predictor === 'abalone' && shape.postProcessed ? 'abalone-pipeline' : predictor,
    body,
    contentType,
    accept,
    csvJoin,
  );
}

/** The log stream of the variant's newest instance (each deployment starts new instances). */
function servingStream(world: World, endpointName: string, variantName: string): string {
  const streams = [
    ...(world.logs.groups.get(`/aws/sagemaker/Endpoints/${endpointName}`)?.streams.values() ?? []),
  ].filter((s) => s.name.startsWith(`${variantName}/`));
  return streams.sort((a, b) => b.creationTime - a.creationTime)[0]?.name ?? `${variantName}/i-0a1b2c3d4e5f60718`;
}

export function invocationHandlers(world: World): Record<string, OperationHandler> {
  const h = hosting(world);
  return {
    InvokeEndpoint: (input, ctx) => {
      const e = h.endpoints.get(input.EndpointName);
      if (!e || e.deployment?.kind === 'Creating' || e.status === 'Failed') {
        throw new AwsError('ValidationError', `Endpoint ${input.EndpointName} of account ${ctx.accountId} not found.`);
      }
      const variants = h.configs.get(e.configName)?.variants ?? [];
      const variant = input.TargetVariant ? variants.find((v) => v.VariantName === input.TargetVariant) : variants[0];
      if (!variant)
        throw new AwsError('ValidationError', `Variant ${input.TargetVariant} not found for endpoint ${e.name}.`);
      const contentType = String(input.ContentType ?? 'application/octet-stream')
        .split(';')[0]
        .trim()
        .toLowerCase();
      const model = h.models.get(variant.ModelName);
      const host = model && model.containers.length > 1 ? 'preprocess' : 'primary';
      if (!SUPPORTED.includes(contentType)) {
        recordInvocation(world, e.name, variant.VariantName, 0, true);
        throw new AwsError(
          'ModelError',
          `Received client error (415) from ${host} with message "Content type ${contentType} is not supported by this container. Use text/csv or application/json.". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/${e.name} in account ${ctx.accountId} for more information.`,
          424,
          {
            OriginalStatusCode: 415,
            LogStreamArn: world.arn('logs', ctx.region, `log-group:/aws/sagemaker/Endpoints/${e.name}`),
          },
        );
      }
      const body = Buffer.isBuffer(input.Body) ? input.Body : Buffer.from(String(input.Body ?? ''));
      const answer = answerOf(world, model, body, contentType, input.Accept);
      world.logs.append(`/aws/sagemaker/Endpoints/${e.name}`, servingStream(world, e.name, variant.VariantName), [
        `POST /invocations ${contentType} ${body.length} bytes -> 200 ${answer.body.length} bytes`,
      ]);
      // A few milliseconds of model time, more for bigger requests, as the container reports ModelLatency.
      recordInvocation(world, e.name, variant.VariantName, 3500 + body.length * 2);
      return { Body: answer.body, ContentType: answer.contentType, InvokedProductionVariant: variant.VariantName };
    },
  };
}
