// What a person deciding a CodePipeline manual approval is shown and asked: the comment rules (required to
// reject, CodePipeline keeps 512 characters), the evidence line (the execution's evaluation.json metrics)
// and the confirmation's detail naming pipeline, stage, action and execution. Pure: the commands and the
// Release Review panel show it.
import type { PendingApproval } from './codePipelineState';
import { timeAgo } from './durations';
import { metricsHeadline, type EvaluationReport } from './evaluationReport';

export type ApprovalDecision = 'Approved' | 'Rejected';

/** The summary recorded when the approver wrote no comment. */
export const DEFAULT_APPROVAL_SUMMARY = 'Approved in VS Code (SageMaker Workbench)';

/** CodePipeline's limit on an approval's summary. */
export const MAX_APPROVAL_SUMMARY = 512;

/** Why `comment` cannot be sent with `decision`, or undefined when it can. */
export function approvalCommentProblem(decision: ApprovalDecision, comment: string): string | undefined {
  if (decision === 'Rejected' && !comment.trim()) return 'A reason is required to reject a release.';
  if (comment.length > MAX_APPROVAL_SUMMARY)
    return `CodePipeline keeps at most ${MAX_APPROVAL_SUMMARY} characters (${comment.length} now).`;
  return undefined;
}

/** The report an approver judges: where it is and what it says (or why it could not be read). */
export interface Evidence {
  location?: string;
  report?: Pick<EvaluationReport, 'metrics'>;
  error?: string;
}

export function evidenceLine(evidence: Evidence): string {
  if (evidence.error) return `Evaluation report: could not be read (${evidence.error})`;
  if (!evidence.report) return 'Evaluation report: none found for this execution';
  return `Evaluation (${evidence.location ?? '?'}): ${metricsHeadline(evidence.report)}`;
}

/** The first eight characters of an execution id, as the console shows it. */
export function shortExecutionId(id: string | undefined): string {
  return id ? id.slice(0, 8) : 'unknown execution';
}

/** The confirmation a decision asks: question, the modal's detail, and its one button. */
export function approvalConfirmation(
  approval: PendingApproval,
  decision: ApprovalDecision,
  evidence: Evidence,
  summary: string,
  now = new Date(),
): { question: string; detail: string; action: string } {
  const action = decision === 'Approved' ? 'Approve' : 'Reject';
  const detail = [
    `Pipeline: ${approval.pipelineName}`,
    `Stage: ${approval.stageName} · action: ${approval.actionName}`,
    `Execution: ${approval.pipelineExecutionId ?? 'unknown'}${approval.waitingSince ? ` (waiting since ${timeAgo(approval.waitingSince, now)})` : ''}`,
    evidenceLine(evidence),
    `Comment: ${summary}`,
    decision === 'Approved'
      ? 'The stages after the approval (Deploy) run next.'
      : 'The execution stops here; its later stages do not run.',
  ].join('\n');
  return { question: `${action} the release of ${approval.pipelineName}?`, detail, action };
}

/** What the approver is told once CodePipeline took the decision. */
export function decidedMessage(approval: PendingApproval, decision: ApprovalDecision): string {
  return decision === 'Approved'
    ? `Approved ${approval.pipelineName} (execution ${shortExecutionId(approval.pipelineExecutionId)}): the Deploy stage runs next.`
    : `Rejected ${approval.pipelineName} (execution ${shortExecutionId(approval.pipelineExecutionId)}).`;
}

/** What the approver is told when the token no longer matches (superseded, expired, decided by someone else). */
export function staleApprovalMessage(approval: PendingApproval): string {
  return `This approval of ${approval.pipelineName} (execution ${shortExecutionId(approval.pipelineExecutionId)}) is no longer waiting: it was decided by someone else, superseded by a newer execution, or expired. The pipeline was refreshed.`;
}
