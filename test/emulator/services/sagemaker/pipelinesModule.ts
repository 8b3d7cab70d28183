// SageMaker Pipelines: the AbalonePipeline (process, train, evaluate, check MSE, register into
// AbalonePackageGroup, create model) with a running execution whose steps advance with the clock, a
// succeeded one and one that failed in training.
import { createHash } from 'node:crypto';
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { phaseAt } from '../support/lifecycle';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import { DEFAULT_REGION, type World } from '../world';

type StepType = 'Processing' | 'Training' | 'Condition' | 'RegisterModel' | 'Model';

interface StepDefinition {
  name: string;
  type: StepType;
  /** AWS seconds the step runs. */
  seconds: number;
}

interface Pipeline {
  name: string;
  arn: string;
  description: string;
  steps: StepDefinition[];
  created: number;
}

interface Execution {
  pipeline: string;
  arn: string;
  displayName: string;
  start: number;
  /** Values of the pipeline's parameters for this run (defaults filled in). */
  parameters: Record<string, string>;
  clientRequestToken?: string;
  /** Index of the step that failed, if the execution failed. */
  failedAt?: number;
  failureReason?: string;
}

/** The AbalonePipeline's parameters, as the SageMaker Pipelines abalone example declares them. */
const ABALONE_PARAMETERS = [
  { Name: 'ProcessingInstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge' },
  { Name: 'ProcessingInstanceCount', Type: 'Integer', DefaultValue: '1' },
  { Name: 'TrainingInstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge' },
  { Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: 'PendingManualApproval' },
  {
    Name: 'InputData',
    Type: 'String',
    DefaultValue: 's3://sagemaker-us-east-1-123456789012/abalone/abalone-dataset.csv',
  },
  { Name: 'MseThreshold', Type: 'Float', DefaultValue: '6.0' },
];
const defaults = () => Object.fromEntries(ABALONE_PARAMETERS.map((p) => [p.Name, p.DefaultValue]));

const ABALONE_STEPS: StepDefinition[] = [
  { name: 'AbaloneProcess', type: 'Processing', seconds: 300 },
  { name: 'AbaloneTrain', type: 'Training', seconds: 600 },
  { name: 'AbaloneEval', type: 'Processing', seconds: 240 },
  { name: 'CheckMSEAbaloneEvaluation', type: 'Condition', seconds: 2 },
  { name: 'RegisterAbaloneModel-RegisterModel', type: 'RegisterModel', seconds: 5 },
  { name: 'CreateAbaloneModel', type: 'Model', seconds: 5 },
];

interface Pipelines {
  pipelines: Map<string, Pipeline>;
  executions: Execution[];
}

function pipelines(world: World): Pipelines {
  return world.state('sagemaker.pipelines', () => ({ pipelines: new Map(), executions: [] }));
}

interface StepState {
  step: StepDefinition;
  status: 'Executing' | 'Succeeded' | 'Failed';
  start: number;
  end?: number;
}

/** The steps an execution has started by now, computed from its start time on the scaled clock. */
function stepStates(world: World, pipeline: Pipeline, e: Execution): StepState[] {
  const steps = e.failedAt === undefined ? pipeline.steps : pipeline.steps.slice(0, e.failedAt + 1);
  const phases = steps.map((s) => ({ status: s.name, seconds: s.seconds })).concat([{ status: 'done', seconds: 0 }]);
  const at = phaseAt(phases, e.start, world.clock);
  const states: StepState[] = [];
  let start = e.start;
  for (let i = 0; i < Math.min(at.index + 1, steps.length); i++) {
    const end = start + world.clock.duration(steps[i].seconds);
    const running = i === at.index;
    states.push({
      step: steps[i],
      status: running ? 'Executing' : i === e.failedAt ? 'Failed' : 'Succeeded',
      start,
      end: running ? undefined : end,
    });
    start = end;
  }
  return states;
}

function executionStatus(world: World, pipeline: Pipeline, e: Execution): 'Executing' | 'Succeeded' | 'Failed' {
  const states = stepStates(world, pipeline, e);
  const last = states.at(-1);
  if (!last || last.status === 'Executing') return 'Executing';
  if (last.status === 'Failed') return 'Failed';
  return states.length === pipeline.steps.length ? 'Succeeded' : 'Executing';
}

