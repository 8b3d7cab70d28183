// Approve or reject a model package version: the confirmation shows the version's metrics beside the
// group's currently approved version, a reason is required to reject, and the tree shows the new status
// at once (UpdateModelPackage ModelApprovalStatus and ApprovalDescription).
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { confirmModal } from '../../ui/confirmModal';
import {
  currentApprovedVersion,
  describeModelPackage,
  readQualityMetrics,
  setModelPackageApproval,
  statisticsUriOf,
} from '../../aws/sagemaker/modelRegistryApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import {
  approvalCommentProblem,
  approvedLine,
  decisionConsequence,
  metricsHeadline,
  versionLabel,
  type DecidableVersion,
  type DecisionOutcome,
  type ModelDecision,
} from '../../model/modelApproval';
import type { QualityMetric } from '../../model/modelQualityMetrics';

async function metricsOf(session: AwsSession, arn: string): Promise<QualityMetric[] | undefined> {
  const uri = statisticsUriOf(await describeModelPackage(session.clients, arn));
  return uri ? readQualityMetrics(session.clients, uri) : undefined;
}

export interface ModelApprovalPrompts {
  comment(decision: ModelDecision, version: string): Thenable<string | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export const modelApprovalDialogs: ModelApprovalPrompts = {
  comment: (decision, version) =>
    window.showInputBox({
      title: decision === 'Approved' ? vscode.l10n.t('Approve {0}', version) : vscode.l10n.t('Reject {0}', version),
      prompt:
        decision === 'Rejected'
          ? vscode.l10n.t('Why is it rejected? Recorded as the approval description (required).')
          : vscode.l10n.t('Approval description (optional).'),
      ignoreFocusOut: true,
      validateInput: (v) => approvalCommentProblem(decision, v),
    }),
  confirm: confirmModal,
};

/** Asks the description and a confirmation, then records the decision; the caller shows the outcome. */
export async function decideModelVersion(
  session: AwsSession,
  node: DecidableVersion,
  decision: ModelDecision,
  prompts = modelApprovalDialogs,
): Promise<DecisionOutcome> {
  const s = node.summary;
  const label = versionLabel(s);
  let detail: string;
  try {
    const [metrics, approved] = await Promise.all([
      node.metrics(),
      currentApprovedVersion(session.clients, s.ModelPackageGroupName ?? ''),
    ]);
    const other =
      approved && approved.ModelPackageArn !== s.ModelPackageArn
        ? await metricsOf(session, approved.ModelPackageArn ?? '').catch(() => undefined)
        : undefined;
    detail = [
      vscode.l10n.t('This version: {0}', metricsHeadline(metrics)),
      approvedLine(s, approved, other),
      vscode.l10n.t('Status now: {0}', s.ModelApprovalStatus ?? vscode.l10n.t('unknown')),
    ].join('\n');
  } catch (error) {
    detail = vscode.l10n.t(
      "The version's metrics could not be read: {0}",
      toUserError(error, session, 'sagemaker', 'DescribeModelPackage').message,
    );
  }
  const verb = decision === 'Approved' ? vscode.l10n.t('Approve') : vscode.l10n.t('Reject');
  const question = decision === 'Approved' ? vscode.l10n.t('Approve {0}?', label) : vscode.l10n.t('Reject {0}?', label);
  const comment = await prompts.comment(decision, label);
  if (comment === undefined) return { outcome: 'cancelled' };
  const fullDetail = [
    detail,
    vscode.l10n.t('Description: {0}', comment.trim() || vscode.l10n.t('(none)')),
    decisionConsequence(decision),
  ].join('\n');
  if (!(await prompts.confirm(question, fullDetail, verb))) return { outcome: 'cancelled', detail: fullDetail };
  try {
    await setModelPackageApproval(session.clients, s.ModelPackageArn ?? '', decision, comment.trim());
  } catch (error) {
    return {
      outcome: 'failed',
      message: toUserError(error, session, 'sagemaker', 'UpdateModelPackage').message,
      detail: fullDetail,
    };
  }
  node.approvalChanged(decision);
  return {
    outcome: 'decided',
    message: decision === 'Approved' ? vscode.l10n.t('Approved {0}.', label) : vscode.l10n.t('Rejected {0}.', label),
    detail: fullDetail,
  };
}
