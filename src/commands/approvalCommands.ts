// Approve or reject a CodePipeline manual approval from the editor. The approver sees the evidence first
// (the execution's evaluation.json metrics), writes a comment (required to reject), and confirms a modal
// that names pipeline, stage, action and execution. A token that no longer matches (superseded,
// expired, or decided by someone else) is explained and the pipeline re-read, never a silent failure.
import * as vscode from 'vscode';
import { findEvaluationReport, putApprovalResult, type ApprovalDecision, type FoundReport } from '../aws/codepipeline/approvalApi';
import type { AwsSession } from '../aws/session';
import { toUserError } from '../aws/showAwsError';
import type { PendingApproval } from '../model/codePipelineState';
import { metricsHeadline } from '../model/evaluationReport';
import { timeAgo } from '../model/durations';
import type { RegisteredViews } from '../views/registerViews';
import { ApprovalActionNode } from '../views/pipelines/codePipelineStageNodes';
import { CodePipelineNode } from '../views/pipelines/codePipelineNode';
import type { ExplorerNode } from '../views/tree/explorerNode';

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

/** Every approval waiting in the listed pipelines, reading the view (and states) first if needed. */
export async function pendingApprovalsEverywhere(views: RegisteredViews): Promise<PendingApproval[]> {
  const provider = views.providers.pipelines;
  const roots = (await provider.getChildren()) as ExplorerNode[];
  const pipelines = roots.filter((n): n is CodePipelineNode => n instanceof CodePipelineNode);
  await Promise.all(pipelines.filter((p) => p.status === undefined).map((p) => p.loadState()));
  return pipelines.flatMap((p) => p.approvals);
}

function approvalOf(node: unknown): PendingApproval | undefined {
  if (node instanceof ApprovalActionNode) return node.approval;
  if (node instanceof CodePipelineNode) return node.approvals[0];
  return undefined;
}

export function registerApprovalCommands(session: AwsSession, views: RegisteredViews): vscode.Disposable[] {
  const decideFrom = async (node: unknown, decision: ApprovalDecision) => {
    const approval = approvalOf(node) ?? (await pickApproval(views));
    if (approval) await decideApproval(session, views, approval, decision, dialogPrompts);
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.approveRelease', (node?: unknown) => decideFrom(node, 'Approved')),
    vscode.commands.registerCommand('sagemakerWorkbench.rejectRelease', (node?: unknown) => decideFrom(node, 'Rejected')),
    vscode.commands.registerCommand('sagemakerWorkbench.reviewPendingApprovals', async () => {
      const approval = await pickApproval(views);
      if (!approval) return;
      const choice = await vscode.window.showQuickPick([
        { label: '$(check) Approve…', decision: 'Approved' as const },
        { label: '$(close) Reject…', decision: 'Rejected' as const },
      ], { title: `${approval.pipelineName} · ${approval.stageName} · ${approval.actionName}` });
      if (choice) await decideApproval(session, views, approval, choice.decision, dialogPrompts);
    }),
  ];
}

async function pickApproval(views: RegisteredViews): Promise<PendingApproval | undefined> {
  const approvals = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Looking for pending approvals' },
    () => pendingApprovalsEverywhere(views),
  );
  if (approvals.length === 0) {
    void vscode.window.showInformationMessage('No release is waiting for approval in the listed pipelines.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(approvals.map((a) => ({
    label: `$(bell-dot) ${a.pipelineName}`,
    description: `${a.stageName} · ${a.actionName}`,
    detail: `Execution ${a.pipelineExecutionId ?? '?'}${a.waitingSince ? ` · waiting ${timeAgo(a.waitingSince)?.replace(/ ago$/, '')}` : ''}`,
    approval: a,
  })), { title: 'Pending approvals', placeHolder: 'Choose the release to review' });
  return picked?.approval;
}
