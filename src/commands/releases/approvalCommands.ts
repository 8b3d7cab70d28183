// The approval commands: Review Release (the evidence panel), Approve / Reject on a waiting approval (or
// the pipeline that has one), and "Review Pending Approvals", which lists every waiting approval across
// pipelines and opens the Release Review panel for the chosen one.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { ApprovalDecision } from '../../aws/codepipeline/approvalApi';
import type { AwsSession } from '../../session/awsSession';
import type { PendingApproval } from '../../model/codePipelineState';
import { timeAgo } from '../../model/durations';
import { decideApproval, dialogPrompts } from './approvalDecision';
import type { RegisteredViews } from '../../views/registerViews';
import { ApprovalActionNode } from '../../views/pipelines/codePipelineStageNodes';
import { CodePipelineNode } from '../../views/pipelines/codePipelineNode';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { ReleaseReviewPanel } from '../../webviews/releaseReview/releaseReviewPanel';

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

function pipelineOf(node: unknown): string | undefined {
  if (node instanceof ApprovalActionNode) return node.approval.pipelineName;
  if (node instanceof CodePipelineNode) return node.name;
  return undefined;
}

export function registerApprovalCommands(session: AwsSession, views: RegisteredViews, extensionUri: vscode.Uri): vscode.Disposable[] {
  const review = (pipelineName: string) => ReleaseReviewPanel.show({ extensionUri, session, views }, pipelineName);
  const decideFrom = async (node: unknown, decision: ApprovalDecision) => {
    const approval = approvalOf(node) ?? (await pickApproval(views));
    if (approval) await decideApproval(session, views, approval, decision, dialogPrompts);
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.approveRelease', (node?: unknown) => decideFrom(node, 'Approved')),
    vscode.commands.registerCommand('sagemakerWorkbench.rejectRelease', (node?: unknown) => decideFrom(node, 'Rejected')),
    vscode.commands.registerCommand('sagemakerWorkbench.reviewPendingApprovals', async () => {
      const approval = await pickApproval(views);
      if (approval) review(approval.pipelineName);
    }),
    vscode.commands.registerCommand('sagemakerWorkbench.openReleaseReview', async (node?: unknown) => {
      const name = pipelineOf(node) ?? (await pickApproval(views))?.pipelineName;
      if (name) review(name);
    }),
  ];
}

async function pickApproval(views: RegisteredViews): Promise<PendingApproval | undefined> {
  const approvals = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Looking for pending approvals' },
    () => pendingApprovalsEverywhere(views),
  );
  if (approvals.length === 0) {
    void window.showInformationMessage('No release is waiting for approval in the listed pipelines.');
    return undefined;
  }
  const picked = await window.showQuickPick(approvals.map((a) => ({
    label: `$(bell-dot) ${a.pipelineName}`,
    description: `${a.stageName} · ${a.actionName}`,
    detail: `Execution ${a.pipelineExecutionId ?? '?'}${a.waitingSince ? ` · waiting ${timeAgo(a.waitingSince)?.replace(/ ago$/, '')}` : ''}`,
    approval: a,
  })), { title: 'Pending approvals', placeHolder: 'Choose the release to review' });
  return picked?.approval;
}
