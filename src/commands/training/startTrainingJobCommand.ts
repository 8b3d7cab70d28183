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
  roles: RoleChoice[];
  repositories(): Promise<RepositoryChoice[]>;
  images(repository: RepositoryChoice): Promise<ImageChoice[]>;
}

export interface StartTrainingPrompts {
  plan(defaults: TrainingPlan, helpers: TrainingWizardHelpers): Thenable<TrainingPlan | undefined>;
  confirm(question: string, detail: string, action: string): Thenable<boolean>;
}

/** The key of the training wizard's kept plan: one new job at a time. */
export const NEXT_TRAINING_JOB = 'next training job';

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
  const roles = await sageMakerRoles(session.clients).catch(() => [] as RoleChoice[]);
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
        message: `No data at ${empty.map((c) => `${c.s3Uri} (channel ${c.name})`).join(', ')}; upload it or correct the location.`,
      };
    }
  } catch (error) {
    trainingRetryPlans.keep(NEXT_TRAINING_JOB, plan);
    return {
      outcome: 'refused',
      message: `The input channels cannot be checked: ${toUserError(error, session, 's3', 'ListBucket').message}`,
    };
  }
  if (!(await prompts.confirm(`Start training job ${plan.jobName}?`, describeTrainingPlan(plan), 'Start'))) {
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
      message: `${toUserError(error, session, 'sagemaker', 'CreateTrainingJob').message} Start again to retry: the wizard keeps what you entered.`,
    };
  }
  trainingRetryPlans.done(NEXT_TRAINING_JOB);
  ctx.changed();
  return { outcome: 'started', jobName: plan.jobName, message: `Started training job ${plan.jobName}.` };
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
      `Stop training job ${jobName}?`,
      'SageMaker sends SIGTERM to the container and uploads what it saved in /opt/ml/model. A stopped job cannot be resumed; billing ends when it has stopped.',
      'Stop',
    ))
  )
    return { outcome: 'cancelled' };
  try {
    await stopTrainingJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'StopTrainingJob').message };
  }
  ctx.changed();
  return { outcome: 'stopped', jobName, message: `Stopping ${jobName}.` };
}
