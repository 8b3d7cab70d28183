// Deciding one CodePipeline manual approval: the approver sees the evidence first (the execution's
// evaluation.json metrics), writes a comment (required to reject), and confirms a modal that names
// pipeline, stage, action and execution. A token that no longer matches (superseded, expired, or decided
// by someone else) is explained and the pipeline re-read, never a silent failure. Used by the commands
// and by the Release Review panel.
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { findEvaluationReport, putApprovalResult, type ApprovalDecision } from '../../aws/codepipeline/approvalApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { PendingApproval } from '../../model/codePipelineState';
import { metricsHeadline, type EvaluationReport } from '../../model/evaluationReport';
import { timeAgo } from '../../model/durations';
import type { RegisteredViews } from '../../views/registerViews';

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
  comment: (decision, approval) => window.showInputBox({
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
  confirm: confirmModal,
};

function shortId(id: string | undefined): string {
  return id ? id.slice(0, 8) : 'unknown execution';
}

/** The report an approver judges: where it is and what it says (or why it could not be read). */
export interface Evidence {
  location?: string;
  report?: Pick<EvaluationReport, 'form' | 'metrics'>;
  error?: string;
}

export function evidenceLine(evidence: Evidence): string {
  if (evidence.error) return `Evaluation report: could not be read (${evidence.error})`;
  if (!evidence.report) return 'Evaluation report: none found for this execution';
  return `Evaluation (${evidence.location ?? '?'}): ${metricsHeadline(evidence.report)}`;
}

async function lookUpEvidence(session: AwsSession, approval: PendingApproval): Promise<Evidence> {
  if (!approval.pipelineExecutionId) return {};
  try {
    const found = await findEvaluationReport(session.clients, approval.pipelineName, approval.pipelineExecutionId);
    return found ? { location: `s3://${found.bucket}/${found.key}`, report: found.report } : {};
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** `evidence`: the report the caller already read (the Release Review panel); else it is looked up here. */
export async function decideApproval(session: AwsSession, views: RegisteredViews, approval: PendingApproval, decision: ApprovalDecision, prompts: ApprovalPrompts, evidence?: Evidence): Promise<DecisionOutcome> {
  const shown = evidence ?? (await lookUpEvidence(session, approval));
  const comment = await prompts.comment(decision, approval);
  if (comment === undefined) return { outcome: 'cancelled' };
  const summary = comment.trim() || 'Approved in VS Code (SageMaker Workbench)';
  const verb = decision === 'Approved' ? 'Approve' : 'Reject';
  const detail = [
    `Pipeline: ${approval.pipelineName}`,
    `Stage: ${approval.stageName} · action: ${approval.actionName}`,
    `Execution: ${approval.pipelineExecutionId ?? 'unknown'}${approval.waitingSince ? ` (waiting since ${timeAgo(approval.waitingSince)})` : ''}`,
    evidenceLine(shown),
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
      void window.showWarningMessage(message);
      return { outcome: 'stale', message };
    }
    const message = toUserError(error, session, 'codepipeline', 'PutApprovalResult').message;
    void window.showErrorMessage(message);
    return { outcome: 'failed', message };
  }
  await node?.loadState();
  const message = decision === 'Approved'
    ? `Approved ${approval.pipelineName} (execution ${shortId(approval.pipelineExecutionId)}): the Deploy stage runs next.`
    : `Rejected ${approval.pipelineName} (execution ${shortId(approval.pipelineExecutionId)}).`;
  void window.showInformationMessage(message);
  return { outcome: 'decided', message };
}
