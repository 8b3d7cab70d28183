// Register a model in the registry from a training job or an Autopilot candidate: into an existing group or
// one created on request, with the location of its model quality statistics (checked to exist) and an
// approval status. CreateModelPackage(Group); the Model Registry view shows the new version at once.
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
    : `"${value}" is not an S3 object URI like s3://bucket/evaluation/evaluation.json`;
}

export async function registerModel(
  session: AwsSession,
  source: DeploySource,
  prompts: RegisterPrompts,
  changed: () => void,
): Promise<RegisterOutcome> {
  const container = source.containers?.[0];
  if (!source.containers?.length || !container?.Image)
    return { outcome: 'refused', message: `${source.label} has no inference container to register.` };
  const group = await prompts.group(await listModelPackageGroupNames(session.clients));
  if (!group) return { outcome: 'cancelled' };
  const nameProblem = resourceNameProblem(group.name, 'A model package group name');
  if (nameProblem) return { outcome: 'refused', message: nameProblem };
  const metrics = await prompts.metricsLocation(source);
  if (metrics === undefined) return { outcome: 'cancelled' };
  const uriProblem = s3UriProblem(metrics);
  if (uriProblem) return { outcome: 'refused', message: uriProblem };
  const location = metrics.trim() ? parseS3Uri(metrics.trim()) : undefined;
  if (location && !(await objectExists(session.clients, location.bucket, location.key)))
    return {
      outcome: 'refused',
      message: `There is no object at ${metrics.trim()}; register without metrics or point at the evaluation report.`,
    };
  const approval = await prompts.approval();
  if (!approval) return { outcome: 'cancelled' };
  const detail = [
    group.create ? `Creates the model package group ${group.name}.` : `Adds a version to ${group.name}.`,
    `Containers: ${source.containers.map((c) => c.Image).join(' → ')}`,
    `Artefact: ${container.ModelDataUrl ?? 'none'}`,
    `Metrics: ${metrics.trim() || 'none'}`,
    `Approval status: ${approval}${approval === 'Approved' ? ' — deployments that follow approvals will pick it up' : ''}.`,
  ].join('\n');
  if (!(await prompts.confirm(`Register ${source.label} in ${group.name}?`, detail, 'Register')))
    return { outcome: 'cancelled' };
  let operation = 'CreateModelPackageGroup';
  try {
    if (group.create) await createModelPackageGroup(session.clients, group.name, `Registered from ${source.label}`);
    operation = 'CreateModelPackage';
    const arn = await createModelPackage(session.clients, {
      group: group.name,
      description: `Registered from ${source.label}`,
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
      message: `Registered ${source.label} as ${group.name} v${version ?? '?'} (${approval}).`,
    };
  } catch (error) {
    return {
      outcome: 'failed',
      message: `Registering ${source.label} failed at ${operation}: ${toUserError(error, session, 'sagemaker', operation).message}`,
    };
  }
}

export const registerDialogs: RegisterPrompts = {
  group: async (existing) => {
    const items = [{ label: '$(add) New group…', value: '' }, ...existing.map((g) => ({ label: g, value: g }))];
    const picked = await window.showQuickPick(items, {
      title: 'Register in which model package group?',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.value) return { name: picked.value, create: false };
    const name = await window.showInputBox({
      title: 'New model package group',
      prompt: 'Name of the group to create',
      ignoreFocusOut: true,
      validateInput: (v) =>
        resourceNameProblem(v, 'A model package group name') ??
        (existing.includes(v) ? `${v} exists already; pick it from the list` : undefined),
    });
    return name ? { name, create: true } : undefined;
  },
  metricsLocation: (source) =>
    window.showInputBox({
      title: `Model quality statistics of ${source.label}`,
      prompt: 'S3 URI of the evaluation JSON (regression_metrics or a classification report); leave empty for none',
      placeHolder: `s3://${source.bucket ?? 'bucket'}/…/evaluation/evaluation.json`,
      ignoreFocusOut: true,
      validateInput: s3UriProblem,
    }),
  approval: async () =>
    (
      await window.showQuickPick(
        [
          { label: 'PendingManualApproval', description: 'an approver decides (default)' },
          { label: 'Approved', description: 'approve on registration' },
        ],
        { title: 'Approval status of the new version', ignoreFocusOut: true },
      )
    )?.label as InitialApproval | undefined,
  confirm: confirmModal,
};
