// SageMaker Model Registry: model package groups and their numbered versions with approval
// status and model-quality statistics in S3 (the evaluation.json a pipeline's evaluation step
// writes), as the AbalonePackageGroup of the seeds.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { filterAndSort, page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import { DEFAULT_REGION, type World } from '../world';
import { modelArchive } from './modelArchives';

type Approval = 'Approved' | 'Rejected' | 'PendingManualApproval';

export interface ModelPackage {
  group: string;
  version: number;
  arn: string;
  description?: string;
  creationTime: Date;
  lastModifiedTime: Date;
  approval: Approval;
  approvalDescription?: string;
  image: string;
  modelDataUrl: string;
  statisticsS3Uri?: string;
  generatedBy?: string;
  customerMetadata?: Record<string, string>;
  /** InferenceSpecification as registered: Describe returns it unchanged (instance types included, or absent). */
  inferenceSpecification: InferenceSpecification;
  /** The request's idempotency token (the SDK fills it in): a retry of the same request returns this version. */
  clientToken?: string;
}

export interface InferenceSpecification {
  Containers: Array<Record<string, unknown> & { Image?: string; ModelDataUrl?: string }>;
  SupportedTransformInstanceTypes?: string[];
  SupportedRealtimeInferenceInstanceTypes?: string[];
  SupportedContentTypes?: string[];
  SupportedResponseMIMETypes?: string[];
}

export interface ModelPackageGroup {
  name: string;
  arn: string;
  description?: string;
  creationTime: Date;
  versions: ModelPackage[];
  /** Highest version number handed out: SageMaker does not reuse the number of a deleted version. */
  lastVersion: number;
}

export function registry(world: World): Map<string, ModelPackageGroup> {
  return world.state('sagemaker.registry', () => new Map<string, ModelPackageGroup>());
}

/** ARNs carry the name in lower case, so lookups by ARN ignore case. */
function byName(world: World, name: string): ModelPackageGroup | undefined {
  const groups = registry(world);
  return groups.get(name) ?? [...groups.values()].find((g) => g.name.toLowerCase() === name.toLowerCase());
}

function group(world: World, name: string): ModelPackageGroup {
  const found = byName(world, name.includes(':model-package-group/') ? name.split('/').pop()! : name);
  if (!found) throw new AwsError('ValidationException', `ModelPackageGroup ${name} does not exist.`);
  return found;
}

/** Versioned packages are named by ARN (or group/version); both resolve here. */
export function modelPackage(world: World, name: string): ModelPackage {
  const match = /model-package\/([^/]+)\/(\d+)$/.exec(name) ?? /^([^/:]+)\/(\d+)$/.exec(name);
  const found = match ? byName(world, match[1])?.versions.find((v) => v.version === Number(match[2])) : undefined;
  if (!found) throw new AwsError('ValidationException', `ModelPackage ${name} does not exist.`);
  return found;
}

export function describeModelPackage(p: ModelPackage) {
  return {
    ModelPackageName: p.group,
    ModelPackageGroupName: p.group,
    ModelPackageVersion: p.version,
    ModelPackageArn: p.arn,
    ModelPackageDescription: p.description,
    CreationTime: p.creationTime,
    InferenceSpecification: p.inferenceSpecification,
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
    CertifyForMarketplace: false,
    ModelApprovalStatus: p.approval,
    MetadataProperties: p.generatedBy ? { GeneratedBy: p.generatedBy } : undefined,
    ModelMetrics: p.statisticsS3Uri
      ? { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: p.statisticsS3Uri } } }
      : undefined,
    LastModifiedTime: p.lastModifiedTime,
    ApprovalDescription: p.approvalDescription,
    CustomerMetadataProperties: p.customerMetadata,
  };
}

/**
 * What ListModelPackages lists. ModelPackageType defaults to Unversioned (documented), so without a group
 * or a type only unversioned packages are listed; naming a group lists that group's versions.
 */
