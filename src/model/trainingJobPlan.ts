// A training job as the start wizard plans it (CreateTrainingJob for a bring-your-own-container image,
// seed 003 chapter 3), checked as SageMaker checks it before the call, turned into the request, and
// rebuilt from an existing job so "Clone job" starts from its settings.
import * as l10n from '@vscode/l10n';
import { s3UriProblem } from './autoMlPlan';
import { parseFolderDefaults } from './autoGluonScaffold';
import { instanceTypeProblem, resourceNameProblem, roleArnProblem } from './deployPlan';

export interface TrainingChannel {
  name: string;
  s3Uri: string;
  contentType?: string;
}

export interface MetricDefinition {
  name: string;
  regex: string;
}

export interface TrainingPlan {
  jobName: string;
  image: string;
  instanceType: string;
  instanceCount: number;
  volumeSizeInGB: number;
  maxRuntimeSeconds: number;
  roleArn: string;
  channels: TrainingChannel[];
  outputS3Uri: string;
  hyperParameters: Record<string, string>;
  /** Managed spot training: wait at most this long for capacity, resuming from the checkpoints. */
  spot?: { maxWaitSeconds: number; checkpointS3Uri: string };
  metricDefinitions: MetricDefinition[];
}

/** Instance types the seed's AutoGluon runs use (memory-heavy M5 first); any other ml.* type may be typed. */
export const TRAINING_INSTANCE_TYPES = [
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.c5.2xlarge',
  'ml.g4dn.xlarge',
  'ml.p3.2xlarge',
];

/** AutoGluon prints a validation score per model; the scaffold's train.py keeps that format. */
export const AUTOGLUON_METRICS: MetricDefinition[] = [
  // l10n-exempt: a regex matching AutoGluon's own log line, sent to SageMaker as the metric definition
  { name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' },
];

const MAX_RUNTIME = 2_419_200; // 28 days, SageMaker's ceiling for MaxRuntimeInSeconds
const ECR_URI =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))?$/;
const CHANNEL_NAME = /^[A-Za-z0-9.\-_]{1,64}$/;

export function trainingJobNameProblem(name: string): string | undefined {
  return resourceNameProblem(name, l10n.t('A training job name'));
}

/** An image SageMaker can pull: an ECR URI with a tag or digest (`repo:latest` is not assumed). */
export function ecrImageProblem(uri: string): string | undefined {
  const text = uri.trim();
  if (!text) return l10n.t('A training image is required');
  if (text.length > 255) return l10n.t('An image URI has at most 255 characters ({0} now)', text.length);
  const match = ECR_URI.exec(text);
  if (!match)
    return l10n.t('Enter an ECR image URI like 123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest');
  if (!match[4] && !match[5]) return l10n.t('Add a tag (:latest) or a digest (@sha256:…) to the image URI');
  return undefined;
}

function wholeNumberProblem(text: string, what: string, min: number, max: number): string | undefined {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return l10n.t('{0} is a whole number', what);
  if (n < min || n > max)
    return l10n.t('{0} is from {1} to {2}', what, min.toLocaleString('en-US'), max.toLocaleString('en-US'));
  return undefined;
}

export const instanceCountProblem = (text: string) => wholeNumberProblem(text, l10n.t('The instance count'), 1, 100);
export const volumeSizeProblem = (text: string) => wholeNumberProblem(text, l10n.t('The volume size in GB'), 1, 16_384);
export const maxRuntimeSecondsProblem = (text: string) =>
  wholeNumberProblem(text, l10n.t('The maximum runtime in seconds'), 1, MAX_RUNTIME);

/** `training=s3://bucket/key testing=s3://…` (spaces, commas or new lines between channels). */
export function parseChannels(text: string): { channels: TrainingChannel[]; problem?: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0)
    return {
      channels: [],
      problem: l10n.t('Name at least one input channel, like training=s3://my-bucket/abalone/training.csv'),
    };
  if (parts.length > 20) return { channels: [], problem: l10n.t('At most 20 input channels ({0} now)', parts.length) };
  const channels: TrainingChannel[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 1)
      return {
        channels: [],
        problem: l10n.t('"{0}" is not name=s3://…; each channel is its name, "=", and its S3 location', part),
      };
    const name = part.slice(0, eq);
    const s3Uri = part.slice(eq + 1);
    if (!CHANNEL_NAME.test(name))
      return {
        channels: [],
        problem: l10n.t('Channel name "{0}" uses letters, digits, ".", "-" and "_" (at most 64)', name),
      };
    if (channels.some((c) => c.name === name))
      return { channels: [], problem: l10n.t('Channel "{0}" is named twice', name) };
    const uriProblem = s3UriProblem(s3Uri, l10n.t('Channel {0}', name));
    if (uriProblem) return { channels: [], problem: uriProblem };
    channels.push({ name, s3Uri, contentType: /\.csv$/i.test(s3Uri) ? 'text/csv' : undefined });
  }
  return { channels };
}

export function channelsText(channels: TrainingChannel[]): string {
  return channels.map((c) => `${c.name}=${c.s3Uri}`).join(' ');
}

