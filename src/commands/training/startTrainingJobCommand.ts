// Start a training job (seed 003 chapter 3: the AutoGluon container on the abalone channels): the plan is
// asked (wizard) from defaults (a scaffolded folder's sagemaker-training.json and hyperparameters.json, an
// existing job when cloning, or the plan of a start that failed, so nothing is typed twice), checked as
// SageMaker checks it, every input channel checked to hold data, confirmed, then CreateTrainingJob. Stop
// asks first.
import * as vscode from 'vscode';
import { ecrImages, ecrRepositories, type ImageChoice, type RepositoryChoice } from '../../aws/ecr/imagesApi';
import { sageMakerRoles, type RoleChoice } from '../../aws/iam/rolesApi';
import { describeTrainingJob } from '../../aws/sagemaker/trainingJobsApi';
import { emptyChannels, startTrainingJob, stopTrainingJob } from '../../aws/sagemaker/trainingRunApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import {
  defaultTrainingPlan,
  describeTrainingPlan,
  planFromFolderFiles,
  planFromJob,
  trainingPlanProblem,
  type TrainingPlan,
} from '../../model/trainingJobPlan';
import { RetryPlans } from '../../ui/retryPlans';

export interface TrainingWizardHelpers {
  /** Listed while the user answers the first steps: the wizard opens without waiting for IAM. */
  roles: Promise<readonly RoleChoice[]>;
  repositories(): Promise<RepositoryChoice[]>;
  images(repository: RepositoryChoice): Promise<ImageChoice[]>;
}

export interface StartTrainingPrompts {
  plan(defaults: TrainingPlan, helpers: TrainingWizardHelpers): Thenable<TrainingPlan | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

/** The key of the training wizard's kept plan: one new job at a time. */
export const NEXT_TRAINING_JOB = 'next training job'; // l10n-exempt: a key of the kept plans, never shown

export interface TrainingContext {
  session: AwsSession;
  lastRole(): string | undefined;
  rememberRole(arn: string): Thenable<void>;
  changed(): void;
}

/**
 * The plan of the last start that did not happen (refused here or by AWS, or not confirmed), offered again by
 * the next start. One per window, like the wizard; tests clear it between them.
 */
export const trainingRetryPlans = new RetryPlans<TrainingPlan>();

export type TrainingOutcome = {
  outcome: 'started' | 'stopped' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  jobName?: string;
};

/** Defaults from a scaffolded folder: its sagemaker-training.json and hyperparameters.json, when present. */
export async function folderPlan(
  folder: vscode.Uri,
  base: TrainingPlan,
): Promise<{ plan: TrainingPlan; problem?: string }> {
  const read = async (name: string) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    } catch {
      return undefined;
    }
  };
  return planFromFolderFiles(
    base,
    folder.path.split('/').pop() ?? '',
    await read('sagemaker-training.json'),
    await read('hyperparameters.json'),
  );
}

export async function startTraining(
  ctx: TrainingContext,
  defaults: TrainingPlan | undefined,
  prompts: StartTrainingPrompts,
): Promise<TrainingOutcome> {
  const { session } = ctx;
  const roles = sageMakerRoles(session.clients).catch(() => [] as RoleChoice[]);
  const helpers: TrainingWizardHelpers = {
    roles,
    repositories: () => ecrRepositories(session.clients),
    images: (repo) => ecrImages(session.clients, repo),
  };
  const start = defaults ?? trainingRetryPlans.offer(NEXT_TRAINING_JOB) ?? defaultTrainingPlan(ctx.lastRole());
  const plan = await prompts.plan(start, helpers);
  if (!plan) return { outcome: 'cancelled' };
  const problem = trainingPlanProblem(plan);
  if (problem) {
    trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'refused', message: problem };
  }
  try {
    const empty = await emptyChannels(session.clients, plan.channels);
    if (empty.length) {
      trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
      return {
        outcome: 'refused',
        message: vscode.l10n.t(
          'No data at {0}; upload it or correct the location.',
          empty.map((c) => vscode.l10n.t('{0} (channel {1})', c.s3Uri, c.name)).join(', '),
        ),
      };
    }
  } catch (error) {
    trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        'The input channels cannot be checked: {0}',
        toUserError(error, session, 's3', 'ListBucket').message,
      ),
    };
  }
  if (
    !(await prompts.confirm(
      vscode.l10n.t('Start training job {0}?', plan.jobName),
      describeTrainingPlan(plan),
      vscode.l10n.t('Start'),
    ))
  ) {
    trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'cancelled' };
  }
  await ctx.rememberRole(plan.roleArn);
  try {
    await startTrainingJob(session.clients, plan);
  } catch (error) {
    trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
    return {
      outcome: 'failed',
      message: vscode.l10n.t(
        '{0} Start again to retry: the wizard keeps what you entered.',
        toUserError(error, session, 'sagemaker', 'CreateTrainingJob').message,
      ),
    };
  }
  trainingRetryPlans.done(NEXT_TRAINING_JOB);
  ctx.changed();
  return {
    outcome: 'started',
    jobName: plan.jobName,
    message: vscode.l10n.t('Started training job {0}.', plan.jobName),
  };
}

/** A new job with an existing job's settings (a new name), through the same wizard. */
export async function cloneTraining(
  ctx: TrainingContext,
  jobName: string,
  prompts: StartTrainingPrompts,
): Promise<TrainingOutcome> {
  let job;
  try {
    job = await describeTrainingJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'DescribeTrainingJob').message };
  }
  return startTraining(ctx, planFromJob(job, new Date()), prompts);
}

export async function stopTraining(
  ctx: TrainingContext,
  jobName: string,
  prompts: Pick<StartTrainingPrompts, 'confirm'>,
): Promise<TrainingOutcome> {
  if (
    !(await prompts.confirm(
      vscode.l10n.t('Stop training job {0}?', jobName),
      vscode.l10n.t(
        'SageMaker sends SIGTERM to the container and uploads what it saved in /opt/ml/model. A stopped job cannot be resumed; billing ends when it has stopped.',
      ),
      vscode.l10n.t('Stop'),
    ))
  )
    return { outcome: 'cancelled' };
  try {
    await stopTrainingJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'StopTrainingJob').message };
  }
  ctx.changed();
  return { outcome: 'stopped', jobName, message: vscode.l10n.t('Stopping {0}.', jobName) };
}
