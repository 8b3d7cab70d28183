// The approval commands: Review Release (the evidence panel), Approve / Reject on a waiting approval (or
// the pipeline that has one), and "Review Pending Approvals", which lists every waiting approval across
// pipelines and opens the Release Review panel for the chosen one.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { registerCommand, type CommandHost, type CommandOutcome } from '../../ui/commands';
import type { PendingApproval } from '../../model/codePipelineState';
import { timeSince } from '../../model/durations';
import type { ApprovalDecision } from '../../model/releaseApproval';
import type { RegisteredViews } from '../../views/registerViews';
import { ApprovalActionNode } from '../../views/pipelines/codePipelineStageNodes';
import { CodePipelineNode, pipelineRowsWithStates } from '../../views/pipelines/codePipelineNode';
import type { ReleaseReviewPanel } from '../../webviews/releaseReview/releaseReviewPanel';
import { decideApproval } from './approvalDecision';

/**
 * Every approval waiting in the account as far as it is known: the listed pipelines' (their states read first if
 * needed), then those the view's background reads found in pipelines beyond the rows shown (what the badge counts).
 */
export async function pendingApprovalsEverywhere(views: RegisteredViews): Promise<PendingApproval[]> {
  const pipelines = await pipelineRowsWithStates((await views.providers.pipelines.getChildren()) ?? []);
  const listed = new Set(pipelines.map((p) => p.name));
  const beyondRows = views.pipelineSweep.approvals.filter((a) => !listed.has(a.pipelineName));
  return [...pipelines.flatMap((p) => p.approvals), ...beyondRows];
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

const NOTHING_WAITS: CommandOutcome = {
  outcome: 'none',
  message: vscode.l10n.t('No release is waiting for approval in the pipelines read so far.'),
};

export function registerApprovalCommands(
  host: CommandHost,
  views: RegisteredViews,
  review: (pipelineName: string) => ReleaseReviewPanel,
): vscode.Disposable[] {
  const decideFrom = async (node: unknown, decision: ApprovalDecision) => {
    const approval = approvalOf(node) ?? (await pickApproval(views));
    if (approval === 'none') return NOTHING_WAITS;
    return approval ? decideApproval(host.session, views, approval, decision) : { outcome: 'cancelled' };
  };
  const decision = { service: 'codepipeline', operation: 'PutApprovalResult' };
  return [
    registerCommand(
      host,
      'sagemakerWorkbench.approveRelease',
      (node?: unknown) => decideFrom(node, 'Approved'),
      decision,
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.rejectRelease',
      (node?: unknown) => decideFrom(node, 'Rejected'),
      decision,
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.reviewPendingApprovals',
      async () => {
        const approval = await pickApproval(views);
        if (approval === 'none') return NOTHING_WAITS;
        return approval ? review(approval.pipelineName) : { outcome: 'cancelled' };
      },
      { service: 'codepipeline', operation: 'GetPipelineState' },
    ),
    registerCommand(
      host,
      'sagemakerWorkbench.openReleaseReview',
      async (node?: unknown) => {
        const name = pipelineOf(node);
        if (name) return review(name);
        const approval = await pickApproval(views);
        if (approval === 'none') return NOTHING_WAITS;
        return approval ? review(approval.pipelineName) : { outcome: 'cancelled' };
      },
      { service: 'codepipeline', operation: 'GetPipelineState' },
    ),
  ];
}

/** The approval the user chose among those waiting; 'none' when nothing waits; undefined when dismissed. */
async function pickApproval(views: RegisteredViews): Promise<PendingApproval | 'none' | undefined> {
  const approvals = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for pending approvals') },
    () => pendingApprovalsEverywhere(views),
  );
  if (approvals.length === 0) return 'none';
  const picked = await window.showQuickPick(
    approvals.map((a) => ({
      label: `$(bell-dot) ${a.pipelineName}`,
      description: `${a.stageName} · ${a.actionName}`,
      detail: a.waitingSince
        ? vscode.l10n.t('Execution {0} · waiting {1}', a.pipelineExecutionId ?? '?', timeSince(a.waitingSince))
        : vscode.l10n.t('Execution {0}', a.pipelineExecutionId ?? '?'),
      approval: a,
    })),
    { title: vscode.l10n.t('Pending approvals'), placeHolder: vscode.l10n.t('Choose the release to review') },
  );
  return picked?.approval;
}
