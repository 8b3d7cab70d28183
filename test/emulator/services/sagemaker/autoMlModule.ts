// SageMaker Autopilot (AutoML V1 and V2 jobs) and their candidates. A job walks through the
// secondary statuses AWS reports for its mode; candidates appear one by one while models train,
// each with its objective metric, so a tree that polls sees the leaderboard grow.
import { AwsError, type OperationHandler } from '../../engine/contract';
import { phaseAt, type Phase } from '../support/lifecycle';
import { filterAndSort, page } from '../support/paging';
import { hexId, seededRandom } from '../support/random';
import type { ServiceModule } from '../serviceModule';
import { parseS3Uri, type StoredObject, type World } from '../world';
import { modelArchive } from './modelArchives';
import { inferProblemType } from './autoMlProblemType';
import { seedAutoMlJobs } from './autoMlSeed';

export type ProblemType = 'Regression' | 'BinaryClassification' | 'MulticlassClassification';

export interface Objective {
  MetricName: string;
  Type: 'Maximize' | 'Minimize';
}

export interface AutoMlJob {
  name: string;
  arn: string;
  v2: boolean;
  mode: 'HYPERPARAMETER_TUNING' | 'ENSEMBLING';
  problemType: ProblemType;
  objective: Objective;
  targetAttribute: string;
  inputS3Uri: string;
  outputS3Uri: string;
  roleArn: string;
  maxCandidates: number;
  creationTime: number;
  phases: Phase<string>[];
  /** Candidate metric values in creation order (the best is where it falls). */
  candidateValues: number[];
  failureReason?: string;
  stoppedAt?: number;
  /** What the request named; absent ones were inferred from the data (seeded jobs default to given). */
  given?: { problemType: boolean; objective: boolean };
  /** What candidate names start with (the job name when absent); tests put hostile strings here. */
  candidateNamePrefix?: string;
}

const OBJECTIVE_DEFAULTS: Record<ProblemType, Objective> = {
  Regression: { MetricName: 'MSE', Type: 'Minimize' },
  BinaryClassification: { MetricName: 'F1', Type: 'Maximize' },
  MulticlassClassification: { MetricName: 'Accuracy', Type: 'Maximize' },
};

export function autoMlJobs(world: World): Map<string, AutoMlJob> {
  return world.state('sagemaker.automl', () => new Map<string, AutoMlJob>());
}

/** Secondary statuses and their AWS durations; the last is where a finished job rests. */
export function jobPhases(mode: AutoMlJob['mode'], candidates: number, failure?: string): Phase<string>[] {
  if (failure)
    return [{ status: 'Starting', seconds: 60 }, { status: 'AnalyzingData', seconds: 240 }, { status: 'Failed' }];
  if (mode === 'ENSEMBLING') {
    return [
      { status: 'Starting', seconds: 60 },
      { status: 'AnalyzingData', seconds: 300 },
      { status: 'TrainingModels', seconds: candidates * 30 },
      { status: 'GeneratingExplainabilityReport', seconds: 300 },
      { status: 'GeneratingModelInsightsReport', seconds: 300 },
      { status: 'Completed' },
    ];
  }
  return [
    { status: 'Starting', seconds: 60 },
    { status: 'AnalyzingData', seconds: 600 },
    { status: 'FeatureEngineering', seconds: 900 },
    { status: 'ModelTuning', seconds: candidates * 30 },
    { status: 'GeneratingExplainabilityReport', seconds: 300 },
    { status: 'MaxCandidatesReached' },
  ];
}

const TRAINING_PHASES = new Set(['ModelTuning', 'TrainingModels']);

interface JobView {
  status: 'InProgress' | 'Completed' | 'Failed' | 'Stopped' | 'Stopping';
  secondary: string;
  endTime?: Date;
  /** How many candidates exist now. */
  visibleCandidates: number;
}

