// What a person deciding a CodePipeline manual approval is shown and asked: the comment rules (required to
// reject, CodePipeline keeps 512 characters), the evidence line (the execution's evaluation.json metrics)
// and the confirmation's detail naming pipeline, stage, action and execution. Pure: the commands and the
// Release Review panel show it.
import * as l10n from '@vscode/l10n';
import type { PendingApproval } from './codePipelineState';
import { timeAgo } from './durations';
import { metricsHeadline, type EvaluationReport } from './evaluationReport';

export type ApprovalDecision = 'Approved' | 'Rejected';

/** The summary recorded when the approver wrote no comment. */
// l10n-exempt: sent to CodePipeline as the approval's summary, read there by the whole team
export const DEFAULT_APPROVAL_SUMMARY = 'Approved in VS Code (SageMaker Workbench)';

/** CodePipeline's limit on an approval's summary. */
export const MAX_APPROVAL_SUMMARY = 512;

/** Why `comment` cannot be sent with `decision`, or undefined when it can. */
export function approvalCommentProblem(decision: ApprovalDecision, comment: string): string | undefined {
  if (decision === 'Rejected' && !comment.trim()) return l10n.t('A reason is required to reject a release.');
  if (comment.length > MAX_APPROVAL_SUMMARY)
    return l10n.t('CodePipeline keeps at most {0} characters ({1} now).', MAX_APPROVAL_SUMMARY, comment.length);
  return undefined;
}

/** The report an approver judges: where it is and what it says (or why it could not be read). */
export interface Evidence {
  location?: string;
  report?: Pick<EvaluationReport, 'metrics'>;
  error?: string;
}

export function evidenceLine(evidence: Evidence): string {
  if (evidence.error) return l10n.t('Evaluation report: could not be read ({0})', evidence.error);
  if (!evidence.report) return l10n.t('Evaluation report: none found for this execution');
  return l10n.t('Evaluation ({0}): {1}', evidence.location ?? '?', metricsHeadline(evidence.report));
}

/** The first eight characters of an execution id, as the console shows it. */
export function shortExecutionId(id: string | undefined): string {
  return id ? id.slice(0, 8) : l10n.t('unknown execution');
}

/** The confirmation a decision asks: question, the modal's detail, and its one button. */
export function approvalConfirmation(
  approval: PendingApproval,
  decision: ApprovalDecision,
  evidence: Evidence,
  summary: string,
  now = new Date(),
): { question: string; detail: string; action: string } {
  const approve = decision === 'Approved';
  const action = approve ? l10n.t('Approve') : l10n.t('Reject');
  const execution = approval.pipelineExecutionId ?? l10n.t('unknown');
  const detail = [
    l10n.t('Pipeline: {0}', approval.pipelineName),
    l10n.t('Stage: {0} · action: {1}', approval.stageName, approval.actionName),
    approval.waitingSince
      ? l10n.t('Execution: {0} (waiting since {1})', execution, String(timeAgo(approval.waitingSince, now)))
      : l10n.t('Execution: {0}', execution),
    evidenceLine(evidence),
    l10n.t('Comment: {0}', summary),
    approve
      ? l10n.t('The stages after the approval (Deploy) run next.')
      : l10n.t('The execution stops here; its later stages do not run.'),
  ].join('\n');
  const question = approve
    ? l10n.t('Approve the release of {0}?', approval.pipelineName)
    : l10n.t('Reject the release of {0}?', approval.pipelineName);
  return { question, detail, action };
}

/** What the approver is told once CodePipeline took the decision. */
export function decidedMessage(approval: PendingApproval, decision: ApprovalDecision): string {
  return decision === 'Approved'
    ? l10n.t(
        'Approved {0} (execution {1}): the Deploy stage runs next.',
        approval.pipelineName,
        shortExecutionId(approval.pipelineExecutionId),
      )
    : l10n.t('Rejected {0} (execution {1}).', approval.pipelineName, shortExecutionId(approval.pipelineExecutionId));
}

/** What the approver is told when the token no longer matches (superseded, expired, decided by someone else). */
export function staleApprovalMessage(approval: PendingApproval): string {
  return l10n.t(
    'This approval of {0} (execution {1}) is no longer waiting: it was decided by someone else, superseded by a newer execution, or expired. The pipeline was refreshed.',
    approval.pipelineName,
    shortExecutionId(approval.pipelineExecutionId),
  );
}
