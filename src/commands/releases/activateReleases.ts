// Releases: CodePipeline pipelines with their manual approvals, CodeCommit commits, SageMaker Pipelines.
import * as vscode from 'vscode';
import { toUserError } from '../../ui/showAwsError';
import type { ApprovalDecision } from '../../aws/codepipeline/approvalApi';
import type { PendingApproval } from '../../model/codePipelineState';
import { CommitFiles, COMMIT_FILE_SCHEME, compareWithEarlierCommit, openCommitChanges, openFileAtCommit } from '../../views/codecommit/commitFiles';
import { CommitNode } from '../../views/pipelines/codeCommitNodes';
import { notifyPendingApprovals } from '../../views/pipelines/pipelineStateWatch';
import { ReleaseReviewPanel } from '../../webviews/releaseReview/releaseReviewPanel';
import type { Workbench } from '../workbench';
import { pendingApprovalsEverywhere, registerApprovalCommands } from './approvalCommands';
import { decideApproval, type ApprovalPrompts, type DecisionOutcome } from './approvalDecision';
import { registerPipelineCommands, retryStage, startRelease, stopRelease, type OperationOutcome, type PipelinePrompts } from './pipelineCommands';
import { registerSageMakerPipelineCommands, startSageMakerPipeline, type StartOutcome, type StartPrompts } from './sageMakerPipelineCommands';

export interface ReleasesApi {
  approvals: {
    pending(): Promise<PendingApproval[]>;
    decide(approval: PendingApproval, decision: ApprovalDecision, prompts: ApprovalPrompts): Promise<DecisionOutcome>;
    review(pipelineName: string): ReleaseReviewPanel;
  };
  releases: {
    start(pipelineName: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
    stop(pipelineName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
    retry(pipelineName: string, stageName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
  };
  sageMakerPipelines: { start(pipelineName: string, prompts: StartPrompts): Promise<StartOutcome> };
  commits: {
    openChanges(repository: string, commitId: string, pick?: Parameters<typeof openCommitChanges>[3]): ReturnType<typeof openCommitChanges>;
    openFile(repository: string, commitId: string, pick?: Parameters<typeof openFileAtCommit>[3]): ReturnType<typeof openFileAtCommit>;
    compare(repository: string, commitId: string, pickCommit?: Parameters<typeof compareWithEarlierCommit>[3], pickFile?: Parameters<typeof compareWithEarlierCommit>[4]): ReturnType<typeof compareWithEarlierCommit>;
  };
}

export function activateReleases(wb: Workbench, ready: Promise<void>): ReleasesApi {
  const { session, views, log } = wb;
  wb.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_FILE_SCHEME, new CommitFiles(session)),
    ...(['openCommitChanges', 'openFileAtCommit', 'compareCommits'] as const).map((name) =>
      vscode.commands.registerCommand(`sagemakerWorkbench.${name}`, async (nodeOrRepository?: unknown, commitId?: string) => {
        const [repository, id] = nodeOrRepository instanceof CommitNode
          ? [nodeOrRepository.repository, nodeOrRepository.commit.commitId]
          : [typeof nodeOrRepository === 'string' ? nodeOrRepository : undefined, commitId];
        if (!repository || !id) return;
        const run = { openCommitChanges, openFileAtCommit, compareCommits: compareWithEarlierCommit }[name];
        try {
          await run(session, repository, id);
        } catch (error) {
          void vscode.window.showErrorMessage(toUserError(error, session, 'codecommit', 'GetDifferences').message);
        }
      })),
    ...registerApprovalCommands(session, views, wb.extensionUri),
    ...registerPipelineCommands(session, views),
    ...registerSageMakerPipelineCommands(session, (node) => {
      node.reset();
      views.providers.pipelines.refresh(node);
    }),
  );
  // Opt-in: list the pipelines after activation (never during it) so waiting approvals are announced.
  const watchApprovals = () => {
    if (notifyPendingApprovals()) void pendingApprovalsEverywhere(views).catch((err: unknown) => log.warn(`Watching approvals failed: ${String(err)}`));
  };
  void ready.then(watchApprovals);
  wb.context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('sagemakerWorkbench.notifyPendingApprovals')) watchApprovals();
  }));
  return {
    approvals: {
      pending: () => pendingApprovalsEverywhere(views),
      decide: (approval, decision, prompts) => decideApproval(session, views, approval, decision, prompts),
      review: (pipelineName) => ReleaseReviewPanel.show({ extensionUri: wb.extensionUri, session, views }, pipelineName),
    },
    releases: {
      start: (name, prompts) => startRelease(session, views, name, prompts),
      stop: (name, id, prompts) => stopRelease(session, views, name, id, prompts),
      retry: (name, stage, id, prompts) => retryStage(session, views, name, stage, id, prompts),
    },
    sageMakerPipelines: { start: (name, prompts) => startSageMakerPipeline(session, name, prompts) },
    commits: {
      openChanges: (repository, commitId, pick) => openCommitChanges(session, repository, commitId, pick),
      openFile: (repository, commitId, pick) => openFileAtCommit(session, repository, commitId, pick),
      compare: (repository, commitId, pickCommit, pickFile) => compareWithEarlierCommit(session, repository, commitId, pickCommit, pickFile),
    },
  };
}