export function viewOf(world: World, job: AutoMlJob): JobView {
  if (job.stoppedAt !== undefined) {
    return {
      status: 'Stopped',
      secondary: 'Stopped',
      endTime: new Date(job.stoppedAt),
      visibleCandidates: countAt(world, job, job.stoppedAt),
    };
  }
  const phase = phaseAt(job.phases, job.creationTime, world.clock);
  const last = job.phases[job.phases.length - 1].status;
  if (phase.settled) {
    const failed = last === 'Failed';
    return {
      status: failed ? 'Failed' : 'Completed',
      secondary: last,
      endTime: new Date(phase.enteredAt),
      visibleCandidates: failed ? 0 : job.candidateValues.length,
    };
  }
  return { status: 'InProgress', secondary: phase.status, visibleCandidates: countAt(world, job, world.clock.now()) };
}

function countAt(world: World, job: AutoMlJob, at: number): number {
  let start = job.creationTime;
  for (const phase of job.phases) {
    const length = world.clock.duration(phase.seconds ?? 0);
    if (TRAINING_PHASES.has(phase.status)) {
      if (at < start) return 0;
      return Math.min(
        job.candidateValues.length,
        Math.floor(((at - start) / Math.max(length, 1)) * job.candidateValues.length),
      );
    }
    start += length;
  }
  return 0;
}

