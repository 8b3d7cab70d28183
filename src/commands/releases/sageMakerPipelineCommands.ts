// Start a SageMaker pipeline with parameters: every parameter the definition declares is asked in turn
// (prefilled with its default, checked as SageMaker checks it, Escape cancels), then a confirmation lists
// what differs from the defaults before StartPipelineExecution.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { registerCommand, type CommandHost, type CommandOutcome } from '../../ui/commands';
import { showAwsError } from '../../ui/showAwsError';
import { describeSageMakerPipeline, startSageMakerPipelineExecution } from '../../aws/sagemaker/pipelinesApi';
import {
  changedParameters,
  parameterProblem,
  parseDefinitionParameters,
  type PipelineParameter,
} from '../../model/pipelineParameters';
import { SageMakerPipelineNode } from '../../views/pipelines/sageMakerPipelineNodes';

const COMMAND = 'sagemakerWorkbench.startSageMakerPipeline';

function askValue(p: PipelineParameter, step: number, total: number): Thenable<string | undefined> {
  return window.showInputBox({
    title: vscode.l10n.t('Start pipeline ({0}/{1}): {2}', step, total, p.name),
    prompt:
      p.type +
      (p.enumValues ? ' — ' + vscode.l10n.t('one of {0}', p.enumValues.join(', ')) : '') +
      ' ' +
      (p.defaultValue !== undefined ? vscode.l10n.t('(default {0})', p.defaultValue) : vscode.l10n.t('(required)')),
    value: p.defaultValue ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => parameterProblem(p, value.trim()),
  });
}

export type StartOutcome = CommandOutcome & { outcome: 'started' | 'cancelled' | 'failed'; executionArn?: string };

async function startSageMakerPipeline(host: CommandHost, node: SageMakerPipelineNode): Promise<StartOutcome> {
  const pipelineName = node.name;
  let parameters: PipelineParameter[];
  try {
    parameters = parseDefinitionParameters(
      (await describeSageMakerPipeline(host.session.clients, pipelineName)).PipelineDefinition,
    );
  } catch (error) {
    // Named as the call that failed (the command's own operation is StartPipelineExecution).
    const mapped = showAwsError(
      error,
      host.session,
      host.log,
      'sagemaker',
      'DescribePipeline',
      () => void vscode.commands.executeCommand(COMMAND, node),
    );
    return { outcome: 'failed', message: mapped.message, quiet: true };
  }
  const values: Record<string, string> = {};
  for (const [i, p] of parameters.entries()) {
    const value = await askValue(p, i + 1, parameters.length);
    if (value === undefined) return { outcome: 'cancelled' };
    values[p.name] = value.trim();
  }
  const changed = changedParameters(parameters, values);
  const detail = changed.length
    ? vscode.l10n.t(
        'Parameters different from the defaults:\n{0}',
        changed.map((c) => `${c.Name} = ${c.Value}`).join('\n'),
      )
    : vscode.l10n.t('All parameters keep their defaults.');
  const question = vscode.l10n.t('Start a new execution of {0}?', pipelineName);
  if (!(await confirmModal(question, detail, vscode.l10n.t('Start')))) return { outcome: 'cancelled' };
  const executionArn = await startSageMakerPipelineExecution(host.session.clients, pipelineName, changed);
  return {
    outcome: 'started',
    executionArn,
    message: vscode.l10n.t('Started {0} (execution {1}).', pipelineName, executionArn?.split('/').pop() ?? '?'),
  };
}

export function registerSageMakerPipelineCommands(
  host: CommandHost,
  refresh: (node: SageMakerPipelineNode) => void,
): vscode.Disposable[] {
  return [
    registerCommand(
      host,
      COMMAND,
      async (node?: unknown) => {
        if (!(node instanceof SageMakerPipelineNode)) return undefined;
        const result = await startSageMakerPipeline(host, node);
        if (result.outcome === 'started') refresh(node);
        return result;
      },
      { operation: 'StartPipelineExecution' },
    ),
  ];
}
