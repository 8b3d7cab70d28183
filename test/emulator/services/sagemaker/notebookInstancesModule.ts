// SageMaker notebook instances, their lifecycle configurations and code repositories. Status
// follows AWS's state machine (Pending -> InService -> Stopping -> Stopped ...) on the scaled
// clock; lifecycle scripts "run" when an instance starts and their output lands in CloudWatch
// Logs under /aws/sagemaker/NotebookInstances like on AWS.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { phaseAt, type Phase } from '../support/lifecycle';
import { filterAndSort, page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { notebookGateway } from './jupyter/notebookGateway';
import { lifecycleScriptLog, scriptOutcome } from './lifecycleScriptRun';
import { seedNotebookInstances } from './notebookInstancesSeed';

export type NotebookStatus = 'Pending' | 'InService' | 'Stopping' | 'Stopped' | 'Failed' | 'Deleting' | 'Updating';

export interface LifecycleConfig {
  name: string;
  arn: string;
  onCreate: string[];
  onStart: string[];
  creationTime: Date;
  lastModifiedTime: Date;
}

export interface CodeRepository {
  name: string;
  arn: string;
  url: string;
  branch: string;
  creationTime: Date;
  lastModifiedTime: Date;
}

export interface NotebookInstance {
  name: string;
  arn: string;
  instanceType: string;
  roleArn: string;
  lifecycleConfigName?: string;
  defaultCodeRepository?: string;
  additionalCodeRepositories?: string[];
  volumeSizeInGB: number;
  directInternetAccess: 'Enabled' | 'Disabled';
  rootAccess: 'Enabled' | 'Disabled';
  platformIdentifier: string;
  subnetId?: string;
  securityGroups?: string[];
  creationTime: Date;
  lastModifiedTime: Date;
  /** The transition in progress or last completed, with the phases it goes through. */
  transition: {
    phases: Phase<NotebookStatus>[];
    since: number;
    scripts: Array<'OnCreate' | 'OnStart'>;
    logged: boolean;
  };
  failureReason?: string;
  deleted?: boolean;
}

export interface NotebookState {
  instances: Map<string, NotebookInstance>;
  lifecycleConfigs: Map<string, LifecycleConfig>;
  codeRepositories: Map<string, CodeRepository>;
}

export function notebookState(world: World): NotebookState {
  return world.state('sagemaker.notebooks', () => ({
    instances: new Map(),
    lifecycleConfigs: new Map(),
    codeRepositories: new Map(),
  }));
}

const PENDING_SECONDS = 300;

export function statusOf(world: World, instance: NotebookInstance): NotebookStatus {
  return phaseAt(instance.transition.phases, instance.transition.since, world.clock).status;
}

/** Phases of a start: Pending while the instance boots and the scripts run, then InService or Failed. */
export function startPhases(
  world: World,
  instance: NotebookInstance,
  scripts: Array<'OnCreate' | 'OnStart'>,
): Phase<NotebookStatus>[] {
  const config = instance.lifecycleConfigName
    ? notebookState(world).lifecycleConfigs.get(instance.lifecycleConfigName)
    : undefined;
  const outcome = scriptOutcome(config, scripts, instance);
  if (outcome.failureReason) {
    instance.failureReason = outcome.failureReason;
    return [{ status: 'Pending', seconds: PENDING_SECONDS }, { status: 'Failed' }];
  }
  instance.failureReason = undefined;
  return [{ status: 'Pending', seconds: PENDING_SECONDS }, { status: 'InService' }];
}

function find(world: World, name: string): NotebookInstance {
  const instance = notebookState(world).instances.get(name);
  if (!instance || instance.deleted) throw new AwsError('ValidationException', 'RecordNotFound');
  return instance;
}

function transitionError(
  instance: NotebookInstance,
  status: NotebookStatus,
  allowed: NotebookStatus[],
  to: NotebookStatus,
): AwsError {
  return new AwsError(
    'ValidationException',
    `Status (${status}) not in ([${allowed.join(', ')}]). Unable to transition to (${to}) for Notebook Instance (${instance.arn}).`,
  );
}

function describe(world: World, instance: NotebookInstance) {
  const status = statusOf(world, instance);
  return {
    NotebookInstanceArn: instance.arn,
    NotebookInstanceName: instance.name,
    NotebookInstanceStatus: status,
    FailureReason: status === 'Failed' ? instance.failureReason : undefined,
    Url: status === 'InService' ? `${instance.name.toLowerCase()}.notebook.us-east-1.sagemaker.aws` : undefined,
    InstanceType: instance.instanceType,
    SubnetId: instance.subnetId,
    SecurityGroups: instance.securityGroups,
    RoleArn: instance.roleArn,
    NetworkInterfaceId: instance.subnetId ? 'eni-0a1b2c3d4e5f60718' : undefined,
    LastModifiedTime: instance.lastModifiedTime,
    CreationTime: instance.creationTime,
    NotebookInstanceLifecycleConfigName: instance.lifecycleConfigName,
    DirectInternetAccess: instance.directInternetAccess,
    VolumeSizeInGB: instance.volumeSizeInGB,
    DefaultCodeRepository: instance.defaultCodeRepository,
    AdditionalCodeRepositories: instance.additionalCodeRepositories,
    RootAccess: instance.rootAccess,
    PlatformIdentifier: instance.platformIdentifier,
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
  };
}

function summary(world: World, instance: NotebookInstance) {
  const status = statusOf(world, instance);
  return {
    NotebookInstanceName: instance.name,
    NotebookInstanceArn: instance.arn,
    NotebookInstanceStatus: status,
    Url: status === 'InService' ? `${instance.name.toLowerCase()}.notebook.us-east-1.sagemaker.aws` : undefined,
    InstanceType: instance.instanceType,
    CreationTime: instance.creationTime,
    LastModifiedTime: instance.lastModifiedTime,
    NotebookInstanceLifecycleConfigName: instance.lifecycleConfigName,
    DefaultCodeRepository: instance.defaultCodeRepository,
    AdditionalCodeRepositories: instance.additionalCodeRepositories,
  };
}

function decode(hooks: Array<{ Content?: string }> | undefined): string[] {
  return (hooks ?? []).map((hook) => Buffer.from(hook.Content ?? '', 'base64').toString('utf8'));
}

function encode(scripts: string[]): Array<{ Content: string }> | undefined {
  return scripts.length > 0
    ? scripts.map((script) => ({ Content: Buffer.from(script).toString('base64') }))
    : undefined;
}

function handlers(world: World): Record<string, OperationHandler> {
  const state = notebookState(world);
  const now = () => world.now();
  return {
    ListNotebookInstances: (input) => {
      const lifecycle = input.NotebookInstanceLifecycleConfigNameContains?.toLowerCase();
      const repo = input.DefaultCodeRepositoryContains?.toLowerCase();
      const visible = [...state.instances.values()].filter(
        (i) =>
          !i.deleted &&
          (!lifecycle || (i.lifecycleConfigName ?? '').toLowerCase().includes(lifecycle)) &&
          (!repo || (i.defaultCodeRepository ?? '').toLowerCase().includes(repo)) &&
          (!input.AdditionalCodeRepositoryEquals ||
            (i.additionalCodeRepositories ?? []).includes(input.AdditionalCodeRepositoryEquals)),
      );
      // Unlike most SageMaker lists, this one documents Name as its default SortBy (and sorts Ascending).
      const order = { ...input, SortBy: input.SortBy ?? 'Name', SortOrder: input.SortOrder ?? 'Ascending' };
      const sorted = filterAndSort(visible, order, (i) => ({
        name: i.name,
        status: statusOf(world, i),
        creationTime: i.creationTime,
      }));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return { NotebookInstances: items.map((i) => summary(world, i)), NextToken };
    },
    DescribeNotebookInstance: (input) => describe(world, find(world, input.NotebookInstanceName)),
    CreateNotebookInstance: (input, ctx) => {
      const existing = state.instances.get(input.NotebookInstanceName);
      if (existing && !existing.deleted)
        throw new AwsError('ValidationException', `Cannot create a duplicate Notebook Instance (${existing.arn})`);
      if (input.LifecycleConfigName && !state.lifecycleConfigs.has(input.LifecycleConfigName)) {
        throw new AwsError(
          'ValidationException',
          `Notebook Instance Lifecycle Config ${world.arn('sagemaker', ctx.region, `notebook-instance-lifecycle-config/${input.LifecycleConfigName.toLowerCase()}`)} does not exist.`,
        );
      }
      const instance: NotebookInstance = {
        name: input.NotebookInstanceName,
        arn: world.arn('sagemaker', ctx.region, `notebook-instance/${input.NotebookInstanceName.toLowerCase()}`),
        instanceType: input.InstanceType,
        roleArn: input.RoleArn,
        lifecycleConfigName: input.LifecycleConfigName,
        defaultCodeRepository: input.DefaultCodeRepository,
        additionalCodeRepositories: input.AdditionalCodeRepositories,
        volumeSizeInGB: input.VolumeSizeInGB ?? 5,
        directInternetAccess: input.DirectInternetAccess ?? 'Enabled',
        rootAccess: input.RootAccess ?? 'Enabled',
        platformIdentifier: input.PlatformIdentifier ?? 'notebook-al2-v2',
        subnetId: input.SubnetId,
        securityGroups: input.SecurityGroupIds,
        creationTime: now(),
        lastModifiedTime: now(),
        transition: { phases: [], since: world.clock.now(), scripts: ['OnCreate', 'OnStart'], logged: false },
      };
      instance.transition.phases = startPhases(world, instance, ['OnCreate', 'OnStart']);
      state.instances.set(instance.name, instance);
      return { NotebookInstanceArn: instance.arn };
    },
    StartNotebookInstance: (input) => {
      const instance = find(world, input.NotebookInstanceName);
      const status = statusOf(world, instance);
      if (status !== 'Stopped' && status !== 'Failed')
        throw transitionError(instance, status, ['Stopped', 'Failed'], 'Pending');
      instance.transition = { phases: [], since: world.clock.now(), scripts: ['OnStart'], logged: false };
      instance.transition.phases = startPhases(world, instance, ['OnStart']);
      instance.lastModifiedTime = now();
      return {};
    },
    StopNotebookInstance: (input) => {
      const instance = find(world, input.NotebookInstanceName);
      const status = statusOf(world, instance);
      if (status !== 'InService') throw transitionError(instance, status, ['InService'], 'Stopping');
      instance.transition = {
        phases: [{ status: 'Stopping', seconds: 90 }, { status: 'Stopped' }],
        since: world.clock.now(),
        scripts: [],
        logged: true,
      };
      instance.lastModifiedTime = now();
      // Its Jupyter goes down: every proxied connection closes now, the server process stops in the background.
      void notebookGateway(world).stopInstance(instance.name);
      return {};
    },
    UpdateNotebookInstance: (input) => {
      const instance = find(world, input.NotebookInstanceName);
      const status = statusOf(world, instance);
      if (status !== 'Stopped') throw transitionError(instance, status, ['Stopped'], 'Updating');
      if (input.DisassociateLifecycleConfig) instance.lifecycleConfigName = undefined;
      if (input.LifecycleConfigName) {
        if (!state.lifecycleConfigs.has(input.LifecycleConfigName))
          throw new AwsError(
            'ValidationException',
            `Notebook Instance Lifecycle Config ${input.LifecycleConfigName} does not exist.`,
          );
        instance.lifecycleConfigName = input.LifecycleConfigName;
      }
      if (input.InstanceType) instance.instanceType = input.InstanceType;
      if (input.VolumeSizeInGB) instance.volumeSizeInGB = input.VolumeSizeInGB;
      if (input.DisassociateDefaultCodeRepository) instance.defaultCodeRepository = undefined;
      if (input.DefaultCodeRepository) instance.defaultCodeRepository = input.DefaultCodeRepository;
      if (input.RootAccess) instance.rootAccess = input.RootAccess;
      instance.transition = {
        phases: [{ status: 'Updating', seconds: 60 }, { status: 'Stopped' }],
        since: world.clock.now(),
        scripts: [],
        logged: true,
      };
      instance.lastModifiedTime = now();
      return {};
    },
    DeleteNotebookInstance: (input) => {
      const instance = find(world, input.NotebookInstanceName);
      const status = statusOf(world, instance);
      if (status !== 'Stopped' && status !== 'Failed')
        throw transitionError(instance, status, ['Stopped', 'Failed'], 'Deleting');
      instance.transition = {
        phases: [{ status: 'Deleting', seconds: 60 }, { status: 'Deleting' }],
        since: world.clock.now(),
        scripts: [],
        logged: true,
      };
      // With its volume: the folder that played /home/ec2-user/SageMaker goes.
      void notebookGateway(world).discardInstance(instance.name);
      const deleteAt = world.clock.now() + world.clock.duration(60);
      world.addSettler(() => {
        if (world.clock.now() >= deleteAt && state.instances.get(instance.name) === instance)
          state.instances.delete(instance.name);
      });
      return {};
    },
    CreatePresignedNotebookInstanceUrl: (input, ctx) => {
      const instance = find(world, input.NotebookInstanceName);
      const status = statusOf(world, instance);
      if (status !== 'InService')
        throw new AwsError(
          'ValidationException',
          `Notebook Instance ${instance.arn} is not in InService state (${status}).`,
        );
      // Points back at the emulator, whose gateway trades the single-use token for a session on the
      // instance's real Jupyter server (jupyter/notebookGateway.ts). Documented default: 12 hours.
      const token = notebookGateway(world).mintToken(instance.name, input.SessionExpirationDurationInSeconds ?? 43_200);
      return { AuthorizedUrl: `${ctx.origin}/notebook/${encodeURIComponent(instance.name)}?authToken=${token}` };
    },
    ListNotebookInstanceLifecycleConfigs: (input) => {
      const sorted = filterAndSort([...state.lifecycleConfigs.values()], input, (c) => ({
        name: c.name,
        creationTime: c.creationTime,
      }));
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        NotebookInstanceLifecycleConfigs: items.map((c) => ({
          NotebookInstanceLifecycleConfigName: c.name,
          NotebookInstanceLifecycleConfigArn: c.arn,
          CreationTime: c.creationTime,
          LastModifiedTime: c.lastModifiedTime,
        })),
        NextToken,
      };
    },
    DescribeNotebookInstanceLifecycleConfig: (input) => {
      const config = state.lifecycleConfigs.get(input.NotebookInstanceLifecycleConfigName);
      if (!config) throw new AwsError('ValidationException', 'Unable to describe Notebook Instance Lifecycle Config');
      return {
        NotebookInstanceLifecycleConfigArn: config.arn,
        NotebookInstanceLifecycleConfigName: config.name,
        OnCreate: encode(config.onCreate),
        OnStart: encode(config.onStart),
        LastModifiedTime: config.lastModifiedTime,
        CreationTime: config.creationTime,
      };
    },
    CreateNotebookInstanceLifecycleConfig: (input, ctx) => {
      const name: string = input.NotebookInstanceLifecycleConfigName;
      if (state.lifecycleConfigs.has(name)) {
        throw new AwsError(
          'ValidationException',
          `Unable to create Notebook Instance Lifecycle Config ${world.arn('sagemaker', ctx.region, `notebook-instance-lifecycle-config/${name.toLowerCase()}`)}. (Details: Notebook Instance Lifecycle Config already exists.)`,
        );
      }
      const config: LifecycleConfig = {
        name,
        arn: world.arn('sagemaker', ctx.region, `notebook-instance-lifecycle-config/${name.toLowerCase()}`),
        onCreate: decode(input.OnCreate),
        onStart: decode(input.OnStart),
        creationTime: now(),
        lastModifiedTime: now(),
      };
      state.lifecycleConfigs.set(name, config);
      return { NotebookInstanceLifecycleConfigArn: config.arn };
    },
    UpdateNotebookInstanceLifecycleConfig: (input) => {
      const config = state.lifecycleConfigs.get(input.NotebookInstanceLifecycleConfigName);
      if (!config) throw new AwsError('ValidationException', 'Unable to describe Notebook Instance Lifecycle Config');
      if (input.OnCreate) config.onCreate = decode(input.OnCreate);
      if (input.OnStart) config.onStart = decode(input.OnStart);
      config.lastModifiedTime = now();
      return {};
    },
    DeleteNotebookInstanceLifecycleConfig: (input) => {
      const name: string = input.NotebookInstanceLifecycleConfigName;
      const inUse = [...state.instances.values()].find((i) => !i.deleted && i.lifecycleConfigName === name);
      if (inUse)
        throw new AwsError(
          'ValidationException',
          `Notebook Instance Lifecycle Config ${name} is in use by Notebook Instance ${inUse.name}.`,
        );
      if (!state.lifecycleConfigs.delete(name))
        throw new AwsError('ValidationException', 'Unable to describe Notebook Instance Lifecycle Config');
      return {};
    },
    ListCodeRepositories: (input) => {
      // Documented: SortBy "The default is Name", SortOrder "The default is Ascending".
      const sorted = filterAndSort(
        [...state.codeRepositories.values()],
        { ...input, SortBy: input.SortBy ?? 'Name', SortOrder: input.SortOrder ?? 'Ascending' },
        (r) => ({ name: r.name, creationTime: r.creationTime }),
      );
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        CodeRepositorySummaryList: items.map((r) => ({
          CodeRepositoryName: r.name,
          CodeRepositoryArn: r.arn,
          CreationTime: r.creationTime,
          LastModifiedTime: r.lastModifiedTime,
          GitConfig: { RepositoryUrl: r.url, Branch: r.branch },
        })),
        NextToken,
      };
    },
    DescribeCodeRepository: (input) => {
      const repo = state.codeRepositories.get(input.CodeRepositoryName);
      if (!repo)
        throw new AwsError('ValidationException', `Cannot find CodeRepository with name ${input.CodeRepositoryName}`);
      return {
        CodeRepositoryName: repo.name,
        CodeRepositoryArn: repo.arn,
        CreationTime: repo.creationTime,
        LastModifiedTime: repo.lastModifiedTime,
        GitConfig: { RepositoryUrl: repo.url, Branch: repo.branch },
      };
    },
  };
}

