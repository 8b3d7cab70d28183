// The model registry: approve or reject versions (registering and the Model Group panel are hosting's).
import type { ModelPackageNode } from '../../views/modelRegistry/modelPackageNode';
import type { Workbench } from '../workbench';
import { decideModelVersion, registerModelApprovalCommands, type ModelApprovalPrompts, type ModelDecision } from './modelApprovalCommands';

export interface ModelRegistryApi {
  modelRegistry: { decide(node: ModelPackageNode, decision: ModelDecision, prompts: ModelApprovalPrompts): ReturnType<typeof decideModelVersion> };
}

export function activateModelRegistry(wb: Workbench): ModelRegistryApi {
  wb.context.subscriptions.push(...registerModelApprovalCommands(wb.session));
  return { modelRegistry: { decide: (node, decision, prompts) => decideModelVersion(wb.session, node, decision, prompts) } };
}