function candidateName(job: AutoMlJob, index: number): string {
  if (job.mode === 'ENSEMBLING') {
    const models = [
      'WeightedEnsemble-L3-FULL',
      'LightGBM-BAG-L1',
      'CatBoost-BAG-L1',
      'XGBoost-BAG-L1',
      'NeuralNetTorch-BAG-L1',
      'RandomForest-BAG-L1',
      'ExtraTrees-BAG-L1',
      'LightGBMXT-BAG-L2',
    ];
    return `${job.name.slice(0, 20)}-${models[index % models.length]}-t${index + 1}`;
  }
  const random = seededRandom(`${job.name}/${index}`);
  return `${job.candidateNamePrefix ?? job.name.slice(0, 32)}-${String(index + 1).padStart(3, '0')}-${hexId(random, 8)}`;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const SHORT_METRICS = new Set(['Accuracy', 'MSE', 'F1', 'F1macro', 'AUC']);

/** The metrics Autopilot reports for a candidate of the problem type, consistent with its objective value. */
function reportedMetrics(
  problemType: ProblemType,
  objective: string,
  value: number,
  random: () => number,
): Array<[string, number]> {
  const jitter = () => (random() - 0.5) * 0.02;
  let metrics: Array<[string, number]>;
  if (problemType === 'Regression') {
    const mse = objective === 'MSE' ? value : objective === 'RMSE' ? value ** 2 : 4.2 + random() * 2.5;
    const rmse = Math.sqrt(mse);
    metrics = [
      ['MSE', mse],
      ['RMSE', rmse],
      ['MAE', rmse * (0.72 + jitter())],
      ['R2', 1 - mse / 10.4],
    ];
  } else {
    const accuracy = objective === 'Accuracy' ? value : 0.22 + random() * 0.07;
    metrics = [
      ['Accuracy', accuracy],
      ['BalancedAccuracy', accuracy - 0.06 + jitter()],
      ['F1macro', accuracy - 0.03 + jitter()],
      ['LogLoss', 2.4 - accuracy * 2 + jitter()],
    ];
    if (problemType === 'BinaryClassification') metrics.push(['AUC', Math.min(0.99, accuracy + 0.1 + jitter())]);
  }
  // The objective is reported exactly as FinalAutoMLJobObjectiveMetric; the others are rounded.
  const rounded = metrics.filter(([n]) => n !== objective).map(([n, v]): [string, number] => [n, round6(v)]);
  return [[objective, value], ...rounded];
}

function candidateAt(world: World, job: AutoMlJob, index: number) {
  const name = candidateName(job, index);
  const trainingStart = job.phases
    .slice(
      0,
      job.phases.findIndex((p) => TRAINING_PHASES.has(p.status)),
    )
    .reduce((t, p) => t + world.clock.duration(p.seconds ?? 0), job.creationTime);
  const created = new Date(trainingStart + world.clock.duration(30) * index);
  const ended = new Date(created.getTime() + world.clock.duration(25));
  const value = job.candidateValues[index];
  const region = job.arn.split(':')[3];
  const algorithm = job.mode === 'ENSEMBLING' ? 'autogluon' : ['xgboost', 'linear-learner', 'mlp'][index % 3];
  const image =
    algorithm === 'autogluon'
      ? `763104351884.dkr.ecr.${region}.amazonaws.com/autogluon-inference:0.4-cpu-py38-ubuntu20.04`
      : `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-${algorithm === 'mlp' ? 'sklearn-automl' : algorithm}:${algorithm === 'xgboost' ? '1.3-1-cpu-py3' : '2.5-1-cpu-py3'}`;
  const modelData = `${job.outputS3Uri.replace(/\/$/, '')}/${job.name}/tuning/${name}/output/model.tar.gz`;
  return {
    CandidateName: name,
    FinalAutoMLJobObjectiveMetric: {
      Type: job.objective.Type,
      MetricName: job.objective.MetricName,
      Value: value,
      StandardMetricName: job.objective.MetricName,
    },
    ObjectiveStatus: 'Succeeded',
    CandidateSteps: [
      {
        CandidateStepType: 'AWS::SageMaker::ProcessingJob',
        CandidateStepArn: world.arn(
          'sagemaker',
          region,
          `processing-job/${job.name.slice(0, 20)}-db-1-${hexId(seededRandom(name), 16)}`,
        ),
        CandidateStepName: `${job.name.slice(0, 20)}-db-1`,
      },
      {
        CandidateStepType: 'AWS::SageMaker::TrainingJob',
        CandidateStepArn: world.arn('sagemaker', region, `training-job/${name.toLowerCase()}`),
        CandidateStepName: name,
      },
    ],
    CandidateStatus: 'Completed',
    InferenceContainers: [
      {
        Image: image,
        ModelDataUrl: modelData,
        Environment: { SAGEMAKER_PROGRAM: 'sagemaker_serve', SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code' },
      },
    ],
    CreationTime: created,
    EndTime: ended,
    LastModifiedTime: ended,
    CandidateProperties: {
      CandidateArtifactLocations: {
        Explainability: `${job.outputS3Uri.replace(/\/$/, '')}/${job.name}/documentation/explainability/output`,
        ModelInsights: `${job.outputS3Uri.replace(/\/$/, '')}/${job.name}/documentation/model_monitor/output`,
      },
      // MetricName takes the short AutoMLMetricEnum only; every metric carries its StandardMetricName.
      CandidateMetrics: reportedMetrics(
        job.problemType,
        job.objective.MetricName,
        value,
        seededRandom(`${name}/metrics`),
      ).map(([metric, v]) => ({
        MetricName: SHORT_METRICS.has(metric) ? metric : undefined,
        Value: v,
        Set: 'Validation',
        StandardMetricName: metric,
      })),
    },
  };
}

function bestIndex(job: AutoMlJob, count: number): number | undefined {
  if (count === 0) return undefined;
  let best = 0;
  for (let i = 1; i < count; i++) {
    const better =
      job.objective.Type === 'Minimize'
        ? job.candidateValues[i] < job.candidateValues[best]
        : job.candidateValues[i] > job.candidateValues[best];
    if (better) best = i;
  }
  return best;
}

function find(world: World, name: string): AutoMlJob {
  const job = autoMlJobs(world).get(name);
  if (!job) throw new AwsError('ResourceNotFound', `Could not find AutoML job with name ${name}.`);
  return job;
}

function artifacts(job: AutoMlJob, view: JobView) {
  if (view.status !== 'Completed' || job.mode === 'ENSEMBLING') return undefined;
  const base = `${job.outputS3Uri.replace(/\/$/, '')}/${job.name}/sagemaker-automl-candidates`;
  return {
    CandidateDefinitionNotebookLocation: `${base}/notebooks/SageMakerAutopilotCandidateDefinitionNotebook.ipynb`,
    DataExplorationNotebookLocation: `${base}/notebooks/SageMakerAutopilotDataExplorationNotebook.ipynb`,
  };
}

function describeV1(world: World, job: AutoMlJob) {
  const view = viewOf(world, job);
  const best = bestIndex(job, view.visibleCandidates);
  const given = job.given ?? { problemType: true, objective: true };
  // A problem type left to Autopilot is only known once the data was read; a job failing on its data never resolves it.
  const resolved = given.problemType || !job.failureReason;
  return {
    AutoMLJobName: job.name,
    AutoMLJobArn: job.arn,
    InputDataConfig: [
      {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: job.inputS3Uri } },
        TargetAttributeName: job.targetAttribute,
        ContentType: 'text/csv;header=present',
        ChannelType: 'training',
      },
    ],
    OutputDataConfig: { S3OutputPath: job.outputS3Uri },
    RoleArn: job.roleArn,
    AutoMLJobObjective: given.objective ? { MetricName: job.objective.MetricName } : undefined,
    ProblemType: given.problemType ? job.problemType : undefined,
    AutoMLJobConfig: { CompletionCriteria: { MaxCandidates: job.maxCandidates }, Mode: job.mode },
    CreationTime: new Date(job.creationTime),
    EndTime: view.endTime,
    LastModifiedTime: view.endTime ?? new Date(world.clock.now()),
    FailureReason: job.failureReason && view.status === 'Failed' ? job.failureReason : undefined,
    BestCandidate: best === undefined ? undefined : candidateAt(world, job, best),
    AutoMLJobStatus: view.status,
    AutoMLJobSecondaryStatus: view.secondary,
    GenerateCandidateDefinitionsOnly: false,
    AutoMLJobArtifacts: artifacts(job, view),
    ResolvedAttributes: {
      AutoMLJobObjective: resolved ? { MetricName: job.objective.MetricName } : undefined,
      ProblemType: resolved ? job.problemType : undefined,
      CompletionCriteria: { MaxCandidates: job.maxCandidates },
    },
  };
}

