// SageMaker Search as ExperimentAnalytics and the Studio experiment views call it (seed 003): training
// jobs filtered and sorted by SearchExpression, and malformed expressions refused with ValidationException.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

describe('emulator search fidelity', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  before(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  after(async () => emulator.close());

  const search = (input: sagemakerSdk.SearchCommandInput) => sagemaker.send(new sagemakerSdk.SearchCommand(input));
  const errorOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: Error) => e.name,
    );

  it('finds training jobs by name, metric and hyperparameter, sorted as asked', async () => {
    const all = await search({ Resource: 'TrainingJob', MaxResults: 100 });
    const names = all.Results?.map((r) => r.TrainingJob?.TrainingJobName) ?? [];
    assert.ok(names.includes('hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a'));
    const modified = all.Results?.map((r) => r.TrainingJob!.LastModifiedTime!.getTime()) ?? [];
    assert.deepEqual(
      modified,
      [...modified].sort((a, b) => b - a),
      'default SortBy LastModifiedTime, SortOrder Descending',
    );
    const byMetric = await search({
      Resource: 'TrainingJob',
      SearchExpression: { Filters: [{ Name: 'Metrics.validation:rmse', Operator: 'LessThan', Value: '25' }] },
    });
    assert.deepEqual(
      byMetric.Results?.map((r) => r.TrainingJob?.TrainingJobName),
      ['hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a'],
    );
    assert.equal(
      byMetric.Results?.[0].TrainingJob?.HyperParameters?.eta,
      '0.2',
      'the record is the whole training job',
    );
    const either = await search({
      Resource: 'TrainingJob',
      SearchExpression: {
        Operator: 'Or',
        Filters: [
          { Name: 'HyperParameters.eta', Operator: 'GreaterThanOrEqualTo', Value: '0.2' },
          { Name: 'TrainingJobName', Operator: 'Contains', Value: 'linear-learner' },
        ],
      },
      SortBy: 'TrainingJobName',
      SortOrder: 'Ascending',
    });
    assert.deepEqual(
      either.Results?.map((r) => r.TrainingJob?.TrainingJobName),
      ['hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a', 'linear-learner-2021-02-11-10-15-33-211'],
    );
    const nested = await search({
      Resource: 'TrainingJob',
      SearchExpression: {
        NestedFilters: [
          {
            NestedPropertyName: 'InputDataConfig',
            Filters: [
              { Name: 'InputDataConfig.ChannelName', Value: 'validation' },
              { Name: 'InputDataConfig.DataSource.S3DataSource.S3Uri', Operator: 'Contains', Value: 'cmapss' },
            ],
          },
        ],
      },
    });
    assert.equal(nested.Results?.length, 1, 'one channel satisfies both nested filters');
    const first = await search({ Resource: 'TrainingJob', MaxResults: 1 });
    assert.ok(first.NextToken, 'more than one page');
  });

  it('refuses malformed expressions with ValidationException', async () => {
    assert.equal(
      await errorOf(search({ Resource: 'TrainingJob', SearchExpression: {} })),
      'ValidationException',
      'no filter, nested filter or subexpression',
    );
    assert.equal(
      await errorOf(
        search({
          Resource: 'TrainingJob',
          SearchExpression: { Filters: [{ Name: 'TrainingJobName', Operator: 'GreaterThan', Value: 'a' }] },
        }),
      ),
      'ValidationException',
      'order operators are not for text',
    );
    assert.equal(
      await errorOf(
        search({
          Resource: 'TrainingJob',
          SearchExpression: { Filters: [{ Name: 'CreationTime', Operator: 'Contains', Value: '2021' }] },
        }),
      ),
      'ValidationException',
      'Contains is for text only',
    );
    assert.equal(
      await errorOf(
        search({ Resource: 'TrainingJob', SearchExpression: { Filters: [{ Name: 'NoSuchProperty', Value: 'x' }] } }),
      ),
      'ValidationException',
    );
    assert.equal(
      await errorOf(
        search({
          Resource: 'TrainingJob',
          SearchExpression: { Filters: [{ Name: 'TrainingJobName', Operator: 'Equals' }] },
        }),
      ),
      'ValidationException',
      'Equals needs a Value',
    );
    const twoContains = {
      Filters: [
        { Name: 'TrainingJobName', Operator: 'Contains' as const, Value: 'a' },
        { Name: 'RoleArn', Operator: 'Contains' as const, Value: 'b' },
      ],
    };
    assert.equal(
      await errorOf(search({ Resource: 'TrainingJob', SearchExpression: twoContains })),
      'ValidationException',
      "'CONTAINS' operator usage limit of 1 exceeded",
    );
    const wide = {
      SubExpressions: Array.from({ length: 20 }, () => ({
        Filters: [
          { Name: 'TrainingJobName', Value: 'a' },
          { Name: 'RoleArn', Value: 'b' },
        ],
      })),
    };
    assert.equal(
      await errorOf(search({ Resource: 'TrainingJob', SearchExpression: wide })),
      'ValidationException',
      'more than 50 elements in all',
    );
    assert.equal(await errorOf(search({ Resource: 'TrainingJob', SortBy: 'NoSuchProperty' })), 'ValidationException');
  });

  it('searches the model registry too', async () => {
    const approved = await search({
      Resource: 'ModelPackage',
      SearchExpression: {
        Filters: [
          { Name: 'ModelPackageGroupName', Value: 'AbalonePackageGroup' },
          { Name: 'ModelApprovalStatus', Value: 'Approved' },
        ],
      },
      SortBy: 'ModelPackageVersion',
      SortOrder: 'Ascending',
    });
    assert.deepEqual(
      approved.Results?.map((r) => r.ModelPackage?.ModelPackageVersion),
      [1, 3],
    );
  });
});
