// Create a notebook instance: the plan (name, instance type, role, volume, lifecycle configuration — an
// existing one, a new one from a template, or none —, default code repository, root and internet access)
// is checked as SageMaker would before any call, confirmed with what it costs, then created and followed
// Pending -> InService. A new lifecycle configuration is created first, so the instance runs it.
import * as vscode from 'vscode';
import { listRepositoriesPage } from '../../aws/codecommit/codeCommitApi';
import { codeRepositoryNames, lifecycleConfigNames } from '../../aws/sagemaker/notebookInstancesApi';
import {
  createLifecycleConfig,
  createNotebookInstance,
  waitForNotebook,
} from '../../aws/sagemaker/notebookLifecycleApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { followWithProgress } from '../../ui/followWithProgress';
import { pace } from '../../ui/pace';
import { templateScript } from '../../model/lifecycleTemplates';
import { notebookPlanProblem, type NotebookInstancePlan } from '../../model/notebookInstancePlan';
import { createPlanDetail } from '../../model/notebookInstanceText';
import type { NotebookContext } from './notebookInstanceCommands';
import { sageMakerRoles, type RoleChoice } from '../../aws/iam/rolesApi';
import type { RetryPlans } from '../../ui/retryPlans';

/** The one key of the create wizard's kept plan (there is one new instance at a time). */
const NEW_INSTANCE = 'new notebook instance'; // l10n-exempt: a map key, not shown

export interface CreateChoices {
  lifecycleConfigs: string[];
  /** Label shown and the value SageMaker takes. */
  repositories: Array<{ label: string; value: string }>;
  lastRole?: string;
  /** Roles SageMaker may assume (empty when IAM cannot be listed: the ARN is typed then). */
  roles: RoleChoice[];
  /** What was entered for a create that did not happen; the wizard starts from it. */
  previous?: NotebookInstancePlan;
}

export interface CreateNotebookPrompts {
  plan(choices: CreateChoices): Thenable<NotebookInstancePlan | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

/** What the wizard offers: one list call each for lifecycle configurations, SageMaker code repositories and CodeCommit repositories. */
export async function createChoices(session: AwsSession, lastRole: string | undefined): Promise<CreateChoices> {
  const region = session.current.region;
  const [configs, repos, commits, roles] = await Promise.all([
    lifecycleConfigNames(session.clients),
    codeRepositoryNames(session.clients).catch(() => [] as string[]),
    listRepositoriesPage(session.clients, undefined).then(
      (page) => page.items.map((r) => r.repositoryName ?? ''),
      () => [] as string[],
    ),
    // Listing roles needs iam:ListRoles, which many data scientists lack: then the ARN is typed.
    sageMakerRoles(session.clients).catch(() => [] as RoleChoice[]),
  ]);
  const repositories = [
    ...repos.map((name) => ({ label: vscode.l10n.t('{0} (SageMaker code repository)', name), value: name })),
    ...commits.map((name) => ({
      label: vscode.l10n.t('{0} (CodeCommit)', name),
      value: `https://git-codecommit.${region}.amazonaws.com/v1/repos/${name}`,
    })),
  ];
  return { lifecycleConfigs: configs, repositories, lastRole, roles };
}

export type CreateNotebookContext = NotebookContext & {
  lastRole(): string | undefined;
  rememberRole(arn: string): Thenable<void>;
  retryPlans: RetryPlans<NotebookInstancePlan>;
};

export async function createNotebook(
  ctx: CreateNotebookContext,
  prompts: CreateNotebookPrompts,
): Promise<{ outcome: 'done' | 'cancelled' | 'refused' | 'failed' | 'stopped watching'; message?: string }> {
  const { session } = ctx;
  const choices = { ...(await createChoices(session, ctx.lastRole())), previous: ctx.retryPlans.offer(NEW_INSTANCE) };
  const plan = await prompts.plan(choices);
  if (!plan) return { outcome: 'cancelled' };
  const problem = notebookPlanProblem(plan, choices.lifecycleConfigs);
  if (problem) return { outcome: 'refused', message: problem };
  const l = plan.lifecycle;
  const detail = createPlanDetail(plan);
  if (
    !(await prompts.confirm(vscode.l10n.t('Create notebook instance {0}?', plan.name), detail, vscode.l10n.t('Create')))
  )
    return { outcome: 'cancelled' };
  await ctx.rememberRole(plan.roleArn);
  try {
    if (l.kind === 'new') await createLifecycleConfig(session.clients, l.name, '', templateScript(l.template));
  } catch (error) {
    // AWS did not take it (a dropped connection, expired credentials, a limit): the next create offers this plan.
    ctx.retryPlans.keep(NEW_INSTANCE, plan);
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        '{0} Create again to retry: the wizard keeps what you entered.',
        toUserError(error, session, 'sagemaker', 'CreateNotebookInstanceLifecycleConfig').message,
      ),
    };
  }
  try {
    await createNotebookInstance(session.clients, {
      NotebookInstanceName: plan.name,
      InstanceType: plan.instanceType as never,
      RoleArn: plan.roleArn,
      VolumeSizeInGB: plan.volumeSizeInGB,
      LifecycleConfigName: l.kind === 'none' ? undefined : l.name,
      DefaultCodeRepository: plan.defaultCodeRepository,
      RootAccess: plan.rootAccess ? 'Enabled' : 'Disabled',
      DirectInternetAccess: plan.directInternetAccess ? 'Enabled' : 'Disabled',
    });
  } catch (error) {
    // Kept for the next create; a configuration this attempt made exists now, so the retry picks it rather than making it again.
    ctx.retryPlans.keep(
      NEW_INSTANCE,
      l.kind === 'new' ? { ...plan, lifecycle: { kind: 'existing', name: l.name } } : plan,
    );
    const why = toUserError(error, session, 'sagemaker', 'CreateNotebookInstance').message;
    return {
      outcome: 'failed',
      message:
        l.kind === 'new'
          ? vscode.l10n.t(
              '{0} The lifecycle configuration {1} was created and is kept. Create again to retry: the wizard keeps what you entered.',
              why,
              l.name,
            )
          : vscode.l10n.t('{0} Create again to retry: the wizard keeps what you entered.', why),
    };
  }
  ctx.retryPlans.done(NEW_INSTANCE);
  ctx.changed();
  const settled = await followWithProgress(
    'notebook instances', // l10n-exempt: the key of the followed resource, not shown
    plan.name,
    vscode.l10n.t('Creating {0}', plan.name),
    undefined,
    (signal) => waitForNotebook(session.clients, plan.name, 'InService', signal, pace.followSeconds),
  );
  ctx.changed();
  // l10n-exempt: the waiter's state and the outcome kind are compared, not shown
  if (settled.state === 'stopped watching')
    return {
      outcome: 'stopped watching', // l10n-exempt: an outcome kind the command runner compares, not shown
      message: vscode.l10n.t('Stopped watching {0}; it is still being created.', plan.name),
    };
  if (settled.state === 'failed')
    return { outcome: 'failed', message: vscode.l10n.t('{0} failed to start: {1}', plan.name, settled.reason) };
  return { outcome: 'done', message: vscode.l10n.t('{0} is InService.', plan.name) };
}