function describeV2(world: World, job: AutoMlJob) {
  const v1 = describeV1(world, job);
  return {
    AutoMLJobName: v1.AutoMLJobName,
    AutoMLJobArn: v1.AutoMLJobArn,
    AutoMLJobInputDataConfig: [
      {
        ChannelType: 'training',
        ContentType: 'text/csv;header=present',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: job.inputS3Uri } },
      },
    ],
    OutputDataConfig: v1.OutputDataConfig,
    RoleArn: v1.RoleArn,
    AutoMLJobObjective: v1.AutoMLJobObjective,
    AutoMLProblemTypeConfig: {
      TabularJobConfig: {
        CompletionCriteria: { MaxCandidates: job.maxCandidates },
        Mode: job.mode,
        ProblemType: v1.ProblemType,
        TargetAttributeName: job.targetAttribute,
      },
    },
    AutoMLProblemTypeConfigName: 'Tabular',
    CreationTime: v1.CreationTime,
    EndTime: v1.EndTime,
    LastModifiedTime: v1.LastModifiedTime,
    FailureReason: v1.FailureReason,
    BestCandidate: v1.BestCandidate,
    AutoMLJobStatus: v1.AutoMLJobStatus,
    AutoMLJobSecondaryStatus: v1.AutoMLJobSecondaryStatus,
    AutoMLJobArtifacts: v1.AutoMLJobArtifacts,
    ResolvedAttributes: {
      AutoMLJobObjective: v1.ResolvedAttributes.AutoMLJobObjective,
      CompletionCriteria: { MaxCandidates: job.maxCandidates },
      AutoMLProblemTypeResolvedAttributes: {
        TabularResolvedAttributes: { ProblemType: v1.ResolvedAttributes.ProblemType },
      },
    },
  };
}

