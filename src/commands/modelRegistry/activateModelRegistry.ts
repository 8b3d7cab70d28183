// The model registry: approve or reject versions (registering and the Model Group panel are hosting's).
import { registerCommand } from '../../ui/commands';
import { ModelPackageNode } from '../../views/modelRegistry/modelPackageNode';
import type { Workbench } from '../workbench';
import type { ModelDecision } from '../../model/modelApproval';
import { decideModelVersion } from './modelApprovalCommands';

export function activateModelRegistry(wb: Workbench): void {
  const decide = (decision: ModelDecision) => async (node?: unknown) =>
    node instanceof ModelPackageNode ? decideModelVersion(wb.session, node, decision) : undefined;
  wb.context.subscriptions.push(
    registerCommand(wb, 'sagemakerWorkbench.approveModelVersion', decide('Approved'), {
      operation: 'UpdateModelPackage',
    }),
    registerCommand(wb, 'sagemakerWorkbench.rejectModelVersion', decide('Rejected'), {
      operation: 'UpdateModelPackage',
    }),
  );
}
