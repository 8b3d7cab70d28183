// Deciding one CodePipeline manual approval: the approver sees the evidence first (the execution's
// evaluation.json metrics), writes a comment (required to reject), and confirms a modal that names
// pipeline, stage, action and execution. A token that no longer matches (superseded, expired, or decided
// by someone else) is explained and the pipeline re-read, never a silent failure. Used by the Approve and
// Reject commands and, through its deps, by the Release Review panel.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { findEvaluationReport, putApprovalResult } from '../../aws/codepipeline/approvalApi';
import type { AwsSession } from '../../session/awsSession';
import type { PendingApproval } from '../../model/codePipelineState';
import {
  approvalCommentProblem,
  approvalConfirmation,
  decidedMessage,
  DEFAULT_APPROVAL_SUMMARY,
  staleApprovalMessage,
  type ApprovalDecision,
  type Evidence,
} from '../../model/releaseApproval';
import type { RegisteredViews } from '../../views/registerViews';
import { evaluationReportLocation } from './reportLocationSetting';

/** The questions a decision asks: VS Code's dialogs (through the window seam) unless a caller scripts them. */
export interface ApprovalPrompts {
  comment(decision: ApprovalDecision, approval: PendingApproval): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Promise<boolean>;
}

/** How a decision ended: `refused` when the approval was no longer waiting (shown as a warning). */
export interface DecisionOutcome {
  outcome: 'decided' | 'cancelled' | 'refused' | 'failed';
  /** What the user is told, if anything. */
  message?: string;
}

const STALE_ERRORS = new Set(['InvalidApprovalTokenException', 'ApprovalAlreadyCompletedException']);

export const dialogPrompts: ApprovalPrompts = {
  comment: (decision, approval) =>
    window.showInputBox({
      title:
        decision === 'Approved'
          ? vscode.l10n.t('Approve {0} · {1}', approval.pipelineName, approval.actionName)
          : vscode.l10n.t('Reject {0} · {1}', approval.pipelineName, approval.actionName),
      prompt:
        decision === 'Rejected'
          ? vscode.l10n.t('Why is it rejected? The comment is recorded with the decision (required).')
          : vscode.l10n.t('Comment recorded with the approval (optional).'),
      placeHolder:
        decision === 'Rejected'
          ? vscode.l10n.t('e.g. RMSE 2.3 is above the 2.0 threshold')
          : vscode.l10n.t('e.g. RMSE 1.48 is below 2.0'),
      ignoreFocusOut: true,
      validateInput: (value) => approvalCommentProblem(decision, value),
    }),
  confirm: confirmModal,
};

async function lookUpEvidence(session: AwsSession, approval: PendingApproval): Promise<Evidence> {
  if (!approval.pipelineExecutionId) return {};
  try {
    const found = await findEvaluationReport(
      session.clients,
      approval.pipelineName,
      approval.pipelineExecutionId,
      evaluationReportLocation(approval.pipelineName),
    );
    return found ? { location: `s3://${found.bucket}/${found.key}`, report: found.report } : {};
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `evidence`: the report the caller already read (the Release Review panel); else it is looked up here.
 * An error CodePipeline gives other than a stale token is thrown (after the pipeline was re-read), for the
 * caller to show as the AWS error it is.
 */
export async function decideApproval(
  session: AwsSession,
  views: RegisteredViews,
  approval: PendingApproval,
  decision: ApprovalDecision,
  evidence?: Evidence,
  prompts: ApprovalPrompts = dialogPrompts,
): Promise<DecisionOutcome> {
  const shown = evidence ?? (await lookUpEvidence(session, approval));
  const comment = await prompts.comment(decision, approval);
  if (comment === undefined) return { outcome: 'cancelled' };
  const summary = comment.trim() || DEFAULT_APPROVAL_SUMMARY;
  const { question, detail, action } = approvalConfirmation(approval, decision, shown, summary);
  if (!(await prompts.confirm(question, detail, action))) return { outcome: 'cancelled' };
  const node = views.pipelineWatch.find(approval.pipelineName);
  try {
    await putApprovalResult(session.clients, approval, decision, summary);
  } catch (error) {
    await node?.loadState();
    if (STALE_ERRORS.has((error as { name?: string }).name ?? ''))
      return { outcome: 'refused', message: staleApprovalMessage(approval) };
    throw error;
  }
  await node?.loadState();
  return { outcome: 'decided', message: decidedMessage(approval, decision) };
}