/** Writes each start's lifecycle script output once the instance has left Pending. */
function logFinishedScripts(world: World): void {
  const state = notebookState(world);
  for (const instance of state.instances.values()) {
    if (instance.transition.logged || instance.transition.scripts.length === 0) continue;
    const phase = phaseAt(instance.transition.phases, instance.transition.since, world.clock);
    if (phase.status === 'Pending') continue;
    instance.transition.logged = true;
    const config = instance.lifecycleConfigName ? state.lifecycleConfigs.get(instance.lifecycleConfigName) : undefined;
    if (!config) continue;
    for (const hook of instance.transition.scripts) {
      const lines = lifecycleScriptLog(world, config, hook, instance, instance.transition.since);
      if (lines.length > 0)
        world.logs.append('/aws/sagemaker/NotebookInstances', `${instance.name}/LifecycleConfig${hook}`, lines);
    }
  }
}

export const notebookInstancesModule: ServiceModule = {
  name: 'sagemaker notebook instances',
  handlers: (world) => {
    world.addSettler(() => logFinishedScripts(world));
    // An instance that left InService (stopped, failed, deleted) has no Jupyter server.
    world.addSettler(() => notebookGateway(world).reconcile());
    return { sagemaker: handlers(world) };
  },
  seed: (world: World, scenario: ScenarioName) => seedNotebookInstances(world, scenario),
};
