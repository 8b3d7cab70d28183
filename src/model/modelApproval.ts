// Approving or rejecting a model package version, as text: what the confirmation says about the version's
// metrics beside the group's currently approved version, and what the decision means for deployments.
// Pure, so the tree's command and the Model Group panel word it alike.
import * as l10n from '@vscode/l10n';
import { formatMetricValue } from './autoMlObjective';
import type { QualityMetric } from './modelQualityMetrics';

export type ModelDecision = 'Approved' | 'Rejected';

/** The parts of a ModelPackageSummary a decision names. */
export interface VersionSummary {
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelPackageArn?: string;
  ModelApprovalStatus?: string;
}

/** What deciding needs of a version: the tree node, or the Model Group panel's row. */
export interface DecidableVersion {
  readonly summary: VersionSummary;
  metrics(): Promise<QualityMetric[] | undefined>;
  approvalChanged(status: string): void;
}

export type DecisionOutcome = { outcome: 'decided' | 'cancelled' | 'failed'; message?: string; detail?: string };

export const versionLabel = (s: VersionSummary): string =>
  `${s.ModelPackageGroupName ?? ''} v${s.ModelPackageVersion ?? '?'}`;

/** Up to four metrics in one line, or that none were registered. */
export function metricsHeadline(metrics: QualityMetric[] | undefined): string {
  return metrics?.length
    ? metrics
        .slice(0, 4)
        .map((m) => `${m.name} ${formatMetricValue(m.value)}`)
        .join(' · ')
    : l10n.t('no metrics registered');
}

/** The line about the group's approved version: none, this one, or another with its metrics. */
export function approvedLine(
  version: VersionSummary,
  approved: VersionSummary | undefined,
  approvedMetrics: QualityMetric[] | undefined,
): string {
  if (!approved) return l10n.t('No version of the group is approved yet.');
  if (approved.ModelPackageArn === version.ModelPackageArn) return l10n.t('This is the currently approved version.');
  return l10n.t(
    'Currently approved: v{0} — {1}',
    approved.ModelPackageVersion ?? '?',
    metricsHeadline(approvedMetrics),
  );
}

export function decisionConsequence(decision: ModelDecision): string {
  return decision === 'Approved'
    ? l10n.t('Deployments that follow the latest approved version will pick it up.')
    : l10n.t('Deployments that follow approvals will not use it.');
}

/** The approval description's check: a reason is required to reject; at most 1024 characters. */
export function approvalCommentProblem(decision: ModelDecision, value: string): string | undefined {
  if (decision === 'Rejected' && !value.trim()) return l10n.t('A reason is required to reject a model version.');
  return value.length > 1024 ? l10n.t('At most 1024 characters ({0} now).', value.length) : undefined;
}
