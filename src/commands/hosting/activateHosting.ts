// Hosting: deploy, update, roll back, test and batch-predict endpoints, their scaling, logs and metrics,
// registering models and the Model Group panel.
import * as vscode from 'vscode';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import { EndpointHistory } from '../../model/endpointHistory';
import { RetryPlans } from '../../ui/retryPlans';
import { ResponseDocuments, RESPONSE_SCHEME } from '../../views/endpoints/responseDocuments';
import type { VariantNode } from '../../views/endpoints/variantNode';
import type { LogDocuments } from '../../views/logs/logDocuments';
import { EndpointMetricsPanel } from '../../webviews/endpointMetrics/endpointMetricsPanel';
import { ModelGroupPanel } from '../../webviews/modelGroup/modelGroupPanel';
import { registerModel, type RegisterPrompts } from '../modelRegistry/registerModelCommand';
import type { Workbench } from '../workbench';
import { batchPredict, type BatchPrompts } from './batchPredictCommand';
import { deleteEndpointWithParts, type DeletePrompts } from './deleteEndpointCommand';
import { deployToNewEndpoint, type DeployContext, type DeployPrompts } from './deployEndpointCommand';
import { configureVariantScaling, registerEndpointScalingCommands, type ScalingPrompts } from './endpointScalingCommands';
import { registerHostingCommands, sourceOf } from './hostingCommands';
import { invokeOnce, type InvokeContext, type InvokePrompts } from './invokeEndpointCommand';
import { rollBackEndpoint, updateEndpointToSource, type UpdatePrompts } from './updateEndpointCommand';

export interface HostingApi {
  endpoints: {
    configureScaling(variant: VariantNode, prompts: ScalingPrompts): ReturnType<typeof configureVariantScaling>;
    delete(endpointName: string, prompts: DeletePrompts): ReturnType<typeof deleteEndpointWithParts>;
  };
  hosting: {
    context: DeployContext;
    source(target: unknown): Promise<DeploySource | undefined>;
    deploy(source: DeploySource, prompts: DeployPrompts): ReturnType<typeof deployToNewEndpoint>;
    update(endpointName: string, source: DeploySource, prompts: UpdatePrompts): ReturnType<typeof updateEndpointToSource>;
    rollBack(endpointName: string, prompts: UpdatePrompts): ReturnType<typeof rollBackEndpoint>;
    invoke(endpointName: string, prompts: InvokePrompts): ReturnType<typeof invokeOnce>;
    batch(endpointName: string, file: vscode.Uri, prompts: BatchPrompts): ReturnType<typeof batchPredict>;
    register(source: DeploySource, prompts: RegisterPrompts): ReturnType<typeof registerModel>;
    logs: LogDocuments;
    openModelGroup(group: string): ModelGroupPanel;
    openMetrics(endpointName: string): EndpointMetricsPanel;
  };
}

export function activateHosting(wb: Workbench): HostingApi {
  const { session, views, logs, context } = wb;
  const responses = new ResponseDocuments();
  const refreshRegistry = () => views.providers.modelRegistry.refresh();
  const deployContext: DeployContext = {
    session,
    history: new EndpointHistory(context.globalState),
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    changed: () => views.providers.endpoints.refresh(),
    retryPlans: new RetryPlans(),
  };
  const invokeContext: InvokeContext = { session, store: context.workspaceState, responses };
  const panels = { extensionUri: wb.extensionUri, session, registryChanged: refreshRegistry };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    ...registerEndpointScalingCommands(session, () => views.providers.endpoints.refresh()),
    ...registerHostingCommands({ session, deploy: deployContext, invoke: invokeContext, logs, panels, refreshRegistry }),
  );
  return {
    endpoints: {
      configureScaling: (variant, prompts) => configureVariantScaling(session, variant, prompts),
      delete: (name, prompts) => deleteEndpointWithParts(session, name, prompts),
    },
    hosting: {
      context: deployContext,
      source: (target) => sourceOf(session, target),
      deploy: (source, prompts) => deployToNewEndpoint(deployContext, source, prompts),
      update: (name, source, prompts) => updateEndpointToSource(deployContext, name, source, prompts),
      rollBack: (name, prompts) => rollBackEndpoint(deployContext, name, prompts),
      invoke: (name, prompts) => invokeOnce(invokeContext, name, prompts),
      batch: (name, file, prompts) => batchPredict(invokeContext, name, file, prompts),
      register: (source, prompts) => registerModel(session, source, prompts, refreshRegistry),
      logs,
      openModelGroup: (group) => ModelGroupPanel.show(panels, group),
      openMetrics: (name) => EndpointMetricsPanel.show(wb.extensionUri, session, name),
    },
  };
}
