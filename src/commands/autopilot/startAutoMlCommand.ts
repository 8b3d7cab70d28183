// Start an Autopilot experiment (seed 003 chapter 2: the abalone CSV in S3, target rings, regression): the
// plan is asked (wizard), the training data's header read from S3 (a ranged GET) so the target is one of
// its columns, everything checked as SageMaker checks it, confirmed, then CreateAutoMLJobV2. A local CSV is
// uploaded first. Stop asks before stopping.
import * as path from 'path';
import * as vscode from 'vscode';
import { uploadObject } from '../../aws/s3/autopilotObjects';
import { sageMakerRoles, type RoleChoice } from '../../aws/iam/rolesApi';
import { startAutoMlJob, stopAutoMlJob, trainingDataColumns } from '../../aws/sagemaker/autoMlRunApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { autoMlPlanProblem, s3UriProblem, type AutoMlPlan } from '../../model/autoMlPlan';
import { defaultPlan, startDetail, uploadLocation } from '../../model/autopilotStart';
import { confirmModal } from '../../ui/confirmModal';
import type { RetryPlans } from '../../ui/retryPlans';
import { askAutoMlPlan } from './startAutoMlWizard';

export interface StartAutoMlPrompts {
  /** The whole plan; `columns` reads the header of a training data location. */
  plan(
    defaults: AutoMlPlan,
    helpers: { columns(s3Uri: string): Promise<string[]>; roles: Promise<readonly RoleChoice[]> },
  ): Thenable<AutoMlPlan | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

/** The wizard and the confirmation a user answers (the fault suites still script them directly). */
export const startDialogs: StartAutoMlPrompts = { plan: askAutoMlPlan, confirm: confirmModal };

export interface AutoMlContext {
  session: AwsSession;
  lastRole(): string | undefined;
  rememberRole(arn: string): Thenable<void>;
  changed(): void;
  /** Plans of starts that did not happen, by input location. */
  retryPlans: RetryPlans<AutoMlPlan>;
}

export type AutoMlOutcome = {
  outcome: 'started' | 'stopped' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  jobName?: string;
};

export async function startAutoMl(
  ctx: AutoMlContext,
  inputS3Uri: string,
  prompts: StartAutoMlPrompts = startDialogs,
): Promise<AutoMlOutcome> {
  const { session } = ctx;
  // Listed while the user answers the first steps: the wizard opens without waiting for IAM.
  const roles = sageMakerRoles(session.clients).catch(() => [] as RoleChoice[]);
  const offered = ctx.retryPlans.offer(inputS3Uri) ?? defaultPlan(inputS3Uri, ctx.lastRole());
  const plan = await prompts.plan(offered, {
    columns: async (uri) => (await trainingDataColumns(session.clients, uri)).columns,
    roles,
  });
  if (!plan) return { outcome: 'cancelled' };
  const early = autoMlPlanProblem(plan);
  if (early) return { outcome: 'refused', message: early };
  let data: { columns: string[]; object: string };
  try {
    data = await trainingDataColumns(session.clients, plan.inputS3Uri);
  } catch (error) {
    // Parquet has no text header to read; SageMaker checks its target column when the job starts.
    if (/parquet/i.test(plan.inputS3Uri)) data = { columns: [plan.target], object: plan.inputS3Uri };
    else
      return {
        outcome: 'refused',
        message: vscode.l10n.t(
          'The training data cannot be read: {0}',
          error instanceof Error && !('$metadata' in error)
            ? error.message
            : toUserError(error, session, 's3', 'GetObject').message,
        ),
      };
  }
  const problem = autoMlPlanProblem(plan, data.columns);
  if (problem) return { outcome: 'refused', message: problem };
  if (
    !(await prompts.confirm(
      vscode.l10n.t('Start Autopilot experiment {0}?', plan.jobName),
      startDetail(plan, data),
      vscode.l10n.t('Start'),
    ))
  )
    return { outcome: 'cancelled' };
  await ctx.rememberRole(plan.roleArn);
  try {
    await startAutoMlJob(session.clients, plan);
  } catch (error) {
    // AWS did not take it (a dropped connection, expired credentials, a limit): the next start offers this plan.
    ctx.retryPlans.keep(inputS3Uri, plan);
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        '{0} Start again to retry: the wizard keeps what you entered.',
        toUserError(error, session, 'sagemaker', 'CreateAutoMLJobV2').message,
      ),
    };
  }
  ctx.retryPlans.done(inputS3Uri);
  ctx.changed();
  return {
    outcome: 'started',
    jobName: plan.jobName,
    message: vscode.l10n.t(
      'Started Autopilot experiment {0}; candidates appear in its leaderboard as they are trained.',
      plan.jobName,
    ),
  };
}

/** Uploads a local CSV to an S3 prefix the user names, returning its location. */
export async function uploadTrainingData(session: AwsSession, file: vscode.Uri, prefix: string): Promise<string> {
  const problem = s3UriProblem(prefix, vscode.l10n.t('The upload location'));
  const location = uploadLocation(prefix, path.posix.basename(file.path));
  if (problem || !location) throw new Error(problem ?? vscode.l10n.t('Not an S3 location: {0}', prefix));
  await uploadObject(
    session.clients,
    location.bucket,
    location.key,
    await vscode.workspace.fs.readFile(file),
    'text/csv',
  );
  return `s3://${location.bucket}/${location.key}`;
}

export async function stopAutoMl(
  ctx: AutoMlContext,
  jobName: string,
  prompts: Pick<StartAutoMlPrompts, 'confirm'> = startDialogs,
): Promise<AutoMlOutcome> {
  if (
    !(await prompts.confirm(
      vscode.l10n.t('Stop Autopilot experiment {0}?', jobName),
      vscode.l10n.t(
        'Training stops; candidates trained so far stay in the leaderboard and can be deployed. A stopped job cannot be resumed.',
      ),
      vscode.l10n.t('Stop'),
    ))
  )
    return { outcome: 'cancelled' };
  try {
    await stopAutoMlJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'StopAutoMLJob').message };
  }
  ctx.changed();
  return { outcome: 'stopped', jobName, message: vscode.l10n.t('Stopping {0}.', jobName) };
}
