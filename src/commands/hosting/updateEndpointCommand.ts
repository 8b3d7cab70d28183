// Update an endpoint to a new model (a registry version, usually): a new model and endpoint configuration
// that copy the served variant's capacity, then UpdateEndpoint. The endpoint keeps serving the old
// configuration until the new one is InService, and the old configuration is kept for Roll Back. If
// SageMaker rolls the update back (the new model cannot load), that is reported as the failure it is.
import * as vscode from 'vscode';
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
      vscode.l10n.t(
        'Endpoint {0} is {1}; only an InService endpoint can be updated.',
        endpointName,
        endpoint.EndpointStatus ?? vscode.l10n.t('not ready'),
      ),
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
  const settled = await followEndpoint(ctx, endpointName, vscode.l10n.t('Updating endpoint {0}', endpointName));
  ctx.changed();
  // l10n-exempt: the waiter's state (deploymentApi's Settled), compared, not shown
  if (settled.state === 'Stopped watching')
    return {
      // l10n-exempt: an outcome code for callers and tests; the message is what the user reads
      outcome: 'stopped watching',
      endpointName,
      message: vscode.l10n.t('Stopped watching {0}; the update goes on (see the Endpoints view).', endpointName),
    };
  const served = settled.state === 'InService' ? settled.endpoint.EndpointConfigName : undefined;
  if (served !== configName) {
    const reason =
      settled.state === 'Failed'
        ? settled.reason
        : (settled.endpoint.FailureReason ?? vscode.l10n.t('SageMaker rolled the update back.'));
    return reportFailure(
      ctx,
      prompts,
      served
        ? vscode.l10n.t('Updating {0} to {1} failed; it still serves {2}: {3}', endpointName, what, served, reason)
        : vscode.l10n.t(
            'Updating {0} to {1} failed; it still serves its previous configuration: {2}',
            endpointName,
            what,
            reason,
          ),
      created,
    );
  }
  return {
    outcome: 'deployed',
    endpointName,
    message: vscode.l10n.t('Endpoint {0} now serves {1} (configuration {2}).', endpointName, what, configName),
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
      message: vscode.l10n.t(
        'No execution role is known for {0}; deploy it to a new endpoint once to choose one.',
        source.label,
      ),
    };
  const fresh = deploymentNames(endpointName, new Date());
  const modelName = source.existingModel ?? fresh.model;
  const old = variants.find((v) => v.VariantName === target)!;
  const nextVariants: ProductionVariant[] = variants.map((v) =>
    v.VariantName === target ? { ...v, ModelName: modelName } : v,
  );
  const previous = endpoint.EndpointConfigName ?? '';
  const detail = [
    vscode.l10n.t(
      'Now: configuration {0}, variant {1} serves model {2} ({3}).',
      previous,
      target,
      old.ModelName ?? '?',
      capacityText(mergeVariants({ endpointName, config: { ProductionVariants: [old] } })[0]),
    ),
    source.existingModel
      ? vscode.l10n.t('New: configuration {0} with the existing model {1}, same capacity.', fresh.config, modelName)
      : vscode.l10n.t(
          'New: model {0} from {1} and configuration {2}, same capacity.',
          modelName,
          source.label,
          fresh.config,
        ),
    vscode.l10n.t(
      'The endpoint keeps serving {0} until the new configuration is InService; {0} is kept for Roll Back.',
      previous,
    ),
  ].join('\n');
  const question = vscode.l10n.t('Update {0} to {1}?', endpointName, source.label);
  if (!(await prompts.confirm(question, detail, vscode.l10n.t('Update Endpoint')))) return { outcome: 'cancelled' };
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
      vscode.l10n.t(
        'Updating {0} stopped at {1}: {2}',
        endpointName,
        step,
        toUserError(error, session, 'sagemaker', step).message,
      ),
      created,
    );
  }
  const region = session.current.region;
  if (!ctx.history.list(region, endpointName).some((s) => s.config === previous)) {
    await ctx.history.record(region, endpointName, {
      config: previous,
      label: vscode.l10n.t('model {0}', old.ModelName ?? '?'),
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
    description: vscode.l10n.t('{0} · deployed {1}', s.label, s.at.slice(0, 16).replace('T', ' ')),
  }));
  if (choices.length === 0) {
    // Nothing remembered (deployed elsewhere): offer the endpoint's other configurations by name, one list call.
    for (const c of await listEndpointConfigsNamed(ctx.session.clients, endpointName)) {
      if (c.EndpointConfigName && c.EndpointConfigName !== current)
        choices.push({
          config: c.EndpointConfigName,
          description: vscode.l10n.t(
            'created {0}',
            c.CreationTime?.toISOString().slice(0, 16).replace('T', ' ') ?? '?',
          ),
        });
    }
  }
  if (choices.length === 0)
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        'No earlier configuration of {0} is known; it has only served {1}.',
        endpointName,
        current,
      ),
    };
  const target = await prompts.pickConfig(choices);
  if (!target) return { outcome: 'cancelled' };
  const detail = vscode.l10n.t(
    '{0} serves {1} now and will serve {2} once the update completes; it keeps serving {1} meanwhile. {1} is kept.',
    endpointName,
    current,
    target,
  );
  const question = vscode.l10n.t('Roll back {0} to {1}?', endpointName, target);
  if (!(await prompts.confirm(question, detail, vscode.l10n.t('Roll Back')))) return { outcome: 'cancelled' };
  try {
    await updateEndpoint(ctx.session.clients, endpointName, target);
  } catch (error) {
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        'Rolling back {0}: {1}',
        endpointName,
        toUserError(error, ctx.session, 'sagemaker', 'UpdateEndpoint').message,
      ),
    };
  }
  await ctx.history.record(region, endpointName, {
    config: target,
    label: remembered.find((s) => s.config === target)?.label ?? vscode.l10n.t('configuration {0}', target),
    at: new Date().toISOString(),
  });
  return followUpdate(ctx, prompts, endpointName, target, vscode.l10n.t('configuration {0}', target), {});
}
