// Update an endpoint to a new model (a registry version, usually): a new model and endpoint configuration
// that copy the served variant's capacity, then UpdateEndpoint. The endpoint keeps serving the old
// configuration until the new one is InService, and the old configuration is kept for Roll Back. If
// SageMaker rolls the update back (the new model cannot load), that is reported as the failure it is.
import type { ProductionVariant } from '@aws-sdk/client-sagemaker';
import { createEndpointConfig, createModel, updateEndpoint } from '../../aws/sagemaker/deploymentApi';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import { describeEndpoint, describeEndpointConfig, listEndpointConfigsNamed } from '../../aws/sagemaker/endpointsApi';
import { toUserError } from '../../ui/showAwsError';
import { deploymentNames } from '../../model/deployPlan';
import { capacityText, mergeVariants } from '../../model/endpointVariants';
import {
  followEndpoint,
  reportFailure,
  type Created,
  type DeployContext,
  type DeployOutcome,
  type DeployPrompts,
} from './deployEndpointCommand';

export interface UpdatePrompts extends Pick<DeployPrompts, 'confirm' | 'afterFailure'> {
  /** Which production variant gets the new model, when there are several. */
  pickVariant(names: string[]): Thenable<string | undefined>;
  /** Roll Back: which earlier configuration to return to (the previous one first). */
  pickConfig(choices: Array<{ config: string; description: string }>): Thenable<string | undefined>;
}

async function currentServing(ctx: DeployContext, endpointName: string) {
  const endpoint = await describeEndpoint(ctx.session.clients, endpointName);
  if (endpoint.EndpointStatus !== 'InService')
    throw new Error(
      `Endpoint ${endpointName} is ${endpoint.EndpointStatus ?? 'not ready'}; only an InService endpoint can be updated.`,
    );
  const config = await describeEndpointConfig(ctx.session.clients, endpoint.EndpointConfigName ?? '');
  return { endpoint, config };
}

/** Waits for an update and tells whether the endpoint now serves `configName` (SageMaker may have rolled it back). */
async function followUpdate(
  ctx: DeployContext,
  prompts: UpdatePrompts,
  endpointName: string,
  configName: string,
  what: string,
  created: Created,
): Promise<DeployOutcome> {
  ctx.changed();
  const settled = await followEndpoint(ctx, endpointName, `Updating endpoint ${endpointName}`);
  ctx.changed();
  if (settled.state === 'Stopped watching')
    return {
      outcome: 'stopped watching',
      endpointName,
      message: `Stopped watching ${endpointName}; the update goes on (see the Endpoints view).`,
    };
  const served = settled.state === 'InService' ? settled.endpoint.EndpointConfigName : undefined;
  if (served !== configName) {
    const reason =
      settled.state === 'Failed'
        ? settled.reason
        : (settled.endpoint.FailureReason ?? 'SageMaker rolled the update back.');
    return reportFailure(
      ctx,
      prompts,
      `Updating ${endpointName} to ${what} failed; it still serves ${served ?? 'its previous configuration'}: ${reason}`,
      created,
    );
  }
  return {
    outcome: 'deployed',
    endpointName,
    message: `Endpoint ${endpointName} now serves ${what} (configuration ${configName}).`,
  };
}