/** Why AWS would fail the job when it reads the data: nothing under the prefix, or no such column. */
function dataProblem(world: World, inputS3Uri: string, target: string): string | undefined {
  const location = parseS3Uri(inputS3Uri);
  const bucket = location && world.s3.buckets.get(location.bucket);
  const keys = bucket ? [...bucket.objects.keys()].filter((k) => k.startsWith(location.key)) : [];
  if (keys.length === 0)
    return `ClientError: Could not download data from ${inputS3Uri}: no objects found under this prefix.`;
  const header = bucket!.objects
    .get(keys[0])!
    .body.subarray(0, 4096)
    .toString('utf8')
    .split(/\r?\n/)[0]
    .split(',')
    .map((h) => h.trim());
  if (!header.includes(target))
    return `ClientError: The target attribute '${target}' was not found in the header of ${inputS3Uri}. Columns: ${header.join(', ')}.`;
  return undefined;
}

export function createJob(
  world: World,
  region: string,
  spec: Omit<AutoMlJob, 'arn' | 'creationTime' | 'phases' | 'candidateValues'> & {
    failureReason?: string;
    creationTime?: number;
    values?: number[];
  },
): AutoMlJob {
  const random = seededRandom(spec.name);
  const count = spec.failureReason ? 0 : spec.maxCandidates;
  const values =
    spec.values ??
    Array.from({ length: count }, () => {
      const spread = random();
      if (spec.objective.Type === 'Minimize') return 4.2 + spread * 2.5;
      return 0.22 + spread * 0.07;
    });
  const job: AutoMlJob = {
    ...spec,
    arn: world.arn('sagemaker', region, `automl-job/${spec.name.toLowerCase()}`),
    creationTime: spec.creationTime ?? world.clock.now(),
    phases: jobPhases(spec.mode, values.length, spec.failureReason),
    // Autopilot reports objective values as float32 numbers widened to double (seed 003:
    // 0.292638897895813), never a value such as 0.28902740000000005.
    candidateValues: values.map((v) => Math.fround(v)),
  };
  autoMlJobs(world).set(job.name, job);
  return job;
}

