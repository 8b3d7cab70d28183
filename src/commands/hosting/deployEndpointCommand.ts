// Deploy to a new endpoint: the plan is asked (wizard), checked as SageMaker would, confirmed with what will
// be created and billed, then model -> endpoint configuration (variant AllTraffic) -> endpoint, followed
// Creating -> InService with a cancellable progress notification. A failure names the reason and offers to
// delete exactly what this deployment created.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { deleteEndpoint, deleteEndpointConfig, deleteModel, describeEndpoint } from '../../aws/sagemaker/endpointsApi';
import {
  createEndpoint,
  createEndpointConfig,
  createModel,
  productionVariant,
  waitForEndpoint,
  type Settled,
} from '../../aws/sagemaker/deploymentApi';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { followWithProgress } from '../../ui/followWithProgress';
import { pace } from '../../ui/pace';
import {
  computeText,
  deployPlanProblem,
  deploymentNames,
  suggestEndpointName,
  type DeployPlan,
} from '../../model/deployPlan';
import type { EndpointHistory } from '../../model/endpointHistory';
import { confirmModal } from '../../ui/confirmModal';
import type { RetryPlans } from '../../ui/retryPlans';

export interface DeployPrompts {
  /** The whole plan (the wizard asks it step by step); undefined cancels. */
  plan(source: DeploySource, defaults: DeployPlan): Thenable<DeployPlan | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
  /** After a failure: 'cleanup' deletes what this deployment created. */
  afterFailure(message: string, created: string[]): Thenable<'cleanup' | 'logs' | undefined>;
}

export interface DeployContext {
  session: AwsSession;
  history: EndpointHistory;
  /** The role used last, offered when the source has none. */
  lastRole(): string | undefined;
  rememberRole(arn: string): Thenable<void>;
  /** Something on the endpoints view changed. */
  changed(): void;
  /** Plans of deployments that did not happen, by source. */
  retryPlans: RetryPlans<DeployPlan>;
}

export type DeployOutcome = {
  outcome: 'deployed' | 'cancelled' | 'refused' | 'failed' | 'stopped watching';
  message?: string;
  endpointName?: string;
  created?: string[];
};

export interface Created {
  model?: string;
  config?: string;
  endpoint?: string;
}

export function createdList(c: Created): string[] {
  return [
    c.endpoint && `endpoint ${c.endpoint}`,
    c.config && `endpoint configuration ${c.config}`,
    c.model && `model ${c.model}`,
  ].filter((x): x is string => !!x);
}

/** Deletes what a failed deployment created, endpoint first; returns what could not be deleted. */
export async function cleanUp(session: AwsSession, c: Created): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, run: () => Promise<void>, operation: string) => {
    try {
      await run();
    } catch (error) {
      problems.push(`${what}: ${toUserError(error, session, 'sagemaker', operation).message}`);
    }
  };
  if (c.endpoint)
    await attempt(`endpoint ${c.endpoint}`, () => deleteEndpoint(session.clients, c.endpoint!), 'DeleteEndpoint');
  if (c.config)
    await attempt(
      `configuration ${c.config}`,
      () => deleteEndpointConfig(session.clients, c.config!),
      'DeleteEndpointConfig',
    );
  if (c.model) await attempt(`model ${c.model}`, () => deleteModel(session.clients, c.model!), 'DeleteModel');
  return problems;
}

/** Follows an endpoint with a cancellable notification; cancelling stops watching, not the deployment. */
export function followEndpoint(ctx: DeployContext, endpointName: string, title: string): Promise<Settled> {
  return followWithProgress(
    'endpoints',
    endpointName,
    title,
    'this usually takes 5–10 minutes; Cancel stops watching, not the deployment',
    (signal) => waitForEndpoint(ctx.session.clients, endpointName, signal, pace.followSeconds),
  );
}

/** Handles a failed step or a Failed endpoint: tells why, offers cleanup of exactly what was created. */
export async function reportFailure(
  ctx: DeployContext,
  prompts: Pick<DeployPrompts, 'afterFailure'>,
  message: string,
  created: Created,
): Promise<DeployOutcome> {
  const parts = createdList(created);
  const choice = await prompts.afterFailure(message, parts);
  if (choice === 'cleanup' && parts.length) {
    const problems = await cleanUp(ctx.session, created);
    ctx.changed();
    const note = problems.length ? ` Not deleted: ${problems.join('; ')}.` : ` Deleted ${parts.join(', ')}.`;
    return { outcome: 'failed', message: `${message}${note}`, created: [] };
  }
  if (choice === 'logs' && created.endpoint)
    void vscode.commands.executeCommand('sagemakerWorkbench.openEndpointLogs', created.endpoint);
  return { outcome: 'failed', message, created: parts };
}

async function endpointExists(session: AwsSession, name: string): Promise<boolean> {
  try {
    await describeEndpoint(session.clients, name);
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ValidationException') return false;
    throw error;
  }
}