function handlers(world: World): Record<string, OperationHandler> {
  const p = pipelines(world);
  const pipelineNamed = (name: string) => {
    const found = p.pipelines.get(name);
    if (!found)
      throw new AwsError(
        'ResourceNotFound',
        `Pipeline '${world.arn('sagemaker', DEFAULT_REGION, `pipeline/${name.toLowerCase()}`)}' does not exist.`,
      );
    return found;
  };
  const executionWithArn = (arn: string) => {
    const e = p.executions.find((x) => x.arn === arn);
    if (!e) throw new AwsError('ResourceNotFound', `Pipeline execution '${arn}' does not exist.`);
    return { e, pipeline: pipelineNamed(e.pipeline) };
  };
  const lastRun = (name: string) =>
    p.executions
      .filter((e) => e.pipeline === name)
      .reduce<number | undefined>((m, e) => Math.max(m ?? 0, e.start), undefined);
  return {
    ListPipelines: (input) => {
      const prefix: string | undefined = input.PipelineNamePrefix;
      const direction = input.SortOrder === 'Ascending' ? 1 : -1;
      const sorted = [...p.pipelines.values()]
        .filter((x) => !prefix || x.name.startsWith(prefix))
        .sort((a, b) => direction * (input.SortBy === 'Name' ? a.name.localeCompare(b.name) : a.created - b.created));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults, 50);
      return {
        PipelineSummaries: items.map((x) => {
          const last = lastRun(x.name);
          return {
            PipelineArn: x.arn,
            PipelineName: x.name,
            PipelineDisplayName: x.name,
            PipelineDescription: x.description,
            RoleArn: `arn:aws:iam::${world.accountId}:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715`,
            CreationTime: new Date(x.created),
            LastModifiedTime: new Date(x.created),
            LastExecutionTime: last ? new Date(last) : undefined,
          };
        }),
        NextToken,
      };
    },
    DescribePipeline: (input) => {
      const x = pipelineNamed(input.PipelineName);
      const last = lastRun(x.name);
      const definition = {
        Version: '2020-12-01',
        Parameters: ABALONE_PARAMETERS,
        Steps: x.steps.map((s) => ({ Name: s.name, Type: s.type, Arguments: {} })),
      };
      return {
        PipelineArn: x.arn,
        PipelineName: x.name,
        PipelineDisplayName: x.name,
        PipelineDescription: x.description,
        PipelineDefinition: JSON.stringify(definition),
        PipelineStatus: 'Active',
        RoleArn: `arn:aws:iam::${world.accountId}:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715`,
        CreationTime: new Date(x.created),
        LastModifiedTime: new Date(x.created),
        LastRunTime: last ? new Date(last) : undefined,
      };
    },
    ListPipelineExecutions: (input) => {
      const x = pipelineNamed(input.PipelineName);
      const direction = input.SortOrder === 'Ascending' ? 1 : -1;
      const sorted = p.executions.filter((e) => e.pipeline === x.name).sort((a, b) => direction * (a.start - b.start));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults, 50);
      return {
        PipelineExecutionSummaries: items.map((e) => ({
          PipelineExecutionArn: e.arn,
          StartTime: new Date(e.start),
          PipelineExecutionStatus: executionStatus(world, x, e),
          PipelineExecutionDisplayName: e.displayName,
          PipelineExecutionFailureReason:
            e.failedAt !== undefined && executionStatus(world, x, e) === 'Failed' ? e.failureReason : undefined,
        })),
        NextToken,
      };
    },
    DescribePipelineExecution: (input) => {
      const { e, pipeline } = executionWithArn(input.PipelineExecutionArn);
      const states = stepStates(world, pipeline, e);
      const status = executionStatus(world, pipeline, e);
      return {
        PipelineArn: pipeline.arn,
        PipelineExecutionArn: e.arn,
        PipelineExecutionDisplayName: e.displayName,
        PipelineExecutionStatus: status,
        FailureReason: status === 'Failed' ? e.failureReason : undefined,
        CreationTime: new Date(e.start),
        LastModifiedTime: new Date(states.at(-1)?.end ?? states.at(-1)?.start ?? e.start),
      };
    },
    ListPipelineParametersForExecution: (input) => {
      const { e } = executionWithArn(input.PipelineExecutionArn);
      const all = Object.entries(e.parameters).map(([Name, Value]) => ({ Name, Value }));
      const { items, NextToken } = page(all, input.NextToken, input.MaxResults, 50);
      return { PipelineParameters: items, NextToken };
    },
    StartPipelineExecution: (input) => {
      const x = pipelineNamed(input.PipelineName);
      const repeated = p.executions.find(
        (e) => e.pipeline === x.name && e.clientRequestToken === input.ClientRequestToken,
      );
      if (repeated) return { PipelineExecutionArn: repeated.arn };
      const given: Array<{ Name: string; Value: string }> = input.PipelineParameters ?? [];
      const parameters = defaults();
      for (const { Name, Value } of given) {
        const declared = ABALONE_PARAMETERS.find((d) => d.Name === Name);
        if (!declared)
          throw new AwsError(
            'ValidationException',
            `Parameter '${Name}' is not defined in the pipeline definition. Defined parameters: ${ABALONE_PARAMETERS.map((d) => d.Name).join(', ')}`,
          );
        if (declared.Type === 'Integer' && !/^-?\d+$/.test(Value))
          throw new AwsError('ValidationException', `Value '${Value}' of parameter '${Name}' is not a valid Integer`);
        if (declared.Type === 'Float' && !Number.isFinite(Number(Value)))
          throw new AwsError('ValidationException', `Value '${Value}' of parameter '${Name}' is not a valid Float`);
        parameters[Name] = Value;
      }
      const id = createHash('sha1')
        .update(`${x.name}-${world.clock.now()}-${p.executions.length}`)
        .digest('hex')
        .replace(/[^a-z]/g, '')
        .padEnd(12, 'x')
        .slice(0, 12);
      const e: Execution = {
        pipeline: x.name,
        arn: `${x.arn}/execution/${id}`,
        displayName: input.PipelineExecutionDisplayName ?? `execution-${world.clock.now()}`,
        start: world.clock.now(),
        parameters,
        clientRequestToken: input.ClientRequestToken,
      };
      p.executions.push(e);
      return { PipelineExecutionArn: e.arn };
    },
    ListPipelineExecutionSteps: (input) => {
      if (!input.PipelineExecutionArn) throw new AwsError('ValidationException', 'PipelineExecutionArn is required');
      const { e, pipeline } = executionWithArn(input.PipelineExecutionArn);
      const states = stepStates(world, pipeline, e);
      const ordered = input.SortOrder === 'Ascending' ? states : [...states].reverse();
      const { items, NextToken } = page(ordered, input.NextToken, input.MaxResults, 50);
      const id = e.arn.split('/').at(-1) ?? '';
      return {
        PipelineExecutionSteps: items.map((s) => ({
          StepName: s.step.name,
          StepDisplayName: s.step.name,
          StartTime: new Date(s.start),
          EndTime: s.end ? new Date(s.end) : undefined,
          StepStatus: s.status,
          FailureReason: s.status === 'Failed' ? e.failureReason : undefined,
          Metadata: stepMetadata(world, s, id),
        })),
        NextToken,
      };
    },
  };
}