/**
 * Hyperparameters as SageMaker takes them: a flat JSON object of at most 100 entries whose values become
 * strings (numbers and booleans are written as JSON writes them); keys up to 256, values up to 2,500 characters.
 */
export function parseHyperParameters(text: string): { value: Record<string, string>; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() || '{}');
  } catch (error) {
    return { value: {}, problem: l10n.t('Hyperparameters are not valid JSON: {0}', (error as Error).message) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { value: {}, problem: l10n.t('Hyperparameters are a JSON object, like {"label": "rings"}') };
  const entries = Object.entries(parsed);
  if (entries.length > 100)
    return { value: {}, problem: l10n.t('At most 100 hyperparameters ({0} now)', entries.length) };
  const value: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (key.length === 0 || key.length > 256)
      return { value: {}, problem: l10n.t('Hyperparameter names have 1 to 256 characters ("{0}")', key.slice(0, 40)) };
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      return {
        value: {},
        problem: l10n.t(
          'Hyperparameter "{0}" must be a string, number or boolean, not {1}',
          key,
          v === null ? 'null' : Array.isArray(v) ? l10n.t('a list') : typeof v,
        ),
      };
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    if (text.length > 2500)
      return { value: {}, problem: l10n.t('Hyperparameter "{0}" has {1} characters; at most 2,500', key, text.length) };
    // defineProperty, not assignment: a hyperparameter may be called "__proto__" and must stay a key.
    Object.defineProperty(value, key, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return { value };
}

export function metricDefinitionsProblem(definitions: MetricDefinition[]): string | undefined {
  if (definitions.length > 40) return l10n.t('At most 40 metric definitions ({0} now)', definitions.length);
  for (const d of definitions) {
    if (!d.name || d.name.length > 255) return l10n.t('A metric name has 1 to 255 characters');
    if (!d.regex || d.regex.length > 500) return l10n.t('The regex of {0} has 1 to 500 characters', d.name);
    try {
      const groups = new RegExp(`${d.regex}|`).exec('')!.length - 1;
      if (groups < 1) return l10n.t('The regex of {0} needs a capture group around the number, like ([0-9.]+)', d.name);
    } catch (error) {
      return l10n.t('The regex of {0} is not a regular expression: {1}', d.name, (error as Error).message);
    }
  }
  return undefined;
}

/** `name=regex` lines, the way the wizard shows and takes them. */
export function parseMetricDefinitions(text: string): { definitions: MetricDefinition[]; problem?: string } {
  const definitions: MetricDefinition[] = [];
  for (const line of text
    .split(/\n|;;/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq < 1) return { definitions: [], problem: l10n.t('"{0}" is not name=regex', line) };
    definitions.push({ name: line.slice(0, eq).trim(), regex: line.slice(eq + 1).trim() });
  }
  return { definitions, problem: metricDefinitionsProblem(definitions) };
}

/** The first thing wrong with a whole plan, or undefined. */
export function trainingPlanProblem(plan: TrainingPlan): string | undefined {
  return (
    trainingJobNameProblem(plan.jobName) ??
    ecrImageProblem(plan.image) ??
    instanceTypeProblem(plan.instanceType) ??
    instanceCountProblem(String(plan.instanceCount)) ??
    volumeSizeProblem(String(plan.volumeSizeInGB)) ??
    maxRuntimeSecondsProblem(String(plan.maxRuntimeSeconds)) ??
    roleArnProblem(plan.roleArn) ??
    (plan.channels.length
      ? parseChannels(channelsText(plan.channels)).problem
      : l10n.t('Name at least one input channel')) ??
    s3UriProblem(plan.outputS3Uri, l10n.t('The output path')) ??
    parseHyperParameters(JSON.stringify(plan.hyperParameters)).problem ??
    (plan.spot ? spotProblem(plan) : undefined) ??
    metricDefinitionsProblem(plan.metricDefinitions)
  );
}

/** The longest wait for spot capacity plus training, as typed in the wizard: whole seconds, at least the maximum runtime. */
export function spotWaitProblem(text: string, maxRuntimeSeconds: number): string | undefined {
  const wait = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(wait) || wait < maxRuntimeSeconds)
    return l10n.t(
      'With spot training, the maximum wait ({0} s) is at least the maximum runtime ({1} s)',
      text.trim() || l10n.t('none'),
      maxRuntimeSeconds,
    );
  if (wait > MAX_RUNTIME) return l10n.t('The maximum wait for spot capacity is at most 2,419,200 seconds (28 days)');
  return undefined;
}

function spotProblem(plan: TrainingPlan): string | undefined {
  const spot = plan.spot!;
  return (
    spotWaitProblem(String(spot.maxWaitSeconds), plan.maxRuntimeSeconds) ??
    s3UriProblem(spot.checkpointS3Uri, l10n.t('The checkpoint location'))
  );
}

/** Where a new job starts when nothing else is known: AutoGluon on the abalone data, the last role used. */
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

/**
 * The defaults of a scaffolded folder named `folderName`: its sagemaker-training.json and hyperparameters.json
 * (undefined when the file is not there) over `base`, and what was wrong with them (those parts keep `base`).
 */
export function planFromFolderFiles(
  base: TrainingPlan,
  folderName: string,
  settings: string | undefined,
  hyper: string | undefined,
  now = new Date(),
): { plan: TrainingPlan; problem?: string } {
  const plan: TrainingPlan = { ...base, jobName: nextJobName(folderName || 'training', now) };
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
      channels: d.channels
        ? Object.entries(d.channels).map(([name, s3Uri]) => ({
            name,
            s3Uri: String(s3Uri),
            contentType: /\.csv$/i.test(String(s3Uri)) ? 'text/csv' : undefined,
          }))
        : plan.channels,
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

/** The plan as the start confirmation shows it, one fact per line. */
export function describeTrainingPlan(plan: TrainingPlan): string {
  const hyper =
    Object.entries(plan.hyperParameters)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || l10n.t('none');
  return [
    l10n.t('Image: {0}.', plan.image),
    l10n.t(
      'Compute: {0} × {1}, {2} GB volume, at most {3} s of training.',
      plan.instanceCount,
      plan.instanceType,
      plan.volumeSizeInGB,
      plan.maxRuntimeSeconds,
    ),
    plan.spot
      ? l10n.t(
          'Managed spot training: waits up to {0} s for capacity, checkpoints in {1}.',
          plan.spot.maxWaitSeconds,
          plan.spot.checkpointS3Uri,
        )
      : l10n.t('On-demand capacity.'),
    l10n.t('Input: {0}.', plan.channels.map((c) => `${c.name} ← ${c.s3Uri}`).join('; ')),
    l10n.t('Output: {0}. Role: {1}.', plan.outputS3Uri, plan.roleArn),
    l10n.t('Hyperparameters: {0}.', hyper),
    l10n.t('Metrics: {0}.', plan.metricDefinitions.map((d) => d.name).join(', ') || l10n.t('none defined')),
    l10n.t('Training instances are billed while the job runs.'),
  ].join('\n');
}

/** A new name for a copy: the base name with a fresh timestamp, as the SageMaker SDK names jobs. */
export function nextJobName(base: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:T]/g, '-').replace(/\..*$/, '').replace(/Z$/, '');
  const millis = String(at.getUTCMilliseconds()).padStart(3, '0');
  const stem = base.replace(/-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}(-\d{3})?$/, '');
  const suffix = `-${stamp}-${millis}`;
  return `${stem.slice(0, 63 - suffix.length)}${suffix}`;
}

