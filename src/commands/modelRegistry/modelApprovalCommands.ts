// Approve or reject a model package version: the confirmation shows the version's metrics beside the
// group's currently approved version, a reason is required to reject, and the tree shows the new status
// at once (UpdateModelPackage ModelApprovalStatus and ApprovalDescription).
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import { currentApprovedVersion, describeModelPackage, readQualityMetrics, setModelPackageApproval, statisticsUriOf } from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { formatMetricValue } from '../../model/autoMlObjective';
import type { QualityMetric } from '../../model/modelQualityMetrics';
import type { ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import { ModelPackageNode } from '../../views/modelRegistry/modelPackageNode';

export type ModelDecision = 'Approved' | 'Rejected';

export interface ModelApprovalPrompts {
  comment(decision: ModelDecision, version: string): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export const modelApprovalDialogs: ModelApprovalPrompts = {
  comment: (decision, version) => window.showInputBox({
    title: `${decision === 'Approved' ? 'Approve' : 'Reject'} ${version}`,
    prompt: decision === 'Rejected' ? 'Why is it rejected? Recorded as the approval description (required).' : 'Approval description (optional).',
    ignoreFocusOut: true,
    validateInput: (v) => (decision === 'Rejected' && !v.trim() ? 'A reason is required to reject a model version.' : v.length > 1024 ? `At most 1024 characters (${v.length} now).` : undefined),
  }),
  confirm: confirmModal,
};

const headline = (metrics: QualityMetric[] | undefined) =>
  metrics?.length ? metrics.slice(0, 4).map((m) => `${m.name} ${formatMetricValue(m.value)}`).join(' · ') : 'no metrics registered';

async function metricsOf(session: AwsSession, arn: string): Promise<QualityMetric[] | undefined> {
  const uri = statisticsUriOf(await describeModelPackage(session.clients, arn));
  return uri ? readQualityMetrics(session.clients, uri) : undefined;
}

/** What deciding needs of a version: the tree node, or the Model Group panel's row. */
export interface DecidableVersion {
  readonly summary: ModelPackageSummary;
  metrics(): Promise<QualityMetric[] | undefined>;
  approvalChanged(status: string): void;
}

export async function decideModelVersion(session: AwsSession, node: DecidableVersion, decision: ModelDecision, prompts: ModelApprovalPrompts): Promise<{ outcome: 'decided' | 'cancelled' | 'failed'; message?: string; detail?: string }> {
  const s = node.summary;
  const label = `${s.ModelPackageGroupName ?? ''} v${s.ModelPackageVersion ?? '?'}`;
  let detail: string;
  try {
    const [metrics, approved] = await Promise.all([node.metrics(), currentApprovedVersion(session.clients, s.ModelPackageGroupName ?? '')]);
    const approvedLine = !approved
      ? 'No version of the group is approved yet.'
      : approved.ModelPackageArn === s.ModelPackageArn
        ? 'This is the currently approved version.'
        : `Currently approved: v${approved.ModelPackageVersion ?? '?'} — ${headline(await metricsOf(session, approved.ModelPackageArn ?? '').catch(() => undefined))}`;
    detail = [`This version: ${headline(metrics)}`, approvedLine, `Status now: ${s.ModelApprovalStatus ?? 'unknown'}`].join('\n');
  } catch (error) {
    detail = `The version's metrics could not be read: ${toUserError(error, session, 'sagemaker', 'DescribeModelPackage').message}`;
  }
  const comment = await prompts.comment(decision, label);
  if (comment === undefined) return { outcome: 'cancelled' };
  const verb = decision === 'Approved' ? 'Approve' : 'Reject';
  const consequence = decision === 'Approved'
    ? 'Deployments that follow the latest approved version will pick it up.'
    : 'Deployments that follow approvals will not use it.';
  const fullDetail = `${detail}\nDescription: ${comment.trim() || '(none)'}\n${consequence}`;
  if (!(await prompts.confirm(`${verb} ${label}?`, fullDetail, verb))) return { outcome: 'cancelled', detail: fullDetail };
  try {
    await setModelPackageApproval(session.clients, s.ModelPackageArn ?? '', decision, comment.trim());
  } catch (error) {
    const message = toUserError(error, session, 'sagemaker', 'UpdateModelPackage').message;
    void window.showErrorMessage(message);
    return { outcome: 'failed', message, detail: fullDetail };
  }
  node.approvalChanged(decision);
  const message = `${decision === 'Approved' ? 'Approved' : 'Rejected'} ${label}.`;
  void window.showInformationMessage(message);
  return { outcome: 'decided', message, detail: fullDetail };
}

export function registerModelApprovalCommands(session: AwsSession): vscode.Disposable[] {
  const decide = (decision: ModelDecision) => async (node?: unknown) => {
    if (node instanceof ModelPackageNode) await decideModelVersion(session, node, decision, modelApprovalDialogs);
  };
  return [
    vscode.commands.registerCommand('sagemakerWorkbench.approveModelVersion', decide('Approved')),
    vscode.commands.registerCommand('sagemakerWorkbench.rejectModelVersion', decide('Rejected')),
  ];
}
