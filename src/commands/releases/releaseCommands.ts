// The release commands, loaded on first use: CodeCommit commits, CodePipeline approvals and executions, the
// Release Review panel, SageMaker Pipelines.
import type * as vscode from 'vscode';
import type { PendingApproval } from '../../model/codePipelineState';
import type { ApprovalDecision, Evidence } from '../../model/releaseApproval';
import { showOutcome } from '../../ui/outcome';
import { showAwsError } from '../../ui/showAwsError';
import { ReleaseReviewPanel, type ReleaseReviewDeps } from '../../webviews/releaseReview/releaseReviewPanel';
import type { Workbench } from '../workbench';
import { registerApprovalCommands } from './approvalCommands';
import { decideApproval, type ApprovalPrompts, type DecisionOutcome } from './approvalDecision';
import { registerCommitCommands } from './commitCommands';
import { registerPipelineCommands } from './pipelineCommands';
import { evaluationReportLocation } from './reportLocationSetting';
import { registerSageMakerPipelineCommands } from './sageMakerPipelineCommands';

export function registerReleaseCommands(wb: Workbench): vscode.Disposable[] {
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
  return [
    ...registerCommitCommands(wb),
    ...registerApprovalCommands(wb, views, review),
    ...registerPipelineCommands(wb, views),
    ...registerSageMakerPipelineCommands(wb, (node) => {
      node.reset();
      views.providers.pipelines.refresh(node);
    }),
  ];
}
