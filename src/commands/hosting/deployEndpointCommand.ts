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
    c.endpoint && vscode.l10n.t('endpoint {0}', c.endpoint),
    c.config && vscode.l10n.t('endpoint configuration {0}', c.config),
    c.model && vscode.l10n.t('model {0}', c.model),
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
    await attempt(
      vscode.l10n.t('endpoint {0}', c.endpoint),
      () => deleteEndpoint(session.clients, c.endpoint!),
      'DeleteEndpoint',
    );
  if (c.config)
    await attempt(
      vscode.l10n.t('configuration {0}', c.config),
      () => deleteEndpointConfig(session.clients, c.config!),
      'DeleteEndpointConfig',
    );
  if (c.model)
    await attempt(vscode.l10n.t('model {0}', c.model), () => deleteModel(session.clients, c.model!), 'DeleteModel');
  return problems;
}

/** Follows an endpoint with a cancellable notification; cancelling stops watching, not the deployment. */
export function followEndpoint(ctx: DeployContext, endpointName: string, title: string): Promise<Settled> {
  return followWithProgress(
    'endpoints',
    endpointName,
    title,
    vscode.l10n.t('this usually takes 5–10 minutes; Cancel stops watching, not the deployment'),
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
    const note = problems.length
      ? ' ' + vscode.l10n.t('Not deleted: {0}.', problems.join('; '))
      : ' ' + vscode.l10n.t('Deleted {0}.', parts.join(', '));
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
    endpointName: suggestEndpointName(source.name ?? source.label),
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
      message: vscode.l10n.t(
        'An endpoint named {0} already exists; use Update Endpoint to deploy a new model to it.',
        plan.endpointName,
      ),
    };
  const names = deploymentNames(plan.endpointName, new Date());
  const modelName = source.existingModel ?? names.model;
  const captureTo =
    plan.dataCapture && source.bucket ? `s3://${source.bucket}/data-capture/${plan.endpointName}` : undefined;
  const detail = [
    source.existingModel
      ? vscode.l10n.t('Uses the existing model {0}.', modelName)
      : (source.containers?.length ?? 0) > 1
        ? vscode.l10n.t(
            'Creates model {0} from {1} (an inference pipeline of {2} containers).',
            modelName,
            source.label,
            source.containers!.length,
          )
        : vscode.l10n.t('Creates model {0} from {1}.', modelName, source.label),
    vscode.l10n.t(
      'Creates endpoint configuration {0}: variant AllTraffic, {1}.',
      names.config,
      computeText(plan.compute),
    ),
    captureTo ? vscode.l10n.t('Captures requests and responses to {0}.', captureTo) : vscode.l10n.t('No data capture.'),
    plan.compute.kind === 'instances'
      ? vscode.l10n.t('Creates endpoint {0}, which is billed per instance-hour until deleted.', plan.endpointName)
      : vscode.l10n.t('Creates endpoint {0}, which is billed per request until deleted.', plan.endpointName),
  ].join('\n');
  const question = vscode.l10n.t('Deploy {0} to a new endpoint {1}?', source.label, plan.endpointName);
  if (!(await prompts.confirm(question, detail, vscode.l10n.t('Deploy')))) return { outcome: 'cancelled' };
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
    const message = vscode.l10n.t(
      'Deploying {0} stopped at {1}: {2} Deploy again to retry: the wizard keeps what you entered.',
      source.label,
      step,
      toUserError(error, session, 'sagemaker', step).message,
    );
    return reportFailure(ctx, prompts, message, created);
  }
  ctx.retryPlans.done(source.label);
  await ctx.history.record(session.current.region, plan.endpointName, {
    config: names.config,
    label: source.label,
    at: new Date().toISOString(),
  });
  ctx.changed();
  const settled = await followEndpoint(
    ctx,
    plan.endpointName,
    vscode.l10n.t('Creating endpoint {0}', plan.endpointName),
  );
  ctx.changed();
  // l10n-exempt: the waiter's state (deploymentApi's Settled), compared, not shown
  if (settled.state === 'Stopped watching') {
    return {
      // l10n-exempt: an outcome code for callers and tests; the message is what the user reads
      outcome: 'stopped watching',
      endpointName: plan.endpointName,
      message: vscode.l10n.t(
        'Stopped watching {0}; it is still being created (see the Endpoints view).',
        plan.endpointName,
      ),
    };
  }
  if (settled.state === 'Failed') {
    return reportFailure(
      ctx,
      prompts,
      vscode.l10n.t('Endpoint {0} failed: {1}', plan.endpointName, String(settled.reason)),
      created,
    );
  }
  const message = vscode.l10n.t(
    'Endpoint {0} is InService ({1}), serving {2}.',
    plan.endpointName,
    computeText(plan.compute),
    source.label,
  );
  void window.showInformationMessage(message, vscode.l10n.t('Test Endpoint')).then((choice) => {
    if (choice) void vscode.commands.executeCommand('sagemakerWorkbench.invokeEndpoint', plan.endpointName);
  });
  return { outcome: 'deployed', message, endpointName: plan.endpointName, created: createdList(created) };
}

export const failureDialog: DeployPrompts['afterFailure'] = async (message, created) => {
  const deleteCreated = vscode.l10n.t('Delete What Was Created');
  const showLogs = vscode.l10n.t('Show Logs');
  // createdList names the endpoint (and its configuration) "endpoint …"; the prefix is read from the same message.
  const endpointPrefix = vscode.l10n.t('endpoint {0}', '');
  const actions = [
    ...(created.length ? [deleteCreated] : []),
    ...(created.some((c) => c.startsWith(endpointPrefix)) ? [showLogs] : []),
  ];
  const choice = await window.showErrorMessage(
    created.length ? message + ' ' + vscode.l10n.t('Created: {0}.', created.join(', ')) : message,
    ...actions,
  );
  return choice === deleteCreated ? 'cleanup' : choice === showLogs ? 'logs' : undefined;
};

export const confirmDeploy = confirmModal;
