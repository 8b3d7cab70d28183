// Palette and context-menu entry points of the model registry and endpoint features: deploy (new or
// existing endpoint), update, roll back, test, batch predict, endpoint logs, metrics, autoscaling, delete,
// register, the Model Group panel. Each resolves what it was invoked on (a tree node, a name, an ARN, a CSV
// file) and runs the feature's own function with the real dialogs; every one is registered through the one
// command wrapper, which shows the outcome it returns.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import {
  candidateSource,
  existingModelSource,
  modelPackageSource,
  trainingJobSource,
  type DeploySource,
} from '../../aws/sagemaker/deploySources';
import { listInServiceEndpointNames } from '../../aws/sagemaker/endpointsApi';
import { listModelPackageGroupNames, listModelPackagesPage } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { registerCommand, type CommandHost } from '../../ui/commands';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { CandidateNode } from '../../views/autopilot/candidateNode';
import { VariantNode } from '../../views/endpoints/variantNode';
import type { LogDocuments } from '../../views/logs/logDocuments';
import { BatchPredictionPanel, batchPredictionModel } from '../../webviews/batchPrediction/batchPredictionPanel';
import { ModelGroupPanel, type ModelGroupDeps } from '../../webviews/modelGroup/modelGroupPanel';
import { EndpointMetricsPanel } from '../../webviews/endpointMetrics/endpointMetricsPanel';
import { batchDialogs, batchPredict } from './batchPredictCommand';
import { deleteEndpointWithParts } from './deleteEndpointCommand';
import {
  confirmDeploy,
  deployToNewEndpoint,
  failureDialog,
  type DeployContext,
  type DeployOutcome,
  type DeployPrompts,
} from './deployEndpointCommand';
import { askDeployPlan } from './deployWizard';
import { configureVariantScaling } from './endpointScalingCommands';
import { forgetContentType, invokeDialogs, invokeOnce, type InvokeContext } from './invokeEndpointCommand';
import { registerDialogs, registerModel } from '../modelRegistry/registerModelCommand';
import { rollBackEndpoint, updateEndpointToSource, type UpdatePrompts } from './updateEndpointCommand';

export const deployDialogs: DeployPrompts = {
  plan: askDeployPlan,
  confirm: confirmDeploy,
  afterFailure: failureDialog,
};

export const updateDialogs: UpdatePrompts = {
  confirm: confirmDeploy,
  afterFailure: failureDialog,
  pickVariant: (names) =>
    window.showQuickPick(names, { title: vscode.l10n.t('Which production variant gets the new model?') }),
  pickConfig: async (choices) =>
    (
      await window.showQuickPick(
        choices.map((c) => ({ label: c.config, description: c.description })),
        { title: vscode.l10n.t('Roll back to which endpoint configuration?') },
      )
    )?.label,
};

export interface HostingDeps {
  host: CommandHost;
  deploy: DeployContext;
  invoke: InvokeContext;
  logs: LogDocuments;
  panels: ModelGroupDeps;
  refreshRegistry(): void;
  refreshEndpoints(): void;
}

/** What a deploy or register command was invoked on, as a source; undefined when it is not deployable. */
export async function sourceOf(session: AwsSession, target: unknown): Promise<DeploySource | undefined> {
  if (typeof target === 'string')
    return target.includes(':model-package/')
      ? modelPackageSource(session.clients, target)
      : existingModelSource(session.clients, target);
  if (target instanceof CandidateNode) return candidateSource(session.clients, target.jobName, target.candidate);
  // A candidate from the leaderboard panel (or another extension): its job and its record.
  const pair = target as { autoMlJobName?: unknown; candidate?: AutoMLCandidate } | undefined;
  if (typeof pair?.autoMlJobName === 'string' && pair.candidate)
    return candidateSource(session.clients, pair.autoMlJobName, pair.candidate);
  const resource = (target as ExplorerNode | undefined)?.resource;
  if (resource?.kind === 'model-package' && resource.arn) return modelPackageSource(session.clients, resource.arn);
  if (resource?.kind === 'training-job') return trainingJobSource(session.clients, resource.name);
  return undefined;
}

const endpointNameOf = (target: unknown): string | undefined =>
  typeof target === 'string'
    ? target
    : (target as ExplorerNode | undefined)?.resource?.kind === 'endpoint'
      ? (target as ExplorerNode).resource!.name
      : undefined;

async function pickEndpoint(session: AwsSession, title: string): Promise<string | undefined> {
  const names = await listInServiceEndpointNames(session.clients);
  if (names.length === 0) {
    void window.showInformationMessage(vscode.l10n.t('No endpoint is InService in this region.'));
    return undefined;
  }
  return window.showQuickPick(names, { title });
}

async function pickRegistryVersion(session: AwsSession): Promise<string | undefined> {
  const group = await window.showQuickPick(await listModelPackageGroupNames(session.clients), {
    title: vscode.l10n.t('Update to a version of which model package group?'),
  });
  if (!group) return undefined;
  const versions = await listModelPackagesPage(session.clients, group, undefined);
  const picked = await window.showQuickPick(
    versions.items.map((v) => ({
      label: `v${v.ModelPackageVersion ?? '?'}`,
      description: `${v.ModelApprovalStatus ?? ''} · ${v.CreationTime?.toISOString().slice(0, 10) ?? ''}`,
      arn: v.ModelPackageArn ?? '',
    })),
    { title: vscode.l10n.t('Version of {0}', group) },
  );
  return picked?.arn;
}

