// Approve or reject a model version from its row in the Model Registry view.
import type * as vscode from 'vscode';
import type { ModelDecision } from '../../model/modelApproval';
import { registerCommand, type CommandHost } from '../../ui/commands';
import { ModelPackageNode } from '../../views/modelRegistry/modelPackageNode';
import { decideModelVersion } from './modelApprovalCommands';

export function registerModelRegistryCommands(host: CommandHost): vscode.Disposable[] {
  const decide = (decision: ModelDecision) => async (node?: unknown) =>
    node instanceof ModelPackageNode ? decideModelVersion(host.session, node, decision) : undefined;
  return [
    registerCommand(host, 'sagemakerWorkbench.approveModelVersion', decide('Approved'), {
      operation: 'UpdateModelPackage',
    }),
    registerCommand(host, 'sagemakerWorkbench.rejectModelVersion', decide('Rejected'), {
      operation: 'UpdateModelPackage',
    }),
  ];
}