function handlers(world: World): Record<string, OperationHandler> {
  const jobs = autoMlJobs(world);
  return {
    ListAutoMLJobs: (input) => {
      // Documented: SortBy "The default is Name", SortOrder "The default is Descending".
      const sorted = filterAndSort(
        [...jobs.values()],
        { ...input, SortBy: input.SortBy ?? 'Name', SortOrder: input.SortOrder ?? 'Descending' },
        (j) => ({ name: j.name, status: viewOf(world, j).status, creationTime: new Date(j.creationTime) }),
      );
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        AutoMLJobSummaries: items.map((job) => {
          const view = viewOf(world, job);
          return {
            AutoMLJobName: job.name,
            AutoMLJobArn: job.arn,
            AutoMLJobStatus: view.status,
            AutoMLJobSecondaryStatus: view.secondary,
            CreationTime: new Date(job.creationTime),
            EndTime: view.endTime,
            LastModifiedTime: view.endTime ?? new Date(world.clock.now()),
            FailureReason: view.status === 'Failed' ? job.failureReason : undefined,
          };
        }),
        NextToken,
      };
    },
    DescribeAutoMLJob: (input) => describeV1(world, find(world, input.AutoMLJobName)),
    DescribeAutoMLJobV2: (input) => describeV2(world, find(world, input.AutoMLJobName)),
    ListCandidatesForAutoMLJob: (input) => {
      const job = find(world, input.AutoMLJobName);
      const count = viewOf(world, job).visibleCandidates;
      let candidates = Array.from({ length: count }, (_, i) => candidateAt(world, job, i));
      if (input.StatusEquals) candidates = candidates.filter((c) => c.CandidateStatus === input.StatusEquals);
      if (input.CandidateNameEquals)
        candidates = candidates.filter((c) => c.CandidateName === input.CandidateNameEquals);
      const by = input.SortBy ?? 'Name';
      const direction = (input.SortOrder ?? 'Ascending') === 'Ascending' ? 1 : -1;
      candidates.sort((a, b) => {
        const ka =
          by === 'FinalObjectiveMetricValue'
            ? a.FinalAutoMLJobObjectiveMetric.Value
            : by === 'CreationTime'
              ? a.CreationTime.getTime()
              : a.CandidateName;
        const kb =
          by === 'FinalObjectiveMetricValue'
            ? b.FinalAutoMLJobObjectiveMetric.Value
            : by === 'CreationTime'
              ? b.CreationTime.getTime()
              : b.CandidateName;
        return (ka < kb ? -1 : ka > kb ? 1 : 0) * direction;
      });
      const { items, NextToken } = page(candidates, input.NextToken, input.MaxResults);
      return { Candidates: items, NextToken };
    },
    CreateAutoMLJob: (input, ctx) => {
      if (jobs.has(input.AutoMLJobName))
        throw new AwsError('ResourceInUse', `Job ${input.AutoMLJobName} already exists`);
      const channel = input.InputDataConfig[0];
      // Without a ProblemType Autopilot reads the target column (a job whose data is unreadable fails before it matters).
      const problemType: ProblemType =
        input.ProblemType ??
        inferProblemType(world, channel.DataSource?.S3DataSource?.S3Uri, channel.TargetAttributeName) ??
        'Regression';
      const job = createJob(world, ctx.region, {
        name: input.AutoMLJobName,
        v2: false,
        mode: input.AutoMLJobConfig?.Mode === 'ENSEMBLING' ? 'ENSEMBLING' : 'HYPERPARAMETER_TUNING',
        problemType,
        given: {
          problemType: input.ProblemType !== undefined,
          objective: input.AutoMLJobObjective?.MetricName !== undefined,
        },
        objective: {
          ...OBJECTIVE_DEFAULTS[problemType],
          ...(input.AutoMLJobObjective?.MetricName
            ? {
                MetricName: input.AutoMLJobObjective.MetricName,
                Type: /MSE|RMSE|MAE/.test(input.AutoMLJobObjective.MetricName) ? 'Minimize' : 'Maximize',
              }
            : {}),
        },
        targetAttribute: channel.TargetAttributeName,
        inputS3Uri: channel.DataSource?.S3DataSource?.S3Uri,
        outputS3Uri: input.OutputDataConfig.S3OutputPath,
        roleArn: input.RoleArn,
        maxCandidates: input.AutoMLJobConfig?.CompletionCriteria?.MaxCandidates ?? 250,
        failureReason: dataProblem(world, channel.DataSource?.S3DataSource?.S3Uri, channel.TargetAttributeName),
      });
      return { AutoMLJobArn: job.arn };
    },
    CreateAutoMLJobV2: (input, ctx) => {
      if (jobs.has(input.AutoMLJobName))
        throw new AwsError('ResourceInUse', `Job ${input.AutoMLJobName} already exists`);
      const tabular = input.AutoMLProblemTypeConfig?.TabularJobConfig;
      if (!tabular)
        throw new AwsError(
          'ValidationException',
          'The SageMaker Workbench emulator runs tabular AutoML jobs only (AutoMLProblemTypeConfig.TabularJobConfig).',
        );
      const channel = input.AutoMLJobInputDataConfig[0];
      const problemType: ProblemType =
        tabular.ProblemType ??
        inferProblemType(world, channel.DataSource?.S3DataSource?.S3Uri, tabular.TargetAttributeName) ??
        'Regression';
      const metric: string | undefined = input.AutoMLJobObjective?.MetricName;
      const job = createJob(world, ctx.region, {
        name: input.AutoMLJobName,
        v2: true,
        mode: tabular.Mode === 'HYPERPARAMETER_TUNING' ? 'HYPERPARAMETER_TUNING' : 'ENSEMBLING',
        problemType,
        given: { problemType: tabular.ProblemType !== undefined, objective: metric !== undefined },
        objective: metric
          ? { MetricName: metric, Type: /MSE|RMSE|MAE/.test(metric) ? 'Minimize' : 'Maximize' }
          : OBJECTIVE_DEFAULTS[problemType],
        targetAttribute: tabular.TargetAttributeName,
        inputS3Uri: channel.DataSource?.S3DataSource?.S3Uri,
        outputS3Uri: input.OutputDataConfig.S3OutputPath,
        roleArn: input.RoleArn,
        maxCandidates:
          tabular.CompletionCriteria?.MaxCandidates ?? (tabular.Mode === 'HYPERPARAMETER_TUNING' ? 100 : 12),
        failureReason: dataProblem(world, channel.DataSource?.S3DataSource?.S3Uri, tabular.TargetAttributeName),
      });
      return { AutoMLJobArn: job.arn };
    },
    StopAutoMLJob: (input) => {
      const job = find(world, input.AutoMLJobName);
      if (viewOf(world, job).status !== 'InProgress')
        throw new AwsError('ValidationException', `AutoML job ${job.name} is not in progress.`);
      job.stoppedAt = world.clock.now();
      return {};
    },
  };
}

