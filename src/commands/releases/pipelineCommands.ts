// Running releases from the editor: start a new execution (release change), stop the running one (wait
// for its actions, or abandon them), retry a failed stage's actions. Each asks first and says exactly what
// it will do; refusals from CodePipeline (not stoppable, not retryable) are explained.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { retryFailedActions, startPipelineExecution, stopPipelineExecution } from '../../aws/codepipeline/codePipelineApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { RegisteredViews } from '../../views/registerViews';
import { CodePipelineNode } from '../../views/pipelines/codePipelineNode';
import { ActionNode, StageNode } from '../../views/pipelines/codePipelineStageNodes';
import { isAwsConsoleUrl } from '../../model/consoleUrls';
import { latestExecutionStatus } from '../../model/codePipelineState';

export interface OperationOutcome {
  outcome: 'done' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  executionId?: string;
}

/** The questions the operations ask; the commands answer with VS Code dialogs, tests with a script. */
export interface PipelinePrompts {
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
  /** Stop: 'wait' lets running actions finish, 'abandon' does not; undefined cancels. */
  stopMode(question: string, detail: string): Thenable<'wait' | 'abandon' | undefined>;
}

export const pipelineDialogs: PipelinePrompts = {
  confirm: confirmModal,
  stopMode: async (question, detail) => {
    const choice = await window.showWarningMessage(question, { modal: true, detail }, 'Stop and Wait', 'Stop and Abandon');
    return choice === 'Stop and Wait' ? 'wait' : choice === 'Stop and Abandon' ? 'abandon' : undefined;
  },
};

const REFUSALS = new Set(['PipelineExecutionNotStoppableException', 'StageNotRetryableException', 'ConflictException', 'DuplicatedStopRequestException']);

async function run(session: AwsSession, views: RegisteredViews, pipelineName: string, operation: string, call: () => Promise<string | undefined>, success: (id: string | undefined) => string): Promise<OperationOutcome> {
  const node = views.pipelineWatch.find(pipelineName);
  try {
    const executionId = await call();
    await node?.loadState();
    const message = success(executionId);
    void window.showInformationMessage(message);
    return { outcome: 'done', message, executionId };
  } catch (error) {
    await node?.loadState();
    const name = (error as { name?: string }).name ?? '';
    const message = REFUSALS.has(name)
      ? `CodePipeline refused: ${(error as Error).message}`
      : toUserError(error, session, 'codepipeline', operation).message;
    void window.showErrorMessage(message);
    return { outcome: REFUSALS.has(name) ? 'refused' : 'failed', message };
  }
}

export async function startRelease(session: AwsSession, views: RegisteredViews, pipelineName: string, prompts: PipelinePrompts): Promise<OperationOutcome> {
  const ok = await prompts.confirm(`Start a new execution of ${pipelineName}?`, 'Release change: the pipeline runs again from its Source stage with the latest commit of each source branch. A manual approval on the way will wait for someone again.', 'Start');
  if (!ok) return { outcome: 'cancelled' };
  return run(session, views, pipelineName, 'StartPipelineExecution', () => startPipelineExecution(session.clients, pipelineName), (id) => `Started execution ${id?.slice(0, 8) ?? ''} of ${pipelineName}.`);
}

export async function stopRelease(session: AwsSession, views: RegisteredViews, pipelineName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome> {
  const mode = await prompts.stopMode(`Stop execution ${executionId.slice(0, 8)} of ${pipelineName}?`,
    `Execution ${executionId}\nStop and Wait lets the actions in progress finish; Stop and Abandon stops without waiting (their results are lost). Stages after them do not run.`);
  if (!mode) return { outcome: 'cancelled' };
  return run(session, views, pipelineName, 'StopPipelineExecution',
    async () => { await stopPipelineExecution(session.clients, pipelineName, executionId, mode === 'abandon', 'Stopped in VS Code (SageMaker Workbench)'); return executionId; },
    () => `Stopping execution ${executionId.slice(0, 8)} of ${pipelineName}${mode === 'abandon' ? ' (abandoning running actions)' : ''}.`);
}

export async function retryStage(session: AwsSession, views: RegisteredViews, pipelineName: string, stageName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome> {
  const ok = await prompts.confirm(`Retry the failed actions of ${stageName}?`, `Pipeline ${pipelineName}, execution ${executionId}: the failed actions of stage ${stageName} run again; the actions that succeeded keep their results.`, 'Retry');
  if (!ok) return { outcome: 'cancelled' };
  return run(session, views, pipelineName, 'RetryStageExecution',
    async () => { await retryFailedActions(session.clients, pipelineName, stageName, executionId); return executionId; },
    () => `Retrying stage ${stageName} of ${pipelineName} (execution ${executionId.slice(0, 8)}).`);
}

export function registerPipelineCommands(session: AwsSession, views: RegisteredViews): vscode.Disposable[] {
  const pipelineNode = (node: unknown) => (node instanceof CodePipelineNode ? node : undefined);
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.startPipelineExecution', async (node?: unknown) => {
      const p = pipelineNode(node);
      if (p) await startRelease(session, views, p.name, pipelineDialogs);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.stopPipelineExecution', async (node?: unknown) => {
      const p = pipelineNode(node);
      const executionId = p?.stateSnapshot ? latestExecutionStatus(p.stateSnapshot).executionId : undefined;
      if (p && executionId) await stopRelease(session, views, p.name, executionId, pipelineDialogs);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.openActionLink', async (node?: unknown) => {
      const link = node instanceof ActionNode ? node.link : undefined;
      if (!link) return;
      if (!isAwsConsoleUrl(link)) {
        void window.showWarningMessage(`Not opening ${link}: it does not lead to an AWS console.`);
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(link));
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.retryStage', async (node?: unknown) => {
      if (node instanceof StageNode && node.executionId) await retryStage(session, views, node.pipelineName, node.stageName, node.executionId, pipelineDialogs);
    }),
  ];
}