/** The parts of DescribeTrainingJob's answer a clone takes (the SDK's type fits it). */
export interface ExistingJob {
  TrainingJobName?: string;
  AlgorithmSpecification?: { TrainingImage?: string; MetricDefinitions?: Array<{ Name?: string; Regex?: string }> };
  ResourceConfig?: { InstanceType?: string; InstanceCount?: number; VolumeSizeInGB?: number };
  StoppingCondition?: { MaxRuntimeInSeconds?: number; MaxWaitTimeInSeconds?: number };
  RoleArn?: string;
  InputDataConfig?: Array<{
    ChannelName?: string;
    ContentType?: string;
    DataSource?: { S3DataSource?: { S3Uri?: string } };
  }>;
  OutputDataConfig?: { S3OutputPath?: string };
  HyperParameters?: Record<string, string>;
  EnableManagedSpotTraining?: boolean;
  CheckpointConfig?: { S3Uri?: string };
}

/** The plan of an existing job, renamed, for "Clone job". */
export function planFromJob(job: ExistingJob, at: Date): TrainingPlan {
  const stopping = job.StoppingCondition;
  return {
    jobName: nextJobName(job.TrainingJobName ?? 'training', at),
    image: job.AlgorithmSpecification?.TrainingImage ?? '',
    instanceType: job.ResourceConfig?.InstanceType ?? 'ml.m5.xlarge',
    instanceCount: job.ResourceConfig?.InstanceCount ?? 1,
    volumeSizeInGB: job.ResourceConfig?.VolumeSizeInGB ?? 30,
    maxRuntimeSeconds: stopping?.MaxRuntimeInSeconds ?? 86_400,
    roleArn: job.RoleArn ?? '',
    channels: (job.InputDataConfig ?? []).map((c) => ({
      name: c.ChannelName ?? '',
      s3Uri: c.DataSource?.S3DataSource?.S3Uri ?? '',
      contentType: c.ContentType,
    })),
    outputS3Uri: job.OutputDataConfig?.S3OutputPath ?? '',
    hyperParameters: { ...(job.HyperParameters ?? {}) },
    spot:
      job.EnableManagedSpotTraining && stopping?.MaxWaitTimeInSeconds
        ? { maxWaitSeconds: stopping.MaxWaitTimeInSeconds, checkpointS3Uri: job.CheckpointConfig?.S3Uri ?? '' }
        : undefined,
    metricDefinitions: (job.AlgorithmSpecification?.MetricDefinitions ?? []).map((d) => ({
      name: d.Name ?? '',
      regex: d.Regex ?? '',
    })),
  };
}