/** The model insights (model quality) report of the best candidate: its metrics on the validation set. */
function modelInsights(world: World, job: AutoMlJob): string {
  const best = bestIndex(job, viewOf(world, job).visibleCandidates);
  const candidate = best === undefined ? undefined : candidateAt(world, job, best);
  const metrics = Object.fromEntries(
    (candidate?.CandidateProperties.CandidateMetrics ?? []).map((m) => [m.StandardMetricName, { value: m.Value }]),
  );
  return JSON.stringify(
    {
      version: '1.0',
      candidate: candidate?.CandidateName,
      problem_type: job.problemType,
      dataset: 'validation',
      metrics,
    },
    null,
    2,
  );
}

/** The SageMaker Clarify analysis Autopilot writes for the best candidate: global SHAP values per feature. */
function clarifyAnalysis(job: AutoMlJob): string {
  const random = seededRandom(`${job.name}/shap`);
  const weights: Record<string, number> = {
    shell_weight: 1.9,
    whole_weight: 0.9,
    diameter: 0.7,
    shucked_weight: 0.65,
    height: 0.5,
    length: 0.45,
    viscera_weight: 0.35,
    sex: 0.3,
  };
  const values = Object.fromEntries(
    Object.entries(weights)
      .filter(([f]) => f !== job.targetAttribute)
      .map(([f, w]) => [f, round6(w * (0.8 + random() * 0.4))]),
  );
  return JSON.stringify(
    {
      version: '1.0',
      explanations: { kernel_shap: { label0: { global_shap_values: values, expected_value: round6(9.9 + random()) } } },
    },
    null,
    2,
  );
}

/** The notebooks Autopilot writes for a finished job: data exploration and candidate definitions. */
function generatedNotebook(job: AutoMlJob, kind: string): string {
  const title =
    kind === 'DataExploration' ? `# Data Exploration of ${job.name}` : `# Candidate Definition Notebook of ${job.name}`;
  const body =
    kind === 'DataExploration'
      ? `Dataset: \`${job.inputS3Uri}\`, target column \`${job.targetAttribute}\`, problem type ${job.problemType}.`
      : `Each candidate pipeline: data transformation, then an algorithm tuned for ${job.objective.MetricName}.`;
  return JSON.stringify(
    {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: [`${title}\n`, '\n', body] },
        {
          cell_type: 'code',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: ['import sagemaker\n', `job_name = "${job.name}"`],
        },
      ],
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 4,
    },
    null,
    1,
  );
}