async function csvToPredict(target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && /\.csv$/i.test(active.path)) return active;
  return (
    await window.showOpenDialog({
      title: vscode.l10n.t('CSV rows to predict'),
      filters: { CSV: ['csv'] },
      canSelectMany: false,
    })
  )?.[0];
}

/** Deploying says its own success (with a Test Endpoint button), so the wrapper does not say it again. */
const quietWhenDeployed = (outcome: DeployOutcome) =>
  outcome.outcome === 'deployed' ? { ...outcome, quiet: true } : outcome;

export function registerHostingCommands(deps: HostingDeps): vscode.Disposable[] {
  const { host } = deps;
  const { session } = host;
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.deployModel',
      async (target: unknown) => {
        const source = await sourceOf(session, target);
        return source && quietWhenDeployed(await deployToNewEndpoint(deps.deploy, source, deployDialogs));
      },
      { operation: 'CreateEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.deployToExistingEndpoint',
      async (target: unknown) => {
        const source = await sourceOf(session, target);
        const endpoint =
          source && (await pickEndpoint(session, vscode.l10n.t('Update which endpoint to {0}?', source.label)));
        return source && endpoint ? updateEndpointToSource(deps.deploy, endpoint, source, updateDialogs) : undefined;
      },
      { operation: 'UpdateEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.updateEndpoint',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Update which endpoint?')));
        const arn = endpoint && (await pickRegistryVersion(session));
        return endpoint && arn
          ? updateEndpointToSource(deps.deploy, endpoint, await modelPackageSource(session.clients, arn), updateDialogs)
          : undefined;
      },
      { operation: 'UpdateEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.rollBackEndpoint',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Roll back which endpoint?')));
        return endpoint ? rollBackEndpoint(deps.deploy, endpoint, updateDialogs) : undefined;
      },
      { operation: 'UpdateEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.invokeEndpoint',
      async (target: unknown) => {
        const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Test which endpoint?')));
        return endpoint ? invokeOnce(deps.invoke, endpoint, invokeDialogs) : undefined;
      },
      { operation: 'InvokeEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.changeInvokeContentType',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ??
          (await pickEndpoint(session, vscode.l10n.t('Change the content type of which endpoint?')));
        if (!endpoint) return undefined;
        await forgetContentType(deps.invoke, endpoint);
        return {
          outcome: 'done',
          message: vscode.l10n.t('The next test of {0} asks for its content type again.', endpoint),
        };
      },
      { operation: 'InvokeEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.batchPredict',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Predict with which endpoint?')));
        const file = endpoint && (await csvToPredict(target));
        if (!endpoint || !file) return undefined;
        const outcome = await batchPredict(deps.invoke, endpoint, file, batchDialogs);
        if (outcome.predictionsFile) {
          // In the editor group in use (a new tab beside the input CSV, or the first group when run from the
          // Explorer), with the panel beside it: the rows and their error side by side, no group left empty.
          await vscode.window.showTextDocument(outcome.predictionsFile, {
            viewColumn: vscode.ViewColumn.Active,
            preview: false,
          });
          BatchPredictionPanel.show(
            deps.panels.extensionUri,
            batchPredictionModel(endpoint, file, outcome),
            outcome.predictionsFile,
          );
        }
        return outcome;
      },
      { operation: 'InvokeEndpoint', needsTrust: vscode.l10n.t('Batch prediction') },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openEndpointLogs',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Logs of which endpoint?')));
        return endpoint ? deps.logs.open(`/aws/sagemaker/Endpoints/${endpoint}`) : undefined;
      },
      { operation: 'FilterLogEvents', service: 'logs' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.showEndpointMetrics',
      async (target: unknown) => {
        const endpoint =
          endpointNameOf(target) ?? (await pickEndpoint(session, vscode.l10n.t('Metrics of which endpoint?')));
        return endpoint ? EndpointMetricsPanel.show(deps.panels.extensionUri, session, endpoint) : undefined;
      },
      { operation: 'GetMetricData', service: 'cloudwatch' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.configureAutoscaling',
      async (node: unknown) => (node instanceof VariantNode ? configureVariantScaling(session, node) : undefined),
      { operation: 'RegisterScalableTarget', service: 'application-autoscaling' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.deleteEndpoint',
      async (target: unknown) => {
        const endpoint = endpointNameOf(target);
        if (!endpoint) return undefined;
        const result = await deleteEndpointWithParts(session, endpoint);
        if (result.outcome === 'deleted') deps.refreshEndpoints();
        return result;
      },
      { operation: 'DescribeEndpoint' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.registerModel',
      async (target: unknown) => {
        const source = await sourceOf(session, target);
        return source ? registerModel(session, source, registerDialogs, deps.refreshRegistry) : undefined;
      },
      { operation: 'CreateModelPackage' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openModelGroup',
      async (target: unknown) => {
        const resource = (target as ExplorerNode | undefined)?.resource;
        const group =
          typeof target === 'string'
            ? target
            : resource?.kind === 'model-package-group'
              ? resource.name
              : resource?.kind === 'model-package'
                ? (target as { summary?: { ModelPackageGroupName?: string } }).summary?.ModelPackageGroupName
                : undefined;
        return group ? ModelGroupPanel.show(deps.panels, group) : undefined;
      },
      { operation: 'ListModelPackages' },
    ),
  ];
}