function stepMetadata(world: World, s: StepState, executionId: string): Record<string, unknown> {
  const job = (kind: string) => ({
    Arn: world.arn(
      'sagemaker',
      DEFAULT_REGION,
      `${kind}/pipelines-${executionId}-${s.step.name.toLowerCase()}`.slice(0, 120),
    ),
  });
  switch (s.step.type) {
    case 'Processing':
      return { ProcessingJob: job('processing-job') };
    case 'Training':
      return { TrainingJob: job('training-job') };
    case 'Condition':
      return s.status === 'Executing' ? {} : { Condition: { Outcome: 'True' } };
    case 'RegisterModel':
      return { RegisterModel: { Arn: world.arn('sagemaker', DEFAULT_REGION, 'model-package/abalonepackagegroup/4') } };
    case 'Model':
      return {
        Model: { Arn: world.arn('sagemaker', DEFAULT_REGION, `model/pipelines-${executionId}-createabalonemodel`) },
      };
  }
}

function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const p = pipelines(world);
  const now = world.clock.now();
  const day = 86_400_000;
  const add = (name: string, description: string, ageDays: number) =>
    p.pipelines.set(name, {
      name,
      arn: world.arn('sagemaker', DEFAULT_REGION, `pipeline/${name.toLowerCase()}`),
      description,
      steps: ABALONE_STEPS,
      created: now - ageDays * day,
    });
  add('AbalonePipeline', 'Process, train, evaluate and register the abalone age model into AbalonePackageGroup', 30);
  const execution = (i: number, start: number, failedAt?: number, failureReason?: string): Execution => {
    const id = createHash('sha1')
      .update(`AbalonePipeline-${i}`)
      .digest('hex')
      .replace(/[^a-z]/g, '')
      .padEnd(12, 'x')
      .slice(0, 12);
    const parameters = { ...defaults(), ...(i === 1 ? { MseThreshold: '5.5' } : {}) };
    return {
      pipeline: 'AbalonePipeline',
      arn: `${p.pipelines.get('AbalonePipeline')!.arn}/execution/${id}`,
      displayName: `execution-${1_637_000_000_000 + i}`,
      start,
      failedAt,
      failureReason,
      parameters,
    };
  };
  // Running: started five minutes ago (AWS time), so processing is done and training runs.
  p.executions.push(
    execution(3, now - world.clock.duration(360)),
    execution(2, now - 2 * day),
    execution(
      1,
      now - 8 * day,
      1,
      'ClientError: Failed to download data. Please check your s3 objects and ensure that there is no object that is both a folder as well as a file.',
    ),
    execution(0, now - 21 * day),
  );
  if (scenario === 'large') {
    for (let i = 0; i < 120; i++)
      add(`load-test-pipeline-${String(i).padStart(3, '0')}`, 'Generated for the large scenario', 31 + i);
  }
}

export const pipelinesModule: ServiceModule = {
  name: 'sagemaker pipelines',
  handlers: (world) => ({ sagemaker: handlers(world) }),
  seed,
};