/** A candidate's model.tar.gz exists once the candidate does; built on demand (there may be thousands). */
function candidateArtifacts(world: World): void {
  const made = new Map<string, StoredObject>();
  world.s3.addResolver((bucket, key) => {
    const explained = /^(?:.*\/)?([^/]+)\/documentation\/explainability\/output\/analysis\.json$/.exec(key);
    const explainedJob = explained ? autoMlJobs(world).get(explained[1]) : undefined;
    if (
      explainedJob &&
      parseS3Uri(explainedJob.outputS3Uri)?.bucket === bucket &&
      viewOf(world, explainedJob).status === 'Completed'
    ) {
      return {
        body: Buffer.from(clarifyAnalysis(explainedJob)),
        contentType: 'application/json',
        lastModified: viewOf(world, explainedJob).endTime ?? new Date(explainedJob.creationTime),
        etag: `"${hexId(seededRandom(key), 32)}"`,
        metadata: {},
      };
    }
    const insights = /^(?:.*\/)?([^/]+)\/documentation\/model_monitor\/output\/report\.json$/.exec(key);
    const insightsJob = insights ? autoMlJobs(world).get(insights[1]) : undefined;
    if (
      insightsJob &&
      parseS3Uri(insightsJob.outputS3Uri)?.bucket === bucket &&
      viewOf(world, insightsJob).status === 'Completed'
    ) {
      return {
        body: Buffer.from(modelInsights(world, insightsJob)),
        contentType: 'application/json',
        lastModified: viewOf(world, insightsJob).endTime ?? new Date(insightsJob.creationTime),
        etag: `"${hexId(seededRandom(key), 32)}"`,
        metadata: {},
      };
    }
    const notebook =
      /^(?:.*\/)?([^/]+)\/sagemaker-automl-candidates\/notebooks\/SageMakerAutopilot(CandidateDefinition|DataExploration)Notebook\.ipynb$/.exec(
        key,
      );
    const owner = notebook ? autoMlJobs(world).get(notebook[1]) : undefined;
    if (owner && parseS3Uri(owner.outputS3Uri)?.bucket === bucket && artifacts(owner, viewOf(world, owner))) {
      return {
        body: Buffer.from(generatedNotebook(owner, notebook![2])),
        contentType: 'application/x-ipynb+json',
        lastModified: viewOf(world, owner).endTime ?? new Date(owner.creationTime),
        etag: `"${hexId(seededRandom(key), 32)}"`,
        metadata: {},
      };
    }
    const match = /^(?:.*\/)?([^/]+)\/tuning\/([^/]+)\/output\/model\.tar\.gz$/.exec(key);
    const job = match ? autoMlJobs(world).get(match[1]) : undefined;
    if (!job || parseS3Uri(job.outputS3Uri)?.bucket !== bucket) return undefined;
    const count = viewOf(world, job).visibleCandidates;
    if (!Array.from({ length: count }, (_, i) => candidateName(job, i)).includes(match![2])) return undefined;
    const uri = `${bucket}/${key}`;
    if (!made.has(uri))
      made.set(uri, {
        body: modelArchive('generic'),
        contentType: 'application/x-tar',
        lastModified: new Date(job.creationTime),
        etag: `"${hexId(seededRandom(uri), 32)}"`,
        metadata: {},
      });
    return made.get(uri);
  });
}

export const autoMlModule: ServiceModule = {
  name: 'sagemaker autopilot',
  handlers: (world) => {
    candidateArtifacts(world);
    return { sagemaker: handlers(world) };
  },
  seed: seedAutoMlJobs,
};
