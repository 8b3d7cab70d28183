// Hosting: deploy, update, roll back, test and batch-predict endpoints, their scaling, logs and metrics,
// registering models and the Model Group panel. The commands load on first use; the documents holding endpoint
// responses are served from activation, so an open one survives a window reload.
import * as vscode from 'vscode';
import { EndpointHistory } from '../../model/endpointHistory';
import { registerLazyCommands } from '../../ui/commands';
import { showOutcome } from '../../ui/outcome';
import { RetryPlans } from '../../ui/retryPlans';
import { ResponseDocuments, RESPONSE_SCHEME } from '../../views/endpoints/responseDocuments';
import type { Workbench } from '../workbench';

const HOSTING_COMMANDS = [
  'sagemakerWorkbench.deployModel',
  'sagemakerWorkbench.deployToExistingEndpoint',
  'sagemakerWorkbench.updateEndpoint',
  'sagemakerWorkbench.rollBackEndpoint',
  'sagemakerWorkbench.invokeEndpoint',
  'sagemakerWorkbench.changeInvokeContentType',
  'sagemakerWorkbench.batchPredict',
  'sagemakerWorkbench.openEndpointLogs',
  'sagemakerWorkbench.showEndpointMetrics',
  'sagemakerWorkbench.configureAutoscaling',
  'sagemakerWorkbench.deleteEndpoint',
  'sagemakerWorkbench.registerModel',
  'sagemakerWorkbench.openModelGroup',
];

export function activateHosting(wb: Workbench): void {
  const responses = new ResponseDocuments();
  wb.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    registerLazyCommands(wb, vscode.l10n.t('hosting'), HOSTING_COMMANDS, async (host) => {
      const [{ registerHostingCommands }, { decideModelVersion }] = await Promise.all([
        import(/* webpackChunkName: "hosting" */ './hostingCommands.js'),
        import(/* webpackChunkName: "hosting" */ '../modelRegistry/modelApprovalCommands.js'),
      ]);
      const { session, views, context } = host;
      const refreshRegistry = () => views.providers.modelRegistry.refresh();
      const refreshEndpoints = () => views.providers.endpoints.refresh();
      return registerHostingCommands({
        host,
        deploy: {
          session,
          history: new EndpointHistory(context.globalState),
          lastRole: host.lastRole,
          rememberRole: host.rememberRole,
          changed: refreshEndpoints,
          retryPlans: new RetryPlans(),
        },
        invoke: { session, store: context.workspaceState, responses },
        logs: host.logs,
        panels: {
          extensionUri: host.extensionUri,
          session,
          registryChanged: refreshRegistry,
          // The panel's Approve and Reject ask and tell as the tree's commands do.
          decide: async (version, decision) => {
            const result = await decideModelVersion(session, version, decision);
            showOutcome(result);
            return result;
          },
        },
        refreshRegistry,
        refreshEndpoints,
      });
    }),
  );
}
