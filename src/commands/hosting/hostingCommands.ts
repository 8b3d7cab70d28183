// Palette and context-menu entry points of the model registry and endpoint features: deploy (new or
// existing endpoint), update, roll back, test, batch predict, endpoint logs, register, the Model Group
// panel. Each resolves what it was invoked on (a tree node, a name, an ARN) and runs the feature's own
// function with the real dialogs; tests call those functions through the extension's API instead.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { ListEndpointsCommand, ListModelPackageGroupsCommand, type AutoMLCandidate } from '@aws-sdk/client-sagemaker';
import { candidateSource, existingModelSource, modelPackageSource, trainingJobSource, type DeploySource } from '../../aws/sagemaker/deploySources';
import { listModelPackagesPage } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { CandidateNode } from '../../views/autopilot/candidateNode';
import type { LogDocuments } from '../../views/logs/logDocuments';
import { BatchPredictionPanel, batchPredictionModel } from '../../webviews/batchPrediction/batchPredictionPanel';
import { ModelGroupPanel, type ModelGroupDeps } from '../../webviews/modelGroup/modelGroupPanel';
import { EndpointMetricsPanel } from '../../webviews/endpointMetrics/endpointMetricsPanel';
import { batchDialogs, batchPredict } from './batchPredictCommand';
import { guarded, showOutcome, type Outcome } from '../../ui/outcome';
import { confirmDeploy, deployToNewEndpoint, failureDialog, type DeployContext, type DeployPrompts } from './deployEndpointCommand';
import { askDeployPlan } from './deployWizard';
import { forgetContentType, invokeDialogs, invokeOnce, type InvokeContext } from './invokeEndpointCommand';
import { registerDialogs, registerModel } from '../modelRegistry/registerModelCommand';
import { rollBackEndpoint, updateEndpointToSource, type UpdatePrompts } from './updateEndpointCommand';
import { workspaceTrusted } from '../../ui/workspaceTrust';

export const deployDialogs: DeployPrompts = { plan: askDeployPlan, confirm: confirmDeploy, afterFailure: failureDialog };

export const updateDialogs: UpdatePrompts = {
  confirm: confirmDeploy,
  afterFailure: failureDialog,
  pickVariant: (names) => window.showQuickPick(names, { title: 'Which production variant gets the new model?' }),
  pickConfig: async (choices) => (await window.showQuickPick(choices.map((c) => ({ label: c.config, description: c.description })), { title: 'Roll back to which endpoint configuration?' }))?.label,
};

export interface HostingDeps {
  session: AwsSession;
  deploy: DeployContext;
  invoke: InvokeContext;
  logs: LogDocuments;
  panels: ModelGroupDeps;
  refreshRegistry(): void;
}

/** What a deploy or register command was invoked on, as a source; undefined when it is not deployable. */
export async function sourceOf(session: AwsSession, target: unknown): Promise<DeploySource | undefined> {
  if (typeof target === 'string') return target.includes(':model-package/') ? modelPackageSource(session.clients, target) : existingModelSource(session.clients, target);
  if (target instanceof CandidateNode) return candidateSource(session.clients, target.jobName, target.candidate);
  // A candidate from the leaderboard panel (or another extension): its job and its record.
  const pair = target as { autoMlJobName?: unknown; candidate?: AutoMLCandidate } | undefined;
  if (typeof pair?.autoMlJobName === 'string' && pair.candidate) return candidateSource(session.clients, pair.autoMlJobName, pair.candidate);
  const resource = (target as ExplorerNode | undefined)?.resource;
  if (resource?.kind === 'model-package' && resource.arn) return modelPackageSource(session.clients, resource.arn);
  if (resource?.kind === 'training-job') return trainingJobSource(session.clients, resource.name);
  return undefined;
}

const endpointNameOf = (target: unknown): string | undefined =>
  typeof target === 'string' ? target : (target as ExplorerNode | undefined)?.resource?.kind === 'endpoint' ? (target as ExplorerNode).resource!.name : undefined;

async function pickEndpoint(session: AwsSession, title: string): Promise<string | undefined> {
  const out = await session.clients.sagemaker().send(new ListEndpointsCommand({ StatusEquals: 'InService', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 }));
  const names = (out.Endpoints ?? []).map((e) => e.EndpointName ?? '');
  if (names.length === 0) {
    void window.showInformationMessage('No endpoint is InService in this region.');
    return undefined;
  }
  return window.showQuickPick(names, { title });
}

