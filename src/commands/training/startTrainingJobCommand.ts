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
import { parseFolderDefaults } from '../../model/autoGluonScaffold';
import { AUTOGLUON_METRICS, nextJobName, parseHyperParameters, planFromJob, trainingPlanProblem, type TrainingPlan } from '../../model/trainingJobPlan';
import type { RetryPlans } from '../../ui/retryPlans';

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
  /** The plan of the last start that did not happen (refused here or by AWS, or not confirmed), offered again by the next start. */
  retryPlans: RetryPlans<TrainingPlan>;
}

export type TrainingOutcome = { outcome: 'started' | 'stopped' | 'cancelled' | 'refused' | 'failed'; message?: string; jobName?: string };

export function defaultTrainingPlan(lastRole: string | undefined, now = new Date()): TrainingPlan {
  return {
    jobName: nextJobName('abalone-autogluon', now),
    image: '',
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    volumeSizeInGB: 20,
    maxRuntimeSeconds: 3600,
    roleArn: lastRole ?? '',
    channels: [],
    outputS3Uri: '',
    hyperParameters: { label: 'rings' },
    metricDefinitions: AUTOGLUON_METRICS,
  };
}

/** Defaults from a scaffolded folder: its sagemaker-training.json and hyperparameters.json, when present. */
export async function folderPlan(folder: vscode.Uri, base: TrainingPlan): Promise<{ plan: TrainingPlan; problem?: string }> {
  const read = async (name: string) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    } catch {
      return undefined;
    }
  };
  const plan: TrainingPlan = { ...base, jobName: nextJobName(folder.path.split('/').pop() || 'training', new Date()) };
  const settings = await read('sagemaker-training.json');
  const hyper = await read('hyperparameters.json');
  const problems: string[] = [];
  if (settings !== undefined) {
    const { defaults: d, problem } = parseFolderDefaults(settings);
    if (problem) problems.push(problem);
    Object.assign(plan, {
      image: d.image ?? plan.image,
      instanceType: d.instanceType ?? plan.instanceType,
      instanceCount: d.instanceCount ?? plan.instanceCount,
      volumeSizeInGB: d.volumeSizeInGB ?? plan.volumeSizeInGB,
      maxRuntimeSeconds: d.maxRuntimeSeconds ?? plan.maxRuntimeSeconds,
      channels: d.channels ? Object.entries(d.channels).map(([name, s3Uri]) => ({ name, s3Uri: String(s3Uri), contentType: /\.csv$/i.test(String(s3Uri)) ? 'text/csv' : undefined })) : plan.channels,
      outputS3Uri: d.outputPath ?? plan.outputS3Uri,
      metricDefinitions: Array.isArray(d.metricDefinitions) ? d.metricDefinitions : plan.metricDefinitions,
    });
  }
  if (hyper !== undefined) {
    const parsed = parseHyperParameters(hyper);
    if (parsed.problem) problems.push(`hyperparameters.json: ${parsed.problem}`);
    else plan.hyperParameters = parsed.value;
  }
  return { plan, problem: problems.length ? problems.join(' ') : undefined };
}

function describePlan(plan: TrainingPlan): string {
  const hyper = Object.entries(plan.hyperParameters).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
  return [
    `Image: ${plan.image}.`,
    `Compute: ${plan.instanceCount} × ${plan.instanceType}, ${plan.volumeSizeInGB} GB volume, at most ${plan.maxRuntimeSeconds} s of training.`,
    plan.spot ? `Managed spot training: waits up to ${plan.spot.maxWaitSeconds} s for capacity, checkpoints in ${plan.spot.checkpointS3Uri}.` : 'On-demand capacity.',
    `Input: ${plan.channels.map((c) => `${c.name} ← ${c.s3Uri}`).join('; ')}.`,
    `Output: ${plan.outputS3Uri}. Role: ${plan.roleArn}.`,
    `Hyperparameters: ${hyper}.`,
    `Metrics: ${plan.metricDefinitions.map((d) => d.name).join(', ') || 'none defined'}.`,
    'Training instances are billed while the job runs.',
  ].join('\n');
}

export async function startTraining(ctx: TrainingContext, defaults: TrainingPlan | undefined, prompts: StartTrainingPrompts): Promise<TrainingOutcome> {
  const { session } = ctx;
  const roles = await sageMakerRoles(session.clients).catch(() => [] as RoleChoice[]);
  const helpers: TrainingWizardHelpers = { roles, repositories: () => ecrRepositories(session.clients), images: (repo) => ecrImages(session.clients, repo) };
  const start = defaults ?? ctx.retryPlans.offer(NEXT_TRAINING_JOB) ?? defaultTrainingPlan(ctx.lastRole());
  const plan = await prompts.plan(start, helpers);
  if (!plan) return { outcome: 'cancelled' };
  const problem = trainingPlanProblem(plan);
  if (problem) {
    ctx.retryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'refused', message: problem };
  }
  try {
    const empty = await emptyChannels(session.clients, plan.channels);
    if (empty.length) {
      ctx.retryPlans.keep(NEXT_TRAINING_JOB, plan);
      return { outcome: 'refused', message: `No data at ${empty.map((c) => `${c.s3Uri} (channel ${c.name})`).join(', ')}; upload it or correct the location.` };
    }
  } catch (error) {
    ctx.retryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'refused', message: `The input channels cannot be checked: ${toUserError(error, session, 's3', 'ListBucket').message}` };
  }
  if (!(await prompts.confirm(`Start training job ${plan.jobName}?`, describePlan(plan), 'Start'))) {
    ctx.retryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'cancelled' };
  }
  await ctx.rememberRole(plan.roleArn);
  try {
    await startTrainingJob(session.clients, plan);
  } catch (error) {
    ctx.retryPlans.keep(NEXT_TRAINING_JOB, plan);
    return { outcome: 'failed', message: `${toUserError(error, session, 'sagemaker', 'CreateTrainingJob').message} Start again to retry: the wizard keeps what you entered.` };
  }
  ctx.retryPlans.done(NEXT_TRAINING_JOB);
  ctx.changed();
  return { outcome: 'started', jobName: plan.jobName, message: `Started training job ${plan.jobName}.` };
}

/** A new job with an existing job's settings (a new name), through the same wizard. */
export async function cloneTraining(ctx: TrainingContext, jobName: string, prompts: StartTrainingPrompts): Promise<TrainingOutcome> {
  let job;
  try {
    job = await describeTrainingJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'DescribeTrainingJob').message };
  }
  return startTraining(ctx, planFromJob(job, new Date()), prompts);
}

export async function stopTraining(ctx: TrainingContext, jobName: string, prompts: Pick<StartTrainingPrompts, 'confirm'>): Promise<TrainingOutcome> {
  if (!(await prompts.confirm(`Stop training job ${jobName}?`, 'SageMaker sends SIGTERM to the container and uploads what it saved in /opt/ml/model. A stopped job cannot be resumed; billing ends when it has stopped.', 'Stop'))) return { outcome: 'cancelled' };
  try {
    await stopTrainingJob(ctx.session.clients, jobName);
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'StopTrainingJob').message };
  }
  ctx.changed();
  return { outcome: 'stopped', jobName, message: `Stopping ${jobName}.` };
}
