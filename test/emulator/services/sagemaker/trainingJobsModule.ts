// SageMaker training jobs: Starting -> Downloading -> Training -> Uploading -> Completed on the
// scaled clock, with secondary-status transitions, CloudWatch log lines appearing while the job
// trains, metrics extracted from them by the job's metric definitions, managed spot training and the
// model artifact in S3 once the job completes (images known to run AutoGluon write Leaderboard.csv and friends).
import { AwsError, type Clock, type OperationHandler } from '../../engine/contract';
import { phaseAt, type Phase } from '../support/lifecycle';
import { filterAndSort, page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import { parseS3Uri, type World } from '../world';
import { isAutoGluonImage } from '../ecr/imageLineage';
import { modelArchive, type ArchiveKind } from './modelArchives';
import { metricValues, trainingScript, type MetricDefinition, type ScriptLine } from './trainingJobLogs';
import { seedTrainingJobs } from './trainingJobsSeed';

type Secondary =
  'Starting' | 'Downloading' | 'Training' | 'Uploading' | 'Completed' | 'Failed' | 'Stopped' | 'Stopping';

export interface TrainingJob {
  name: string;
  arn: string;
  image: string;
  instanceType: string;
  instanceCount: number;
  volumeSizeInGB: number;
  roleArn: string;
  hyperParameters: Record<string, string>;
  channels: Array<{ name: string; s3Uri: string; contentType?: string }>;
  outputPath: string;
  maxRuntimeSeconds: number;
  creationTime: number;
  phases: Phase<Secondary>[];
  finalMetrics: Array<{ MetricName: string; Value: number }>;
  failureReason?: string;
  stoppedAt?: number;
  /** Set once the artifact and logs were written. */
  finished?: boolean;
  /** AutoGluon leaderboard rows for its archive, when the image is known to run AutoGluon (undefined: not judged yet). */
  autoGluon?: boolean;
  /** Which model.tar.gz it leaves (defaults from the image). */
  artefact?: ArchiveKind;
  metricDefinitions?: MetricDefinition[];
  spot?: { maxWaitSeconds: number; checkpointS3Uri?: string };
  /** Log lines already written to CloudWatch. */
  logged?: number;
  /** Seeded history: it ran at AWS speed, not on the emulator's scaled clock. */
  historical?: boolean;
}

/** The clock a job's phases run on: scaled for jobs started in the emulator, AWS time for history. */
function clockOf(world: World, job: TrainingJob): Clock {
  if (!job.historical) return world.clock;
  return {
    now: () => world.clock.now(),
    duration: (seconds) => seconds * 1000,
    advance: (ms) => world.clock.advance(ms),
  };
}

export function trainingJobs(world: World): Map<string, TrainingJob> {
  return world.state('sagemaker.training', () => new Map<string, TrainingJob>());
}

const SECONDS: Record<string, number> = { Starting: 120, Downloading: 60, Training: 900, Uploading: 30 };

export function trainingPhases(
  outcome: 'Completed' | 'Failed',
  trainingSeconds = SECONDS.Training,
): Phase<Secondary>[] {
  return [
    { status: 'Starting', seconds: SECONDS.Starting },
    { status: 'Downloading', seconds: SECONDS.Downloading },
    { status: 'Training', seconds: trainingSeconds },
    ...(outcome === 'Completed'
      ? [{ status: 'Uploading' as const, seconds: SECONDS.Uploading }, { status: 'Completed' as const }]
      : [{ status: 'Failed' as const }]),
  ];
}

const MESSAGES: Record<Secondary, string> = {
  Starting: 'Launching requested ML instances',
  Downloading: 'Downloading input data',
  Training: 'Training image download completed. Training in progress.',
  Uploading: 'Uploading generated training model',
  Completed: 'Training job completed',
  Failed: 'Training job failed',
  Stopping: 'Stopping the training job',
  Stopped: 'The training job was stopped',
};

function view(world: World, job: TrainingJob) {
  if (job.stoppedAt !== undefined)
    return { status: 'Stopped' as const, secondary: 'Stopped' as Secondary, endTime: new Date(job.stoppedAt) };
  const phase = phaseAt(job.phases, job.creationTime, clockOf(world, job));
  if (phase.settled)
    return {
      status: phase.status === 'Failed' ? ('Failed' as const) : ('Completed' as const),
      secondary: phase.status,
      endTime: new Date(phase.enteredAt),
    };
  return { status: 'InProgress' as const, secondary: phase.status, endTime: undefined };
}

function transitions(world: World, job: TrainingJob) {
  const out: Array<{ Status: string; StartTime: Date; EndTime?: Date; StatusMessage: string }> = [];
  let start = job.creationTime;
  const now = job.stoppedAt ?? world.clock.now();
  for (const phase of job.phases) {
    if (start > now) break;
    const end = phase.seconds === undefined ? undefined : start + clockOf(world, job).duration(phase.seconds);
    out.push({
      Status: phase.status,
      StartTime: new Date(start),
      EndTime: end !== undefined && end <= now ? new Date(end) : undefined,
      StatusMessage: phase.status === 'Failed' ? (job.failureReason ?? MESSAGES.Failed) : MESSAGES[phase.status],
    });
    if (end === undefined) break;
    start = end;
  }
  if (job.stoppedAt !== undefined)
    out.push({ Status: 'Stopped', StartTime: new Date(job.stoppedAt), StatusMessage: MESSAGES.Stopped });
  return out;
}

function artifactUri(job: TrainingJob): string {
  return `${job.outputPath.replace(/\/$/, '')}/${job.name}/output/model.tar.gz`;
}

function describe(world: World, job: TrainingJob) {
  const v = view(world, job);
  const clock = clockOf(world, job);
  const trainingStart = job.creationTime + clock.duration(SECONDS.Starting);
  const started = world.clock.now() >= trainingStart || v.status !== 'InProgress';
  // Billed seconds in AWS time, whatever the emulator's time scale.
  const seconds =
    v.endTime && started
      ? Math.max(1, Math.round((v.endTime.getTime() - trainingStart) / (clock.duration(1) || 1)))
      : undefined;
  return {
    TrainingJobName: job.name,
    TrainingJobArn: job.arn,
    ModelArtifacts: { S3ModelArtifacts: v.status === 'Completed' ? artifactUri(job) : '' },
    TrainingJobStatus: v.status,
    SecondaryStatus: v.secondary,
    FailureReason: v.status === 'Failed' ? job.failureReason : undefined,
    HyperParameters: job.hyperParameters,
    AlgorithmSpecification: {
      TrainingImage: job.image,
      TrainingInputMode: 'File',
      MetricDefinitions: job.metricDefinitions?.length ? job.metricDefinitions : undefined,
      EnableSageMakerMetricsTimeSeries: false,
    },
    RoleArn: job.roleArn,
    InputDataConfig: job.channels.map((c) => ({
      ChannelName: c.name,
      DataSource: {
        S3DataSource: { S3DataType: 'S3Prefix', S3Uri: c.s3Uri, S3DataDistributionType: 'FullyReplicated' },
      },
      ContentType: c.contentType,
      CompressionType: 'None',
      RecordWrapperType: 'None',
    })),
    OutputDataConfig: { KmsKeyId: '', S3OutputPath: job.outputPath },
    ResourceConfig: {
      InstanceType: job.instanceType,
      InstanceCount: job.instanceCount,
      VolumeSizeInGB: job.volumeSizeInGB,
    },
    StoppingCondition: { MaxRuntimeInSeconds: job.maxRuntimeSeconds, MaxWaitTimeInSeconds: job.spot?.maxWaitSeconds },
    CheckpointConfig: job.spot?.checkpointS3Uri
      ? { S3Uri: job.spot.checkpointS3Uri, LocalPath: '/opt/ml/checkpoints' }
      : undefined,
    CreationTime: new Date(job.creationTime),
    TrainingStartTime: started ? new Date(trainingStart) : undefined,
    TrainingEndTime: v.endTime,
    LastModifiedTime: v.endTime ?? new Date(world.clock.now()),
    SecondaryStatusTransitions: transitions(world, job),
    FinalMetricDataList:
      v.status === 'Completed' ? finalMetrics(job).map((m) => ({ ...m, Timestamp: v.endTime })) : undefined,
    EnableNetworkIsolation: false,
    EnableInterContainerTrafficEncryption: false,
    EnableManagedSpotTraining: job.spot !== undefined,
    TrainingTimeInSeconds: seconds,
    // Spot capacity bills a fraction of the time trained (the seed's jobs saved about 70%).
    BillableTimeInSeconds: seconds !== undefined && job.spot ? Math.max(1, Math.round(seconds * 0.3)) : seconds,
  };
}

function find(world: World, name: string): TrainingJob {
  const job = trainingJobs(world).get(name);
  if (!job) throw new AwsError('ValidationException', `Requested resource not found.`);
  return job;
}

/** While a job runs its log grows; once it has finished, a completed job leaves its model.tar.gz. */
function settleJobs(world: World): void {
  for (const job of trainingJobs(world).values()) {
    // Seeded jobs are judged once every module has seeded (ECR seeds after training).
    job.autoGluon ??= isAutoGluonImage(world, job.image);
    if (job.finished) continue;
    const v = view(world, job);
    writeLogs(world, job, v.status);
    if (v.status === 'InProgress') continue;
    job.finished = true;
    if (v.status === 'Completed') writeArtifact(world, job);
  }
}

/** Emulator time the Training phase begins, and its length in AWS seconds. */
function trainingPhase(job: TrainingJob): { offsetSeconds: number; seconds: number } {
  let offsetSeconds = 0;
  for (const phase of job.phases) {
    if (phase.status === 'Training') return { offsetSeconds, seconds: phase.seconds ?? 0 };
    offsetSeconds += phase.seconds ?? 0;
  }
  return { offsetSeconds, seconds: 0 };
}

function script(job: TrainingJob): ScriptLine[] {
  const failed = job.phases.at(-1)?.status === 'Failed';
  return trainingScript(job, trainingPhase(job).seconds, failed ? 'Failed' : 'Completed', job.failureReason);
}

/** The job's final metrics: the last value each metric definition found in the log, else the seeded ones. */
function finalMetrics(job: TrainingJob): TrainingJob['finalMetrics'] {
  if (!job.metricDefinitions?.length) return job.finalMetrics;
  const values = metricValues(
    script(job).map((l) => l.message),
    job.metricDefinitions,
  );
  return Object.entries(values)
    .filter(([, v]) => v.length > 0)
    .map(([MetricName, v]) => ({ MetricName, Value: v[v.length - 1] }));
}

/** Appends the lines printed by now (`/aws/sagemaker/TrainingJobs`, one stream per instance). */
export function writeLogs(world: World, job: TrainingJob, status: string): void {
  const clock = clockOf(world, job);
  const start = job.creationTime + clock.duration(trainingPhase(job).offsetSeconds);
  const until = job.stoppedAt ?? world.clock.now();
  const lines = script(job).map((l) => ({ message: l.message, timestamp: Math.round(start + clock.duration(l.at)) }));
  const due = lines.filter((l) => l.timestamp <= until || (status !== 'InProgress' && status !== 'Stopped'));
  if (status === 'Stopped' && job.logged !== -1) due.push({ message: 'Received SIGTERM, stopping', timestamp: until });
  const fresh = due.slice(Math.max(0, job.logged ?? 0));
  if (fresh.length === 0 || job.logged === -1) return;
  world.logs.append('/aws/sagemaker/TrainingJobs', `${job.name}/algo-1-${Math.floor(job.creationTime / 1000)}`, fresh);
  job.logged = status === 'Stopped' ? -1 : due.length;
}

export function writeArtifact(world: World, job: TrainingJob): void {
  const location = parseS3Uri(artifactUri(job));
  if (!location) return;
  world.s3.put(
    location.bucket,
    location.key,
    modelArchive(job.artefact ?? (job.autoGluon ? 'autogluon' : 'generic')),
    'application/x-tar',
  );
}

function handlers(world: World): Record<string, OperationHandler> {
  const jobs = trainingJobs(world);
  return {
    ListTrainingJobs: (input) => {
      // Default order: CreationTime, newest first. The documentation disagrees with itself: the SortOrder
      // member says "The default is Ascending" (the sentence every SageMaker SortOrder member carries), while
      // the operation's note describes a request that names no order (`aws sagemaker list-training-jobs
      // --max-results 100 --status-equals InProgress`) as taking jobs "sorted according to the creation
      // time, from the most current to the oldest". The note is specific to this operation and describes
      // an actual unsorted request, so it wins: CreationTime Descending (filterAndSort's default).
      // The API reference: MaxResults jobs are retrieved ignoring StatusEquals, then filtered by it, so a
      // page can come back short or empty with a NextToken. NameContains and the time filters apply first.
      const { StatusEquals, ...unfiltered } = input;
      const sorted = filterAndSort([...jobs.values()], unfiltered, (j) => ({
        name: j.name,
        status: view(world, j).status,
        creationTime: new Date(j.creationTime),
      }));
      const { items: retrieved, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      const items = StatusEquals ? retrieved.filter((job) => view(world, job).status === StatusEquals) : retrieved;
      return {
        TrainingJobSummaries: items.map((job) => {
          const v = view(world, job);
          return {
            TrainingJobName: job.name,
            TrainingJobArn: job.arn,
            CreationTime: new Date(job.creationTime),
            TrainingEndTime: v.endTime,
            LastModifiedTime: v.endTime ?? new Date(world.clock.now()),
            TrainingJobStatus: v.status,
          };
        }),
        NextToken,
      };
    },
    DescribeTrainingJob: (input) => describe(world, find(world, input.TrainingJobName)),
    CreateTrainingJob: (input, ctx) => {
      if (jobs.has(input.TrainingJobName))
        throw new AwsError(
          'ResourceInUse',
          `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${world.arn('sagemaker', ctx.region, `training-job/${input.TrainingJobName.toLowerCase()}`)})`,
        );
      const image: string = input.AlgorithmSpecification?.TrainingImage ?? '';
      const channels = (input.InputDataConfig ?? []).map(
        (c: { ChannelName: string; ContentType?: string; DataSource?: { S3DataSource?: { S3Uri: string } } }) => ({
          name: c.ChannelName,
          s3Uri: c.DataSource?.S3DataSource?.S3Uri ?? '',
          contentType: c.ContentType,
        }),
      );
      const missing = channels.find((c: { s3Uri: string }) => {
        const location = parseS3Uri(c.s3Uri);
        const bucket = location && world.s3.buckets.get(location.bucket);
        return !bucket || ![...bucket.objects.keys()].some((k) => k.startsWith(location.key));
      });
      const spot = input.EnableManagedSpotTraining === true;
      const maxRuntimeSeconds: number = input.StoppingCondition?.MaxRuntimeInSeconds ?? 86400;
      const maxWaitSeconds: number | undefined = input.StoppingCondition?.MaxWaitTimeInSeconds;
      if (spot && maxWaitSeconds === undefined)
        throw new AwsError(
          'ValidationException',
          'MaxWaitTimeInSeconds must be specified when EnableManagedSpotTraining is true.',
        );
      if (spot && maxWaitSeconds! < maxRuntimeSeconds)
        throw new AwsError(
          'ValidationException',
          `Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds (${maxRuntimeSeconds}).`,
        );
      if (!spot && maxWaitSeconds !== undefined)
        throw new AwsError(
          'ValidationException',
          'MaxWaitTimeInSeconds can only be specified when EnableManagedSpotTraining is true.',
        );
      const definitions: MetricDefinition[] = input.AlgorithmSpecification?.MetricDefinitions ?? [];
      const badRegex = definitions.find((d) => {
        try {
          new RegExp(d.Regex);
          return false;
        } catch {
          return true;
        }
      });
      if (badRegex)
        throw new AwsError(
          'ValidationException',
          `Metric definition ${badRegex.Name} has an invalid regular expression: ${badRegex.Regex}`,
        );
      const autoGluon = isAutoGluonImage(world, image);
      const job: TrainingJob = {
        name: input.TrainingJobName,
        metricDefinitions: definitions,
        spot: spot ? { maxWaitSeconds: maxWaitSeconds!, checkpointS3Uri: input.CheckpointConfig?.S3Uri } : undefined,
        arn: world.arn('sagemaker', ctx.region, `training-job/${input.TrainingJobName.toLowerCase()}`),
        image,
        instanceType: input.ResourceConfig.InstanceType,
        instanceCount: input.ResourceConfig.InstanceCount ?? 1,
        volumeSizeInGB: input.ResourceConfig.VolumeSizeInGB ?? 30,
        roleArn: input.RoleArn,
        hyperParameters: input.HyperParameters ?? {},
        channels,
        outputPath: input.OutputDataConfig.S3OutputPath,
        maxRuntimeSeconds,
        creationTime: world.clock.now(),
        // AutoGluon fits for its time_limit hyperparameter (seconds), as the seed's train.py passes it.
        phases: trainingPhases(
          missing ? 'Failed' : 'Completed',
          autoGluon && Number(input.HyperParameters?.time_limit) > 0
            ? Number(input.HyperParameters.time_limit)
            : undefined,
        ),
        finalMetrics: [],
        failureReason: missing
          ? `ClientError: Data download failed:No S3 objects found under S3 URL "${missing.s3Uri}" given in input data source. Please ensure that the bucket exists in the selected region (${ctx.region}), that objects exist under that S3 prefix, and that the role "${input.RoleArn}" has "s3:ListBucket" permissions on bucket "${parseS3Uri(missing.s3Uri)?.bucket ?? ''}".`
          : undefined,
        autoGluon,
      };
      jobs.set(job.name, job);
      return { TrainingJobArn: job.arn };
    },
    StopTrainingJob: (input) => {
      const job = find(world, input.TrainingJobName);
      if (view(world, job).status !== 'InProgress')
        throw new AwsError(
          'ValidationException',
          `The request was rejected because the training job is in status ${view(world, job).status}.`,
        );
      job.stoppedAt = world.clock.now();
      return {};
    },
  };
}

export const trainingJobsModule: ServiceModule = {
  name: 'sagemaker training jobs',
  handlers: (world) => {
    world.addSettler(() => settleJobs(world));
    return { sagemaker: handlers(world) };
  },
  seed: seedTrainingJobs,
};