function listedPackages(
  world: World,
  groupName: string | undefined,
  type: 'Versioned' | 'Unversioned' | 'Both' | undefined,
): ModelPackage[] {
  if (groupName) return type === 'Unversioned' ? (group(world, groupName), []) : group(world, groupName).versions;
  // The emulator holds versioned packages only (CreateModelPackage needs a group), so Unversioned lists none.
  return (type ?? 'Unversioned') === 'Unversioned' ? [] : [...registry(world).values()].flatMap((g) => g.versions);
}

export function describeModelPackageGroup(g: ModelPackageGroup) {
  return {
    ModelPackageGroupName: g.name,
    ModelPackageGroupArn: g.arn,
    ModelPackageGroupDescription: g.description,
    CreationTime: g.creationTime,
    CreatedBy: {},
    ModelPackageGroupStatus: 'Completed',
  };
}

function handlers(world: World): Record<string, OperationHandler> {
  const groups = registry(world);
  return {
    ListModelPackageGroups: (input) => {
      // Documented: SortBy "The default is CreationTime", SortOrder "The default is Ascending" (oldest first).
      const sorted = filterAndSort(
        [...groups.values()],
        { ...input, SortOrder: input.SortOrder ?? 'Ascending' },
        (g) => ({ name: g.name, creationTime: g.creationTime }),
      );
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        ModelPackageGroupSummaryList: items.map((g) => ({
          ModelPackageGroupName: g.name,
          ModelPackageGroupArn: g.arn,
          ModelPackageGroupDescription: g.description,
          CreationTime: g.creationTime,
          ModelPackageGroupStatus: 'Completed',
        })),
        NextToken,
      };
    },
    DescribeModelPackageGroup: (input) => describeModelPackageGroup(group(world, input.ModelPackageGroupName)),
    CreateModelPackageGroup: (input, ctx) => {
      if (groups.has(input.ModelPackageGroupName))
        throw new AwsError(
          'ValidationException',
          `Model Package Group already exists: ${world.arn('sagemaker', ctx.region, `model-package-group/${input.ModelPackageGroupName.toLowerCase()}`)}`,
        );
      const g: ModelPackageGroup = {
        name: input.ModelPackageGroupName,
        arn: world.arn('sagemaker', ctx.region, `model-package-group/${input.ModelPackageGroupName.toLowerCase()}`),
        description: input.ModelPackageGroupDescription,
        creationTime: world.now(),
        versions: [],
        lastVersion: 0,
      };
      groups.set(g.name, g);
      return { ModelPackageGroupArn: g.arn };
    },
    ListModelPackages: (input) => {
      let packages = listedPackages(world, input.ModelPackageGroupName, input.ModelPackageType);
      if (input.ModelApprovalStatus) packages = packages.filter((p) => p.approval === input.ModelApprovalStatus);
      if (input.NameContains)
        packages = packages.filter((p) => p.group.toLowerCase().includes(input.NameContains.toLowerCase()));
      // Unlike most SageMaker lists, ListModelPackages documents SortOrder's default as Ascending (oldest first).
      const sorted = filterAndSort(
        packages,
        { ...input, NameContains: undefined, SortOrder: input.SortOrder ?? 'Ascending' },
        (p) => ({ name: `${p.group}/${String(p.version).padStart(8, '0')}`, creationTime: p.creationTime }),
      );
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        ModelPackageSummaryList: items.map((p) => ({
          ModelPackageName: p.group,
          ModelPackageGroupName: p.group,
          ModelPackageVersion: p.version,
          ModelPackageArn: p.arn,
          ModelPackageDescription: p.description,
          CreationTime: p.creationTime,
          ModelPackageStatus: 'Completed',
          ModelApprovalStatus: p.approval,
        })),
        NextToken,
      };
    },
    DescribeModelPackage: (input) => describeModelPackage(modelPackage(world, input.ModelPackageName)),
    DeleteModelPackage: (input) => {
      const p = modelPackage(world, input.ModelPackageName);
      const g = group(world, p.group);
      g.versions = g.versions.filter((v) => v !== p);
      return {};
    },
    DeleteModelPackageGroup: (input) => {
      const g = group(world, input.ModelPackageGroupName);
      // ConflictException is the only error the API reference lists: a group is emptied version by version first.
      if (g.versions.length > 0)
        throw new AwsError(
          'ConflictException',
          `Model Package Group ${g.arn} cannot be deleted because it contains ${g.versions.length} model package(s). Delete its model packages first.`,
        );
      groups.delete(g.name);
      return {};
    },
    UpdateModelPackage: (input) => {
      const p = modelPackage(world, input.ModelPackageArn);
      if (input.ModelApprovalStatus) p.approval = input.ModelApprovalStatus;
      if (input.ApprovalDescription !== undefined) p.approvalDescription = input.ApprovalDescription;
      if (input.CustomerMetadataProperties)
        p.customerMetadata = { ...p.customerMetadata, ...input.CustomerMetadataProperties };
      p.lastModifiedTime = world.now();
      return { ModelPackageArn: p.arn };
    },
    CreateModelPackage: (input, ctx) => {
      if (!input.ModelPackageGroupName)
        throw new AwsError(
          'ValidationException',
          'The SageMaker Workbench emulator creates versioned model packages only (ModelPackageGroupName).',
        );
      const g = group(world, input.ModelPackageGroupName);
      const repeated = input.ClientToken && g.versions.find((v) => v.clientToken === input.ClientToken);
      if (repeated) return { ModelPackageArn: repeated.arn };
      const version = ++g.lastVersion;
      const spec: InferenceSpecification = input.InferenceSpecification ?? { Containers: [] };
      const container = spec.Containers[0] ?? {};
      const p: ModelPackage = {
        group: g.name,
        version,
        arn: world.arn('sagemaker', ctx.region, `model-package/${g.name.toLowerCase()}/${version}`),
        description: input.ModelPackageDescription,
        creationTime: world.now(),
        lastModifiedTime: world.now(),
        approval: input.ModelApprovalStatus ?? 'PendingManualApproval',
        image: container.Image ?? '',
        modelDataUrl: container.ModelDataUrl ?? '',
        statisticsS3Uri: input.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
        generatedBy: input.MetadataProperties?.GeneratedBy,
        customerMetadata: input.CustomerMetadataProperties,
        inferenceSpecification: spec,
        clientToken: input.ClientToken,
      };
      g.versions.push(p);
      return { ModelPackageArn: p.arn };
    },
  };
}

