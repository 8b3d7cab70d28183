// List operations with the defaults the API reference documents (issue 18): the sort field and order a
// request gets when it names none, and the MaxResults default and bounds. The documentation quoted is
// botocore's service-2.json (Debian's python3-botocore), the text the API reference is generated from.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import * as autoscalingSdk from '@aws-sdk/client-application-auto-scaling';
import { clientsFor, credentials, emulatorForTest } from './support';
import { notebookState } from './services/sagemaker/notebookInstancesModule';
import type { RunningEmulator } from './index';

const DAY = 86_400_000;

describe('emulator list defaults', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  it('ListModelPackageGroups: SortBy CreationTime, SortOrder Ascending ("The default is Ascending")', async () => {
    const out = await sagemaker.send(new sagemakerSdk.ListModelPackageGroupsCommand({}));
    assert.deepEqual(
      out.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName),
      ['AbalonePackageGroup', 'FraudDetectionPackageGroup'],
      'oldest (60 days) first',
    );
    const newest = await sagemaker.send(new sagemakerSdk.ListModelPackageGroupsCommand({ SortOrder: 'Descending' }));
    assert.deepEqual(
      newest.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName),
      ['FraudDetectionPackageGroup', 'AbalonePackageGroup'],
    );
  });

  it('ListTrainingJobs: CreationTime, newest first, as the operation documents its unsorted request', async () => {
    // The SortOrder member says "The default is Ascending", but the operation's own note describes what
    // `aws sagemaker list-training-jobs --max-results 100 --status-equals InProgress` (no sort given)
    // does: jobs "sorted according to the creation time, from the most current to the oldest". The
    // emulator follows the operation's note (see trainingJobsModule.ts).
    const out = await sagemaker.send(new sagemakerSdk.ListTrainingJobsCommand({}));
    const times = (out.TrainingJobSummaries ?? []).map((j) => j.CreationTime?.getTime() ?? 0);
    assert.ok(times.length > 2, 'the seeded jobs');
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const oldest = await sagemaker.send(new sagemakerSdk.ListTrainingJobsCommand({ SortOrder: 'Ascending' }));
    assert.deepEqual(
      oldest.TrainingJobSummaries?.map((j) => j.CreationTime?.getTime() ?? 0),
      [...times].sort((a, b) => a - b),
    );
  });

  it('ListAutoMLJobs: SortBy Name ("The default is Name"), SortOrder Descending', async () => {
    const out = await sagemaker.send(new sagemakerSdk.ListAutoMLJobsCommand({}));
    const names = (out.AutoMLJobSummaries ?? []).map((j) => j.AutoMLJobName ?? '');
    assert.deepEqual(names, [
      'abalone-v2-wrong-target',
      'abalone-v0',
      'abalone-regression-v2',
      'abalone-2021-07-05-17-07-15-994',
    ]);
    const ascending = await sagemaker.send(new sagemakerSdk.ListAutoMLJobsCommand({ SortOrder: 'Ascending' }));
    assert.deepEqual(
      ascending.AutoMLJobSummaries?.map((j) => j.AutoMLJobName),
      [...names].reverse(),
    );
    const byTime = await sagemaker.send(new sagemakerSdk.ListAutoMLJobsCommand({ SortBy: 'CreationTime' }));
    assert.equal(
      byTime.AutoMLJobSummaries?.[0].AutoMLJobName,
      'abalone-regression-v2',
      'newest first when sorted by time',
    );
  });

  it('ListCodeRepositories: SortBy Name, SortOrder Ascending', async () => {
    // A second repository, newer than abalone-cicd-pipeline and later in the alphabet (seed 000's repository).
    const created = new Date(Date.now() - 5 * DAY);
    notebookState(emulator.world()).codeRepositories.set('terraform-sagemaker-ml', {
      name: 'terraform-sagemaker-ml',
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:code-repository/terraform-sagemaker-ml',
      url: 'https://github.com/keshava/terraform-sagemaker-ml.git',
      branch: 'master',
      creationTime: created,
      lastModifiedTime: created,
    });
    const out = await sagemaker.send(new sagemakerSdk.ListCodeRepositoriesCommand({}));
    assert.deepEqual(
      out.CodeRepositorySummaryList?.map((r) => r.CodeRepositoryName),
      ['abalone-cicd-pipeline', 'terraform-sagemaker-ml'],
    );
    const newest = await sagemaker.send(
      new sagemakerSdk.ListCodeRepositoriesCommand({ SortBy: 'CreationTime', SortOrder: 'Descending' }),
    );
    assert.deepEqual(
      newest.CodeRepositorySummaryList?.map((r) => r.CodeRepositoryName),
      ['terraform-sagemaker-ml', 'abalone-cicd-pipeline'],
    );
  });

  it('ListEndpoints, ListModels, ListEndpointConfigs: CreationTime, Descending, 10 a page', async () => {
    const out = await sagemaker.send(new sagemakerSdk.ListEndpointsCommand({}));
    const times = (out.Endpoints ?? []).map((e) => e.CreationTime?.getTime() ?? 0);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.ok(times.length <= 10);
  });

  describe('Application Auto Scaling', function () {
    let autoscaling: autoscalingSdk.ApplicationAutoScalingClient;
    const resourceId = 'endpoint/abalone-endpoint/variant/AllTraffic';
    beforeEach(async () => {
      autoscaling = new autoscalingSdk.ApplicationAutoScalingClient({
        endpoint: emulator.url,
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
      });
      await autoscaling.send(
        new autoscalingSdk.RegisterScalableTargetCommand({
          ServiceNamespace: 'sagemaker',
          ResourceId: resourceId,
          ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
          MinCapacity: 1,
          MaxCapacity: 5,
        }),
      );
      for (let i = 0; i < 12; i++) {
        await autoscaling.send(
          new autoscalingSdk.PutScalingPolicyCommand({
            PolicyName: `Invocations-ScalingPolicy-${String(i).padStart(2, '0')}`,
            ServiceNamespace: 'sagemaker',
            ResourceId: resourceId,
            ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
            PolicyType: 'TargetTrackingScaling',
            TargetTrackingScalingPolicyConfiguration: {
              TargetValue: 10,
              PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
            },
          }),
        );
      }
    });
    const errorOf = async (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: Error) => `${e.name}: ${e.message}`,
      );

    it('DescribeScalingPolicies: "The default value is 10", at most 10', async () => {
      const first = await autoscaling.send(
        new autoscalingSdk.DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' }),
      );
      assert.equal(first.ScalingPolicies?.length, 10);
      assert.ok(first.NextToken);
      const rest = await autoscaling.send(
        new autoscalingSdk.DescribeScalingPoliciesCommand({
          ServiceNamespace: 'sagemaker',
          NextToken: first.NextToken,
        }),
      );
      assert.equal(rest.ScalingPolicies?.length, 3, 'the seeded policy and the twelve put here');
      assert.match(
        (await errorOf(
          autoscaling.send(
            new autoscalingSdk.DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker', MaxResults: 11 }),
          ),
        )) ?? '',
        /^ValidationException: .*maxResults.*less than or equal to 10/,
      );
    });

    it('DescribeScalableTargets: "The default value is 50", at most 50', async () => {
      const out = await autoscaling.send(
        new autoscalingSdk.DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }),
      );
      assert.equal(out.ScalableTargets?.length, 2, 'the seeded target and the one registered here');
      assert.match(
        (await errorOf(
          autoscaling.send(
            new autoscalingSdk.DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker', MaxResults: 51 }),
          ),
        )) ?? '',
        /^ValidationException: .*maxResults.*less than or equal to 50/,
      );
    });
  });
});
