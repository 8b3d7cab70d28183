// Register a model in the registry from a training job or an Autopilot candidate: into an existing group or
// one created on request, with the location of its model quality statistics (checked to exist) and an
// approval status. CreateModelPackage(Group); the Model Registry view shows the new version at once.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import {
  createModelPackage,
  createModelPackageGroup,
  listModelPackageGroupNames,
} from '../../aws/sagemaker/modelRegistryApi';
import { objectExists } from '../../aws/s3/objectExists';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { resourceNameProblem } from '../../model/deployPlan';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import { confirmModal } from '../../ui/confirmModal';

export type InitialApproval = 'PendingManualApproval' | 'Approved';

export interface RegisterPrompts {
  group(existing: string[]): Thenable<{ name: string; create: boolean } | undefined>;
  /** s3:// URI of the statistics JSON, '' for none, undefined to cancel. */
  metricsLocation(source: DeploySource): Thenable<string | undefined>;
  approval(): Thenable<InitialApproval | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

export type RegisterOutcome = {
  outcome: 'registered' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  arn?: string;
};

export function s3UriProblem(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const location = parseS3Uri(value.trim());
  return location && location.key && !location.key.endsWith('/')
    ? undefined
    : vscode.l10n.t('"{0}" is not an S3 object URI like s3://bucket/evaluation/evaluation.json', value);
}

export async function registerModel(
  session: AwsSession,
  source: DeploySource,
  prompts: RegisterPrompts,
  changed: () => void,
): Promise<RegisterOutcome> {
  const container = source.containers?.[0];
  if (!source.containers?.length || !container?.Image)
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} has no inference container to register.', source.label),
    };
  const group = await prompts.group(await listModelPackageGroupNames(session.clients));
  if (!group) return { outcome: 'cancelled' };
  const nameProblem = resourceNameProblem(group.name, vscode.l10n.t('A model package group name'));
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const metrics = await prompts.metricsLocation(source);
  if (metrics === undefined) return { outcome: 'cancelled' };
  const uriProblem = s3UriProblem(metrics);
  if (uriProblem) return { outcome: 'refused', message: uriProblem };
  const location = metrics.trim() ? parseS3Uri(metrics.trim()) : undefined;
  if (location && !(await objectExists(session.clients, location.bucket, location.key)))
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        'There is no object at {0}; register without metrics or point at the evaluation report.',
        metrics.trim(),
      ),
    };
  const approval = await prompts.approval();
  if (!approval) return { outcome: 'cancelled' };
  const detail = [
    group.create
      ? vscode.l10n.t('Creates the model package group {0}.', group.name)
      : vscode.l10n.t('Adds a version to {0}.', group.name),
    vscode.l10n.t('Containers: {0}', source.containers.map((c) => c.Image).join(' → ')),
    vscode.l10n.t('Artefact: {0}', container.ModelDataUrl ?? vscode.l10n.t('none')),
    vscode.l10n.t('Metrics: {0}', metrics.trim() || vscode.l10n.t('none')),
    approval === 'Approved'
      ? vscode.l10n.t('Approval status: {0} — deployments that follow approvals will pick it up.', approval)
      : vscode.l10n.t('Approval status: {0}.', approval),
  ].join('\n');
  const question = vscode.l10n.t('Register {0} in {1}?', source.label, group.name);
  if (!(await prompts.confirm(question, detail, vscode.l10n.t('Register')))) return { outcome: 'cancelled' };
  let operation = 'CreateModelPackageGroup';
  try {
    if (group.create)
      // l10n-exempt: the group's description, sent to AWS
      await createModelPackageGroup(session.clients, group.name, `Registered from ${source.label}`);
    operation = 'CreateModelPackage';
    const arn = await createModelPackage(session.clients, {
      group: group.name,
      description: `Registered from ${source.label}`, // l10n-exempt: the version's description, sent to AWS
      containers: source.containers,
      statisticsUri: metrics.trim() || undefined,
      approval,
      generatedBy: source.label,
    });
    changed();
    const version = arn?.split('/').pop();
    return {
      outcome: 'registered',
      arn,
      message: vscode.l10n.t('Registered {0} as {1} v{2} ({3}).', source.label, group.name, version ?? '?', approval),
    };
  } catch (error) {
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        'Registering {0} failed at {1}: {2}',
        source.label,
        operation,
        toUserError(error, session, 'sagemaker', operation).message,
      ),
    };
  }
}

export const registerDialogs: RegisterPrompts = {
  group: async (existing) => {
    const items = [
      { label: vscode.l10n.t('$(add) New group…'), value: '' },
      ...existing.map((g) => ({ label: g, value: g })),
    ];
    const picked = await window.showQuickPick(items, {
      title: vscode.l10n.t('Register in which model package group?'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.value) return { name: picked.value, create: false };
    const name = await window.showInputBox({
      title: vscode.l10n.t('New model package group'),
      prompt: vscode.l10n.t('Name of the group to create'),
      ignoreFocusOut: true,
      validateInput: (v) =>
        resourceNameProblem(v, vscode.l10n.t('A model package group name')) ??
        (existing.includes(v) ? vscode.l10n.t('{0} exists already; pick it from the list', v) : undefined),
    });
    return name ? { name, create: true } : undefined;
  },
  metricsLocation: (source) =>
    window.showInputBox({
      title: vscode.l10n.t('Model quality statistics of {0}', source.label),
      prompt: vscode.l10n.t(
        'S3 URI of the evaluation JSON (regression_metrics or a classification report); leave empty for none',
      ),
      placeHolder: `s3://${source.bucket ?? 'bucket'}/…/evaluation/evaluation.json`,
      ignoreFocusOut: true,
      validateInput: s3UriProblem,
    }),
  approval: async () =>
    (
      await window.showQuickPick(
        [
          { label: 'PendingManualApproval', description: vscode.l10n.t('an approver decides (default)') },
          // l10n-exempt: AWS's ModelApprovalStatus value, shown as AWS names it and returned as the choice
          { label: 'Approved', description: vscode.l10n.t('approve on registration') },
        ],
        { title: vscode.l10n.t('Approval status of the new version'), ignoreFocusOut: true },
      )
    )?.label as InitialApproval | undefined,
  confirm: confirmModal,
};