async function pickRegistryVersion(session: AwsSession): Promise<string | undefined> {
  const groups = await session.clients.sagemaker().send(new ListModelPackageGroupsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 }));
  const group = await window.showQuickPick((groups.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName ?? ''), { title: 'Update to a version of which model package group?' });
  if (!group) return undefined;
  const versions = await listModelPackagesPage(session.clients, group, undefined);
  const picked = await window.showQuickPick(versions.items.map((v) => ({ label: `v${v.ModelPackageVersion ?? '?'}`, description: `${v.ModelApprovalStatus ?? ''} · ${v.CreationTime?.toISOString().slice(0, 10) ?? ''}`, arn: v.ModelPackageArn ?? '' })), { title: `Version of ${group}` });
  return picked?.arn;
}

async function csvToPredict(target: unknown): Promise<vscode.Uri | undefined> {
  if (!workspaceTrusted('Batch prediction')) return undefined;
  if (target instanceof vscode.Uri) return target;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && /\.csv$/i.test(active.path)) return active;
  return (await window.showOpenDialog({ title: 'CSV rows to predict', filters: { CSV: ['csv'] }, canSelectMany: false }))?.[0];
}

/** Deploying says its own success (with a Test Endpoint button). */
const report = (outcome: Outcome) => showOutcome(outcome, { quiet: ['deployed'] });

export function registerHostingCommands(deps: HostingDeps): vscode.Disposable[] {
  const { session } = deps;
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.deployModel', guarded(session, 'CreateEndpoint', async (target) => {
      const source = await sourceOf(session, target);
      if (source) report(await deployToNewEndpoint(deps.deploy, source, deployDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.deployToExistingEndpoint', guarded(session, 'UpdateEndpoint', async (target) => {
      const source = await sourceOf(session, target);
      const endpoint = source && (await pickEndpoint(session, `Update which endpoint to ${source.label}?`));
      if (source && endpoint) report(await updateEndpointToSource(deps.deploy, endpoint, source, updateDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.updateEndpoint', guarded(session, 'UpdateEndpoint', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Update which endpoint?'));
      const arn = endpoint && (await pickRegistryVersion(session));
      if (endpoint && arn) report(await updateEndpointToSource(deps.deploy, endpoint, await modelPackageSource(session.clients, arn), updateDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.rollBackEndpoint', guarded(session, 'UpdateEndpoint', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Roll back which endpoint?'));
      if (endpoint) report(await rollBackEndpoint(deps.deploy, endpoint, updateDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.invokeEndpoint', guarded(session, 'InvokeEndpoint', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Test which endpoint?'));
      if (endpoint) report(await invokeOnce(deps.invoke, endpoint, invokeDialogs));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.changeInvokeContentType', guarded(session, 'InvokeEndpoint', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Change the content type of which endpoint?'));
      if (!endpoint) return;
      await forgetContentType(deps.invoke, endpoint);
      void window.showInformationMessage(`The next test of ${endpoint} asks for its content type again.`);
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.batchPredict', guarded(session, 'InvokeEndpoint', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Predict with which endpoint?'));
      const file = endpoint && (await csvToPredict(target));
      if (!endpoint || !file) return;
      const outcome = await batchPredict(deps.invoke, endpoint, file, batchDialogs);
      report(outcome);
      if (outcome.predictionsFile) {
        await vscode.window.showTextDocument(outcome.predictionsFile, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        BatchPredictionPanel.show(deps.panels.extensionUri, batchPredictionModel(endpoint, file, outcome), outcome.predictionsFile);
      }
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.openEndpointLogs', guarded(session, 'FilterLogEvents', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Logs of which endpoint?'));
      if (endpoint) await deps.logs.open(`/aws/sagemaker/Endpoints/${endpoint}`);
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.showEndpointMetrics', guarded(session, 'GetMetricData', async (target) => {
      const endpoint = endpointNameOf(target) ?? (await pickEndpoint(session, 'Metrics of which endpoint?'));
      if (endpoint) EndpointMetricsPanel.show(deps.panels.extensionUri, session, endpoint);
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.registerModel', guarded(session, 'CreateModelPackage', async (target) => {
      const source = await sourceOf(session, target);
      if (source) report(await registerModel(session, source, registerDialogs, deps.refreshRegistry));
    })),
    vscode.commands.registerCommand('sagemakerWorkbench.openModelGroup', guarded(session, 'ListModelPackages', async (target) => {
      const resource = (target as ExplorerNode | undefined)?.resource;
      const group = typeof target === 'string' ? target
        : resource?.kind === 'model-package-group' ? resource.name
          : resource?.kind === 'model-package' ? (target as { summary?: { ModelPackageGroupName?: string } }).summary?.ModelPackageGroupName
            : undefined;
      if (group) ModelGroupPanel.show(deps.panels, group);
    })),
  ];
}
