// Deciding one CodePipeline manual approval: the approver sees the evidence first (the execution's
// evaluation.json metrics), writes a comment (required to reject), and confirms a modal that names
// pipeline, stage, action and execution. A token that no longer matches (superseded, expired, or decided
// by someone else) is explained and the pipeline re-read, never a silent failure. Used by the commands
// and by the Release Review panel.
import * as vscode from 'vscode';
import { findEvaluationReport, putApprovalResult, type ApprovalDecision, type FoundReport } from '../aws/codepipeline/approvalApi';
import type { AwsSession } from '../aws/session';
import { toUserError } from '../aws/showAwsError';
import type { PendingApproval } from '../model/codePipelineState';
import { metricsHeadline } from '../model/evaluationReport';
import { timeAgo } from '../model/durations';
import type { RegisteredViews } from '../views/registerViews';

/** The questions a decision asks; the commands answer them with VS Code dialogs, tests with a script. */
export interface ApprovalPrompts {
  comment(decision: ApprovalDecision, approval: PendingApproval): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Promise<boolean>;
}

export interface DecisionOutcome {
  outcome: 'decided' | 'cancelled' | 'stale' | 'failed';
  /** What the user was told, if anything. */
  message?: string;
}

const STALE_ERRORS = new Set(['InvalidApprovalTokenException', 'ApprovalAlreadyCompletedException']);

export const dialogPrompts: ApprovalPrompts = {
  comment: (decision, approval) => vscode.window.showInputBox({
    title: `${decision === 'Approved' ? 'Approve' : 'Reject'} ${approval.pipelineName} · ${approval.actionName}`,
    prompt: decision === 'Rejected' ? 'Why is it rejected? The comment is recorded with the decision (required).' : 'Comment recorded with the approval (optional).',
    placeHolder: decision === 'Rejected' ? 'e.g. RMSE 2.3 is above the 2.0 threshold' : 'e.g. RMSE 1.48 is below 2.0',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (decision === 'Rejected' && !value.trim()) return 'A reason is required to reject a release.';
      if (value.length > 512) return `CodePipeline keeps at most 512 characters (${value.length} now).`;
      return undefined;
    },
  }),
  confirm: async (question, detail, action) => (await vscode.window.showWarningMessage(question, { modal: true, detail }, action)) === action,
};

function shortId(id: string | undefined): string {
  return id ? id.slice(0, 8) : 'unknown execution';
}

export function evidenceLine(found: FoundReport | undefined, error?: string): string {
  if (error) return `Evaluation report: could not be read (${error})`;
  if (!found) return 'Evaluation report: none found for this execution';
  return `Evaluation (s3://${found.bucket}/${found.key}): ${metricsHeadline(found.report)}`;
}

export async function decideApproval(session: AwsSession, views: RegisteredViews, approval: PendingApproval, decision: ApprovalDecision, prompts: ApprovalPrompts): Promise<DecisionOutcome> {
  let found: FoundReport | undefined;
  let reportError: string | undefined;
  if (approval.pipelineExecutionId) {
    try {
      found = await findEvaluationReport(session.clients, approval.pipelineName, approval.pipelineExecutionId);
    } catch (error) {
      reportError = error instanceof Error ? error.message : String(error);
    }
  }
  const comment = await prompts.comment(decision, approval);
  if (comment === undefined) return { outcome: 'cancelled' };
  const summary = comment.trim() || 'Approved in VS Code (SageMaker Workbench)';
  const verb = decision === 'Approved' ? 'Approve' : 'Reject';
  const detail = [
    `Pipeline: ${approval.pipelineName}`,
    `Stage: ${approval.stageName} · action: ${approval.actionName}`,
    `Execution: ${approval.pipelineExecutionId ?? 'unknown'}${approval.waitingSince ? ` (waiting since ${timeAgo(approval.waitingSince)})` : ''}`,
    evidenceLine(found, reportError),
    `Comment: ${summary}`,
    decision === 'Approved' ? 'The stages after the approval (Deploy) run next.' : 'The execution stops here; its later stages do not run.',
  ].join('\n');
  if (!(await prompts.confirm(`${verb} the release of ${approval.pipelineName}?`, detail, verb))) return { outcome: 'cancelled' };
  const node = views.pipelineWatch.find(approval.pipelineName);
  try {
    await putApprovalResult(session.clients, approval, decision, summary);
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    await node?.loadState();
    if (STALE_ERRORS.has(name)) {
      const message = `This approval of ${approval.pipelineName} (execution ${shortId(approval.pipelineExecutionId)}) is no longer waiting: it was decided by someone else, superseded by a newer execution, or expired. The pipeline was refreshed.`;
      void vscode.window.showWarningMessage(message);
      return { outcome: 'stale', message };
    }
    const message = toUserError(error, session, 'codepipeline', 'PutApprovalResult').message;
    void vscode.window.showErrorMessage(message);
    return { outcome: 'failed', message };
  }
  await node?.loadState();
  const message = decision === 'Approved'
    ? `Approved ${approval.pipelineName} (execution ${shortId(approval.pipelineExecutionId)}): the Deploy stage runs next.`
    : `Rejected ${approval.pipelineName} (execution ${shortId(approval.pipelineExecutionId)}).`;
  void vscode.window.showInformationMessage(message);
  return { outcome: 'decided', message };
}
