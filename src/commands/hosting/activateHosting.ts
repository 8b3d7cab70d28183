// Hosting: deploy, update, roll back, test and batch-predict endpoints, their scaling, logs and metrics,
// registering models and the Model Group panel.
import * as vscode from 'vscode';
import { EndpointHistory } from '../../model/endpointHistory';
import { showOutcome } from '../../ui/outcome';
import { RetryPlans } from '../../ui/retryPlans';
import { ResponseDocuments, RESPONSE_SCHEME } from '../../views/endpoints/responseDocuments';
import type { ModelGroupDeps } from '../../webviews/modelGroup/modelGroupPanel';
import { decideModelVersion } from '../modelRegistry/modelApprovalCommands';
import type { Workbench } from '../workbench';
import type { DeployContext } from './deployEndpointCommand';
import { registerHostingCommands } from './hostingCommands';
import type { InvokeContext } from './invokeEndpointCommand';

export function activateHosting(wb: Workbench): void {
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
    ...registerHostingCommands({
      host: wb,
      deploy: deployContext,
      invoke: invokeContext,
      logs,
      panels,
      refreshRegistry,
      refreshEndpoints,
    }),
  );
}