const BUCKET = 'sagemaker-us-east-1-123456789012';
const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1';

function statistics(rmse: number, mse: number, sd: number): string {
  return JSON.stringify(
    {
      regression_metrics: {
        mse: { value: mse, standard_deviation: sd },
        rmse: { value: rmse, standard_deviation: sd },
      },
    },
    null,
    2,
  );
}

/** The spec a SageMaker Pipelines RegisterModel step of the abalone example registers (realtime and batch instance types). */
function registeredSpec(image: string, modelDataUrl: string): InferenceSpecification {
  return {
    Containers: [{ Image: image, ModelDataUrl: modelDataUrl }],
    SupportedTransformInstanceTypes: ['ml.m5.large'],
    SupportedRealtimeInferenceInstanceTypes: ['ml.t2.medium', 'ml.m5.large', 'ml.m5.xlarge'],
    SupportedContentTypes: ['text/csv'],
    SupportedResponseMIMETypes: ['text/csv'],
  };
}

export function seedRegistry(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const groups = registry(world);
  const now = world.clock.now();
  const day = 86_400_000;
  const addGroup = (name: string, description: string, ageDays: number): ModelPackageGroup => {
    const g: ModelPackageGroup = {
      name,
      arn: world.arn('sagemaker', DEFAULT_REGION, `model-package-group/${name.toLowerCase()}`),
      description,
      creationTime: new Date(now - ageDays * day),
      versions: [],
      lastVersion: 0,
    };
    groups.set(name, g);
    return g;
  };
  const addVersion = (
    g: ModelPackageGroup,
    approval: Approval,
    ageDays: number,
    metrics?: [number, number, number],
    extra: Partial<ModelPackage> = {},
  ) => {
    const version = ++g.lastVersion;
    const key = `${g.name}/v${version}`;
    const image = extra.image ?? XGBOOST;
    if (metrics) world.s3.put(BUCKET, `${key}/evaluation/evaluation.json`, statistics(...metrics), 'application/json');
    g.versions.push({
      group: g.name,
      version,
      arn: world.arn('sagemaker', DEFAULT_REGION, `model-package/${g.name.toLowerCase()}/${version}`),
      creationTime: new Date(now - ageDays * day),
      lastModifiedTime: new Date(now - ageDays * day),
      approval,
      image,
      modelDataUrl: `s3://${BUCKET}/${key}/model/model.tar.gz`,
      statisticsS3Uri: metrics ? `s3://${BUCKET}/${key}/evaluation/evaluation.json` : undefined,
      generatedBy: 'CDK Pipeline',
      inferenceSpecification: registeredSpec(image, `s3://${BUCKET}/${key}/model/model.tar.gz`),
      ...extra,
    });
  };
  // Version 1 is the one in the seed's screenshot; version 3 is what the pipeline evaluated.
  const abalone = addGroup(
    'AbalonePackageGroup',
    'Abalone age (rings) regression models trained by the abalone-cicd-pipeline',
    60,
  );
  addVersion(abalone, 'Approved', 58, [1.990679744402281, 3.962805844773531, 1.9735496251506863], {
    approvalDescription: 'Initial production model',
  });
  addVersion(abalone, 'Rejected', 40, [2.214, 4.902, 2.0113], { approvalDescription: 'RMSE worse than version 1' });
  addVersion(abalone, 'Approved', 21, [1.4838999769750487, 2.20195914166655, 1.4213], {
    approvalDescription: 'Meets the RMSE < 1.6 acceptance criterion',
  });
  addVersion(abalone, 'PendingManualApproval', 1, [1.5236, 2.3214, 1.4402]);
  const fraud = addGroup('FraudDetectionPackageGroup', 'Linear learner fraud classifiers', 45);
  addVersion(fraud, 'Approved', 44, undefined, {
    image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
  });
  addVersion(fraud, 'PendingManualApproval', 5, undefined, {
    image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
  });
  if (scenario === 'large') {
    for (let i = 0; i < 200; i++)
      addGroup(`team-model-group-${String(i).padStart(3, '0')}`, 'Generated for the large scenario', 2 + i);
    const big = addGroup('AbaloneSweepPackageGroup', 'One group with a thousand versions', 90);
    for (let v = 0; v < 1000; v++)
      addVersion(big, v % 3 === 0 ? 'Approved' : v % 3 === 1 ? 'Rejected' : 'PendingManualApproval', 90 - v * 0.08);
  }
}

/** The model.tar.gz of each seeded version, made on demand (the large scenario has a thousand). */
function versionArtifacts(world: World): void {
  world.s3.addResolver((bucket, key) => {
    const match = /^([^/]+)\/v(\d+)\/model\/model\.tar\.gz$/.exec(key);
    const version =
      match && bucket === BUCKET
        ? byName(world, match[1])?.versions.find((v) => v.version === Number(match[2]))
        : undefined;
    if (!version) return undefined;
    return {
      body: modelArchive('generic'),
      contentType: 'application/x-tar',
      lastModified: version.creationTime,
      etag: `"${version.arn.length.toString(16).padStart(32, '0')}"`,
      metadata: {},
    };
  });
}

export const modelRegistryModule: ServiceModule = {
  name: 'sagemaker model registry',
  handlers: (world) => {
    versionArtifacts(world);
    return { sagemaker: handlers(world) };
  },
  seed: seedRegistry,
};
