// Releases: CodePipeline pipelines with their manual approvals, CodeCommit commits, SageMaker Pipelines.
import * as vscode from 'vscode';
import { showOutcome } from '../../ui/outcome';
import { showAwsError } from '../../ui/showAwsError';
import type { PendingApproval } from '../../model/codePipelineState';
import type { ApprovalDecision, Evidence } from '../../model/releaseApproval';
import { CommitFiles, COMMIT_FILE_SCHEME } from '../../views/codecommit/commitFiles';
import { notifyPendingApprovals } from '../../views/pipelines/pipelineStateWatch';
import { ReleaseReviewPanel, type ReleaseReviewDeps } from '../../webviews/releaseReview/releaseReviewPanel';
import type { Workbench } from '../workbench';
import { pendingApprovalsEverywhere, registerApprovalCommands } from './approvalCommands';
import { decideApproval, type ApprovalPrompts, type DecisionOutcome } from './approvalDecision';
import { registerCommitCommands } from './commitCommands';
import { registerPipelineCommands } from './pipelineCommands';
import { evaluationReportLocation } from './reportLocationSetting';
import { registerSageMakerPipelineCommands } from './sageMakerPipelineCommands';

export function activateReleases(wb: Workbench, ready: Promise<void>): void {
  const { session, views, log } = wb;
  /** A decision made outside a command (the Release Review panel): its ending is shown here. */
  const decideAndTell = async (
    approval: PendingApproval,
    decision: ApprovalDecision,
    evidence?: Evidence,
    prompts?: ApprovalPrompts,
  ): Promise<DecisionOutcome> => {
    try {
      const result = await decideApproval(session, views, approval, decision, evidence, prompts);
      showOutcome(result);
      return result;
    } catch (error) {
      return {
        outcome: 'failed',
        message: showAwsError(error, session, log, 'codepipeline', 'PutApprovalResult').message,
      };
    }
  };
  const panelDeps: ReleaseReviewDeps = {
    extensionUri: wb.extensionUri,
    session,
    reportLocation: evaluationReportLocation,
    decide: (approval, decision, evidence) => decideAndTell(approval, decision, evidence),
  };
  const review = (pipelineName: string) => ReleaseReviewPanel.show(panelDeps, pipelineName);
  wb.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_FILE_SCHEME, new CommitFiles(session)),
    ...registerCommitCommands(wb),
    ...registerApprovalCommands(wb, views, review),
    ...registerPipelineCommands(wb, views),
    ...registerSageMakerPipelineCommands(wb, (node) => {
      node.reset();
      views.providers.pipelines.refresh(node);
    }),
  );
  // Opt-in: list the pipelines after activation (never during it) so waiting approvals are announced.
  const watchApprovals = () => {
    if (notifyPendingApprovals())
      void pendingApprovalsEverywhere(views).catch((err: unknown) =>
        log.warn(`Watching approvals failed: ${String(err)}`),
      );
  };
  void ready.then(watchApprovals);
  wb.context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sagemakerWorkbench.notifyPendingApprovals')) watchApprovals();
    }),
  );
}
