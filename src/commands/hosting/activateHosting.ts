// Hosting: deploy, update, roll back, test and batch-predict endpoints, their scaling, logs and metrics,
// registering models and the Model Group panel.
import * as vscode from 'vscode';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import { EndpointHistory } from '../../model/endpointHistory';
import { showOutcome } from '../../ui/outcome';
import { RetryPlans } from '../../ui/retryPlans';
import { ResponseDocuments, RESPONSE_SCHEME } from '../../views/endpoints/responseDocuments';
import { EndpointMetricsPanel } from '../../webviews/endpointMetrics/endpointMetricsPanel';
import { ModelGroupPanel, type ModelGroupDeps } from '../../webviews/modelGroup/modelGroupPanel';
import { decideModelVersion } from '../modelRegistry/modelApprovalCommands';
import { registerModel, type RegisterPrompts } from '../modelRegistry/registerModelCommand';
import type { Workbench } from '../workbench';
import { deployToNewEndpoint, type DeployContext, type DeployPrompts } from './deployEndpointCommand';
import { registerHostingCommands, sourceOf } from './hostingCommands';
import { invokeOnce, type InvokeContext, type InvokePrompts } from './invokeEndpointCommand';

/**
 * @deprecated The parallel API the security suites (faults, lost answers, wizard input, webview policies) still call
 * with scripted prompts; this feature's own tests run the commands. It goes once those suites run them too.
 */
export interface HostingApi {
  hosting: {
    source(target: unknown): Promise<DeploySource | undefined>;
    deploy(source: DeploySource, prompts: DeployPrompts): ReturnType<typeof deployToNewEndpoint>;
    invoke(endpointName: string, prompts: InvokePrompts): ReturnType<typeof invokeOnce>;
    register(source: DeploySource, prompts: RegisterPrompts): ReturnType<typeof registerModel>;
    openModelGroup(group: string): ModelGroupPanel;
    openMetrics(endpointName: string): EndpointMetricsPanel;
  };
}

export function activateHosting(wb: Workbench): HostingApi {
  const { session, views, logs, context } = wb;
  const responses = new ResponseDocuments();
  const refreshRegistry = () => views.providers.modelRegistry.refresh();
  const refreshEndpoints = () => views.providers.endpoints.refresh();
  const deployContext: DeployContext = {
    session,
    history: new EndpointHistory(context.globalState),
    lastRole: wb.lastRole,
    rememberRole: wb.rememberRole,
    changed: refreshEndpoints,
    retryPlans: new RetryPlans(),
  };
  const invokeContext: InvokeContext = { session, store: context.workspaceState, responses };
  const panels: ModelGroupDeps = {
    extensionUri: wb.extensionUri,
    session,
    registryChanged: refreshRegistry,
    // The panel's Approve and Reject ask and tell as the tree's commands do.
    decide: async (version, decision) => {
      const result = await decideModelVersion(session, version, decision);
      showOutcome(result);
      return result;
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    ...registerHostingCommands({ host: wb, deploy: deployContext, invoke: invokeContext, logs, panels, refreshRegistry, refreshEndpoints }),
  );
  return {
    hosting: {
      source: (target) => sourceOf(session, target),
      deploy: (source, prompts) => deployToNewEndpoint(deployContext, source, prompts),
      invoke: (name, prompts) => invokeOnce(invokeContext, name, prompts),
      register: (source, prompts) => registerModel(session, source, prompts, refreshRegistry),
      openModelGroup: (group) => ModelGroupPanel.show(panels, group),
      openMetrics: (name) => EndpointMetricsPanel.show(wb.extensionUri, session, name),
    },
  };
}
