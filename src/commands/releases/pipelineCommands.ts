// Running releases from the editor: start a new execution (release change), stop the running one (wait
// for its actions, or abandon them), retry a failed stage's actions, open an action's page. Each asks first
// and says exactly what it will do; refusals from CodePipeline (not stoppable, not retryable) are explained.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { registerCommand, type CommandHost } from '../../ui/commands';
import {
  retryFailedActions,
  startPipelineExecution,
  stopPipelineExecution,
} from '../../aws/codepipeline/codePipelineApi';
import type { RegisteredViews } from '../../views/registerViews';
import { CodePipelineNode } from '../../views/pipelines/codePipelineNode';
import { ActionNode, StageNode } from '../../views/pipelines/codePipelineStageNodes';
import { isAwsConsoleUrl } from '../../model/consoleUrls';
import { latestExecutionStatus } from '../../model/codePipelineState';

export interface OperationOutcome {
  outcome: 'done' | 'cancelled' | 'refused';
  message?: string;
  executionId?: string;
}

const REFUSALS = new Set([
  'PipelineExecutionNotStoppableException',
  'StageNotRetryableException',
  'ConflictException',
  'DuplicatedStopRequestException',
]);

/**
 * Runs the call, then re-reads the pipeline (whatever happened) so its node shows what AWS has now. A refusal
 * CodePipeline explains is returned as such; any other error is thrown for the command to show.
 */
async function operate(
  views: RegisteredViews,
  pipelineName: string,
  call: () => Promise<string | undefined>,
  success: (id: string | undefined) => string,
): Promise<OperationOutcome> {
  const node = views.pipelineWatch.find(pipelineName);
  try {
    const executionId = await call();
    await node?.loadState();
    return { outcome: 'done', message: success(executionId), executionId };
  } catch (error) {
    await node?.loadState();
    if (REFUSALS.has((error as { name?: string }).name ?? ''))
      return { outcome: 'refused', message: vscode.l10n.t('CodePipeline refused: {0}', (error as Error).message) };
    throw error;
  }
}

async function startRelease(
  host: CommandHost,
  views: RegisteredViews,
  pipelineName: string,
): Promise<OperationOutcome> {
  const ok = await confirmModal(
    vscode.l10n.t('Start a new execution of {0}?', pipelineName),
    vscode.l10n.t(
      'Release change: the pipeline runs again from its Source stage with the latest commit of each source branch. A manual approval on the way will wait for someone again.',
    ),
    vscode.l10n.t('Start'),
  );
  if (!ok) return { outcome: 'cancelled' };
  return operate(
    views,
    pipelineName,
    () => startPipelineExecution(host.session.clients, pipelineName),
    (id) => vscode.l10n.t('Started execution {0} of {1}.', id?.slice(0, 8) ?? '', pipelineName),
  );
}

async function stopRelease(
  host: CommandHost,
  views: RegisteredViews,
  pipelineName: string,
  executionId: string,
): Promise<OperationOutcome> {
  const stopAndWait = vscode.l10n.t('Stop and Wait');
  const stopAndAbandon = vscode.l10n.t('Stop and Abandon');
  const choice = await window.showWarningMessage(
    vscode.l10n.t('Stop execution {0} of {1}?', executionId.slice(0, 8), pipelineName),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Execution {0}\nStop and Wait lets the actions in progress finish; Stop and Abandon stops without waiting (their results are lost). Stages after them do not run.',
        executionId,
      ),
    },
    stopAndWait,
    stopAndAbandon,
  );
  if (choice !== stopAndWait && choice !== stopAndAbandon) return { outcome: 'cancelled' };
  const abandon = choice === stopAndAbandon;
  return operate(
    views,
    pipelineName,
    async () => {
      await stopPipelineExecution(
        host.session.clients,
        pipelineName,
        executionId,
        abandon,
        'Stopped in VS Code (SageMaker Workbench)', // l10n-exempt: the stop reason, sent to CodePipeline
      );
      return executionId;
    },
    () =>
      abandon
        ? vscode.l10n.t(
            'Stopping execution {0} of {1} (abandoning running actions).',
            executionId.slice(0, 8),
            pipelineName,
          )
        : vscode.l10n.t('Stopping execution {0} of {1}.', executionId.slice(0, 8), pipelineName),
  );
}

async function retryStage(
  host: CommandHost,
  views: RegisteredViews,
  pipelineName: string,
  stageName: string,
  executionId: string,
): Promise<OperationOutcome> {
  const ok = await confirmModal(
    vscode.l10n.t('Retry the failed actions of {0}?', stageName),
    vscode.l10n.t(
      'Pipeline {0}, execution {1}: the failed actions of stage {2} run again; the actions that succeeded keep their results.',
      pipelineName,
      executionId,
      stageName,
    ),
    vscode.l10n.t('Retry'),
  );
  if (!ok) return { outcome: 'cancelled' };
  return operate(
    views,
    pipelineName,
    async () => {
      await retryFailedActions(host.session.clients, pipelineName, stageName, executionId);
      return executionId;
    },
    () => vscode.l10n.t('Retrying stage {0} of {1} (execution {2}).', stageName, pipelineName, executionId.slice(0, 8)),
  );
}

export function registerPipelineCommands(host: CommandHost, views: RegisteredViews): vscode.Disposable[] {
  const codepipeline = (operation: string) => ({ service: 'codepipeline', operation });
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.startPipelineExecution',
      async (node?: unknown) => {
        if (node instanceof CodePipelineNode) return startRelease(host, views, node.name);
        return undefined;
      },
      codepipeline('StartPipelineExecution'),
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.stopPipelineExecution',
      async (node?: unknown) => {
        if (!(node instanceof CodePipelineNode)) return undefined;
        const executionId = node.stateSnapshot ? latestExecutionStatus(node.stateSnapshot).executionId : undefined;
        if (!executionId)
          return { outcome: 'refused', message: vscode.l10n.t('{0} has no execution to stop.', node.name) };
        return stopRelease(host, views, node.name, executionId);
      },
      codepipeline('StopPipelineExecution'),
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.retryStage',
      async (node?: unknown) => {
        if (node instanceof StageNode && node.executionId)
          return retryStage(host, views, node.pipelineName, node.stageName, node.executionId);
        return undefined;
      },
      codepipeline('RetryStageExecution'),
    ),
    registerCommand(host, 'sagemakerWorkbench.openActionLink', async (node?: unknown) => {
      const link = node instanceof ActionNode ? node.link : undefined;
      if (!link) return undefined;
      if (!isAwsConsoleUrl(link))
        return {
          outcome: 'refused',
          message: vscode.l10n.t('Not opening {0}: it does not lead to an AWS console.', link),
        };
      await window.openExternal(vscode.Uri.parse(link));
      return { outcome: 'opened', quiet: true, url: link };
    }),
  ];
}