export async function deployToNewEndpoint(
  ctx: DeployContext,
  source: DeploySource,
  prompts: DeployPrompts,
): Promise<DeployOutcome> {
  const { session } = ctx;
  const defaults: DeployPlan = {
    endpointName: suggestEndpointName(source.label.replace(/^(training job|Autopilot candidate|model) /, '')),
    compute: { kind: 'instances', instanceType: 'ml.m5.large', count: 1 },
    dataCapture: false,
    roleArn: source.roleArn ?? ctx.lastRole() ?? '',
  };
  const plan = await prompts.plan(source, ctx.retryPlans.offer(source.label) ?? defaults);
  if (!plan) return { outcome: 'cancelled' };
  const problem = deployPlanProblem(plan);
  if (problem) return { outcome: 'refused', message: problem };
  if (await endpointExists(session, plan.endpointName))
    return {
      outcome: 'refused',
      message: `An endpoint named ${plan.endpointName} already exists; use Update Endpoint to deploy a new model to it.`,
    };
  const names = deploymentNames(plan.endpointName, new Date());
  const modelName = source.existingModel ?? names.model;
  const captureTo =
    plan.dataCapture && source.bucket ? `s3://${source.bucket}/data-capture/${plan.endpointName}` : undefined;
  const detail = [
    source.existingModel
      ? `Uses the existing model ${modelName}.`
      : `Creates model ${modelName} from ${source.label}${(source.containers?.length ?? 0) > 1 ? ` (an inference pipeline of ${source.containers!.length} containers)` : ''}.`,
    `Creates endpoint configuration ${names.config}: variant AllTraffic, ${computeText(plan.compute)}.`,
    captureTo ? `Captures requests and responses to ${captureTo}.` : 'No data capture.',
    `Creates endpoint ${plan.endpointName}, which is billed ${plan.compute.kind === 'instances' ? 'per instance-hour' : 'per request'} until deleted.`,
  ].join('\n');
  if (!(await prompts.confirm(`Deploy ${source.label} to a new endpoint ${plan.endpointName}?`, detail, 'Deploy')))
    return { outcome: 'cancelled' };
  await ctx.rememberRole(plan.roleArn);

  const created: Created = {};
  let step = 'CreateModel';
  try {
    if (!source.existingModel) {
      await createModel(session.clients, modelName, source.containers ?? [], plan.roleArn);
      created.model = modelName;
    }
    step = 'CreateEndpointConfig';
    await createEndpointConfig(session.clients, names.config, [productionVariant(modelName, plan)], captureTo);
    created.config = names.config;
    step = 'CreateEndpoint';
    await createEndpoint(session.clients, plan.endpointName, names.config);
    created.endpoint = plan.endpointName;
  } catch (error) {
    // AWS did not take it (a dropped connection, expired credentials, a limit): the next deployment offers this plan.
    ctx.retryPlans.keep(source.label, plan);
    const message = `Deploying ${source.label} stopped at ${step}: ${toUserError(error, session, 'sagemaker', step).message} Deploy again to retry: the wizard keeps what you entered.`;
    return reportFailure(ctx, prompts, message, created);
  }
  ctx.retryPlans.done(source.label);
  await ctx.history.record(session.current.region, plan.endpointName, {
    config: names.config,
    label: source.label,
    at: new Date().toISOString(),
  });
  ctx.changed();
  const settled = await followEndpoint(ctx, plan.endpointName, `Creating endpoint ${plan.endpointName}`);
  ctx.changed();
  if (settled.state === 'Stopped watching') {
    return {
      outcome: 'stopped watching',
      endpointName: plan.endpointName,
      message: `Stopped watching ${plan.endpointName}; it is still being created (see the Endpoints view).`,
    };
  }
  if (settled.state === 'Failed') {
    return reportFailure(ctx, prompts, `Endpoint ${plan.endpointName} failed: ${settled.reason}`, created);
  }
  const message = `Endpoint ${plan.endpointName} is InService (${computeText(plan.compute)}), serving ${source.label}.`;
  void window.showInformationMessage(message, 'Test Endpoint').then((choice) => {
    if (choice) void vscode.commands.executeCommand('sagemakerWorkbench.invokeEndpoint', plan.endpointName);
  });
  return { outcome: 'deployed', message, endpointName: plan.endpointName, created: createdList(created) };
}

export const failureDialog: DeployPrompts['afterFailure'] = async (message, created) => {
  const actions = [
    ...(created.length ? ['Delete What Was Created'] : []),
    ...(created.some((c) => c.startsWith('endpoint ')) ? ['Show Logs'] : []),
  ];
  const choice = await window.showErrorMessage(
    created.length ? `${message} Created: ${created.join(', ')}.` : message,
    ...actions,
  );
  return choice === 'Delete What Was Created' ? 'cleanup' : choice === 'Show Logs' ? 'logs' : undefined;
};

export const confirmDeploy = confirmModal;
