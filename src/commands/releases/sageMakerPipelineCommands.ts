// Start a SageMaker pipeline with parameters: every parameter the definition declares is asked in turn
// (prefilled with its default, checked as SageMaker checks it, back with Escape cancels), then a
// confirmation lists what differs from the defaults before StartPipelineExecution.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { describeSageMakerPipeline, startSageMakerPipelineExecution } from '../../aws/sagemaker/pipelinesApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { changedParameters, parameterProblem, parseDefinitionParameters, type PipelineParameter } from '../../model/pipelineParameters';
import { SageMakerPipelineNode } from '../../views/pipelines/sageMakerPipelineNodes';

export interface StartPrompts {
  value(parameter: PipelineParameter, step: number, total: number): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export const startDialogs: StartPrompts = {
  value: (p, step, total) => window.showInputBox({
    title: `Start pipeline (${step}/${total}): ${p.name}`,
    prompt: `${p.type}${p.enumValues ? ` — one of ${p.enumValues.join(', ')}` : ''}${p.defaultValue !== undefined ? ` (default ${p.defaultValue})` : ' (required)'}`,
    value: p.defaultValue ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => parameterProblem(p, value.trim()),
  }),
  confirm: confirmModal,
};

export interface StartOutcome {
  outcome: 'started' | 'cancelled' | 'failed';
  executionArn?: string;
  message?: string;
}

export async function startSageMakerPipeline(session: AwsSession, pipelineName: string, prompts: StartPrompts): Promise<StartOutcome> {
  let parameters: PipelineParameter[];
  try {
    parameters = parseDefinitionParameters((await describeSageMakerPipeline(session.clients, pipelineName)).PipelineDefinition);
  } catch (error) {
    const message = toUserError(error, session, 'sagemaker', 'DescribePipeline').message;
    void window.showErrorMessage(message);
    return { outcome: 'failed', message };
  }
  const values: Record<string, string> = {};
  for (const [i, p] of parameters.entries()) {
    const value = await prompts.value(p, i + 1, parameters.length);
    if (value === undefined) return { outcome: 'cancelled' };
    values[p.name] = value.trim();
  }
  const changed = changedParameters(parameters, values);
  const detail = changed.length
    ? `Parameters different from the defaults:\n${changed.map((c) => `${c.Name} = ${c.Value}`).join('\n')}`
    : 'All parameters keep their defaults.';
  if (!(await prompts.confirm(`Start a new execution of ${pipelineName}?`, detail, 'Start'))) return { outcome: 'cancelled' };
  try {
    const executionArn = await startSageMakerPipelineExecution(session.clients, pipelineName, changed);
    const message = `Started ${pipelineName} (execution ${executionArn?.split('/').pop() ?? '?'}).`;
    void window.showInformationMessage(message);
    return { outcome: 'started', executionArn, message };
  } catch (error) {
    const message = toUserError(error, session, 'sagemaker', 'StartPipelineExecution').message;
    void window.showErrorMessage(message);
    return { outcome: 'failed', message };
  }
}

export function registerSageMakerPipelineCommands(session: AwsSession, refresh: (node: SageMakerPipelineNode) => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.startSageMakerPipeline', async (node?: unknown) => {
      if (!(node instanceof SageMakerPipelineNode)) return;
      const result = await startSageMakerPipeline(session, node.name, startDialogs);
      if (result.outcome === 'started') refresh(node);
    }),
  ];
}