export async function updateEndpointToSource(
  ctx: DeployContext,
  endpointName: string,
  source: DeploySource,
  prompts: UpdatePrompts,
): Promise<DeployOutcome> {
  const { session } = ctx;
  const { endpoint, config } = await currentServing(ctx, endpointName);
  const variants = config.ProductionVariants ?? [];
  const names = variants.map((v) => v.VariantName ?? '');
  const target = names.length > 1 ? await prompts.pickVariant(names) : names[0];
  if (!target) return { outcome: 'cancelled' };
  const roleArn = source.roleArn ?? ctx.lastRole();
  if (!roleArn && !source.existingModel)
    return {
      outcome: 'refused',
      message: `No execution role is known for ${source.label}; deploy it to a new endpoint once to choose one.`,
    };
  const fresh = deploymentNames(endpointName, new Date());
  const modelName = source.existingModel ?? fresh.model;
  const old = variants.find((v) => v.VariantName === target)!;
  const nextVariants: ProductionVariant[] = variants.map((v) =>
    v.VariantName === target ? { ...v, ModelName: modelName } : v,
  );
  const previous = endpoint.EndpointConfigName ?? '';
  const detail = [
    `Now: configuration ${previous}, variant ${target} serves model ${old.ModelName ?? '?'} (${capacityText(mergeVariants({ endpointName, config: { ProductionVariants: [old] } })[0])}).`,
    source.existingModel
      ? `New: configuration ${fresh.config} with the existing model ${modelName}, same capacity.`
      : `New: model ${modelName} from ${source.label} and configuration ${fresh.config}, same capacity.`,
    `The endpoint keeps serving ${previous} until the new configuration is InService; ${previous} is kept for Roll Back.`,
  ].join('\n');
  if (!(await prompts.confirm(`Update ${endpointName} to ${source.label}?`, detail, 'Update Endpoint')))
    return { outcome: 'cancelled' };
  const created: Created = {};
  let step = 'CreateModel';
  try {
    if (!source.existingModel) {
      await createModel(session.clients, modelName, source.containers ?? [], roleArn!);
      created.model = modelName;
    }
    step = 'CreateEndpointConfig';
    await createEndpointConfig(session.clients, fresh.config, nextVariants, config.DataCaptureConfig?.DestinationS3Uri);
    created.config = fresh.config;
    step = 'UpdateEndpoint';
    await updateEndpoint(session.clients, endpointName, fresh.config);
  } catch (error) {
    return reportFailure(
      ctx,
      prompts,
      `Updating ${endpointName} stopped at ${step}: ${toUserError(error, session, 'sagemaker', step).message}`,
      created,
    );
  }
  const region = session.current.region;
  if (!ctx.history.list(region, endpointName).some((s) => s.config === previous)) {
    await ctx.history.record(region, endpointName, {
      config: previous,
      label: `model ${old.ModelName ?? '?'}`,
      at: endpoint.LastModifiedTime?.toISOString() ?? new Date(0).toISOString(),
    });
  }
  await ctx.history.record(region, endpointName, {
    config: fresh.config,
    label: source.label,
    at: new Date().toISOString(),
  });
  return followUpdate(ctx, prompts, endpointName, fresh.config, source.label, created);
}

/** Returns the endpoint to an earlier configuration: the one served before (remembered), or one picked from its configurations. */
export async function rollBackEndpoint(
  ctx: DeployContext,
  endpointName: string,
  prompts: UpdatePrompts,
): Promise<DeployOutcome> {
  const { endpoint } = await currentServing(ctx, endpointName);
  const current = endpoint.EndpointConfigName ?? '';
  const region = ctx.session.current.region;
  const remembered = ctx.history.list(region, endpointName).filter((s) => s.config !== current);
  const choices = remembered.map((s) => ({
    config: s.config,
    description: `${s.label} · deployed ${s.at.slice(0, 16).replace('T', ' ')}`,
  }));
  if (choices.length === 0) {
    // Nothing remembered (deployed elsewhere): offer the endpoint's other configurations by name, one list call.
    for (const c of await listEndpointConfigsNamed(ctx.session.clients, endpointName)) {
      if (c.EndpointConfigName && c.EndpointConfigName !== current)
        choices.push({
          config: c.EndpointConfigName,
          description: `created ${c.CreationTime?.toISOString().slice(0, 16).replace('T', ' ') ?? '?'}`,
        });
    }
  }
  if (choices.length === 0)
    return {
      outcome: 'refused',
      message: `No earlier configuration of ${endpointName} is known; it has only served ${current}.`,
    };
  const target = await prompts.pickConfig(choices);
  if (!target) return { outcome: 'cancelled' };
  const detail = `${endpointName} serves ${current} now and will serve ${target} once the update completes; it keeps serving ${current} meanwhile. ${current} is kept.`;
  if (!(await prompts.confirm(`Roll back ${endpointName} to ${target}?`, detail, 'Roll Back')))
    return { outcome: 'cancelled' };
  try {
    await updateEndpoint(ctx.session.clients, endpointName, target);
  } catch (error) {
    return {
      outcome: 'failed',
      message: `Rolling back ${endpointName}: ${toUserError(error, ctx.session, 'sagemaker', 'UpdateEndpoint').message}`,
    };
  }
  await ctx.history.record(region, endpointName, {
    config: target,
    label: remembered.find((s) => s.config === target)?.label ?? `configuration ${target}`,
    at: new Date().toISOString(),
  });
  return followUpdate(ctx, prompts, endpointName, target, `configuration ${target}`, {});
}
