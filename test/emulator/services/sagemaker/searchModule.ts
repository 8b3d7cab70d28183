// SageMaker Search over what the emulator holds: training jobs (ExperimentAnalytics and the Studio
// experiment views search them, seed 003), model package groups and versions. Records are the
// resources' Describe answers cut to the SearchRecord member's shape. Documented defaults: SortBy
// LastModifiedTime, SortOrder Descending, MaxResults 10.
import { AwsError, type OperationHandler, type RequestContext } from '../../engine/contract';
import { fullShape, loadModel } from '../../engine/models';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { matches, propertyKind, sortKey, validateExpression, type SearchExpression } from './searchExpression';
import { describeModelPackage, describeModelPackageGroup, registry } from './modelRegistryModule';
import { trainingJobs, trainingJobsModule } from './trainingJobsModule';

type Doc = { [member: string]: unknown };

/** Resource types the emulator has none of: searching them finds nothing, as in an account without them. */
const NONE_HELD: { [resource: string]: string } = {
  Experiment: 'Experiment',
  ExperimentTrial: 'Trial',
  ExperimentTrialComponent: 'TrialComponent',
  FeatureGroup: 'FeatureGroup',
  FeatureMetadata: 'FeatureMetadata',
  Project: 'Project',
  HyperParameterTuningJob: 'HyperParameterTuningJobSearchEntity',
  ModelCard: 'ModelCard',
};

/** Keeps the members the SearchRecord's shape has (Describe answers carry a few more). */
function cut(record: Doc, shapeName: string): Doc {
  const members = fullShape(loadModel('sagemaker'), shapeName)?.members;
  return members
    ? Object.fromEntries(Object.entries(record).filter(([k, v]) => k in members && v !== undefined))
    : record;
}

/** What filters see: the record plus Metrics.<name> from the final metrics and Tags.<key> by key. */
function searchable(record: Doc): Doc {
  const metrics = (record.FinalMetricDataList as Array<{ MetricName: string; Value: number }> | undefined) ?? [];
  const tags = (record.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [];
  return {
    ...record,
    Metrics: Object.fromEntries(metrics.map((m) => [m.MetricName, m.Value])),
    Tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
  };
}

function recordsOf(world: World, resource: string, ctx: RequestContext): { shape: string; records: Doc[] } {
  if (resource === 'TrainingJob') {
    // The training module's own Describe (cached per world: its handlers also register its settler).
    const describe = world.state(
      'sagemaker.search.describeTrainingJob',
      () => trainingJobsModule.handlers(world).sagemaker!.DescribeTrainingJob,
    );
    return {
      shape: 'TrainingJob',
      records: [...trainingJobs(world).keys()].map((name) =>
        cut({ ...(describe({ TrainingJobName: name }, ctx) as Doc), Tags: [] }, 'TrainingJob'),
      ),
    };
  }
  if (resource === 'ModelPackageGroup')
    return {
      shape: 'ModelPackageGroup',
      records: [...registry(world).values()].map((g) =>
        cut({ ...describeModelPackageGroup(g), Tags: [] }, 'ModelPackageGroup'),
      ),
    };
  if (resource === 'ModelPackage')
    return {
      shape: 'ModelPackage',
      records: [...registry(world).values()]
        .flatMap((g) => g.versions)
        .map((p) => cut({ ...describeModelPackage(p), Tags: [] }, 'ModelPackage')),
    };
  if (resource in NONE_HELD) return { shape: NONE_HELD[resource], records: [] };
  throw new AwsError(
    'ValidationException',
    `The emulator does not implement Search over ${resource} resources (it searches TrainingJob, ModelPackage and ModelPackageGroup).`,
  );
}

function handlers(world: World): Record<string, OperationHandler> {
  return {
    Search: (input, ctx) => {
      const { shape, records } = recordsOf(world, input.Resource, ctx);
      const expression: SearchExpression | undefined = input.SearchExpression;
      if (expression) validateExpression(shape, expression);
      const sortBy: string = input.SortBy ?? 'LastModifiedTime';
      if (input.SortBy) propertyKind(shape, sortBy);
      const direction = (input.SortOrder ?? 'Descending') === 'Ascending' ? 1 : -1;
      const found = records
        .filter((r) => !expression || matches(searchable(r), expression))
        .map((r) => ({ record: r, key: sortKey(searchable(r), sortBy) }))
        .sort((a, b) =>
          a.key === undefined ? 1 : b.key === undefined ? -1 : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction,
        );
      const { items, NextToken } = page(found, input.NextToken, input.MaxResults);
      return { Results: items.map(({ record }) => ({ [input.Resource]: record })), NextToken };
    },
  };
}

export const searchModule: ServiceModule = {
  name: 'sagemaker search',
  handlers: (world) => ({ sagemaker: handlers(world) }),
};
