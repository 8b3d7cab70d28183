// Model Registry as the SageMaker API reference documents it: ListModelPackages defaults (CreationTime,
// Ascending, ModelPackageType Unversioned), the InferenceSpecification a version registered, and deletes.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1';

describe('emulator model registry fidelity', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  const errorOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: Error) => e.name,
    );

  it('ListModelPackages defaults: oldest first, and only unversioned packages without a group or type', async () => {
    const inGroup = await sagemaker.send(
      new sagemakerSdk.ListModelPackagesCommand({ ModelPackageGroupName: 'AbalonePackageGroup' }),
    );
    assert.deepEqual(
      inGroup.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion),
      [1, 2, 3, 4],
      'SortBy CreationTime, SortOrder Ascending',
    );
    const newest = await sagemaker.send(
      new sagemakerSdk.ListModelPackagesCommand({
        ModelPackageGroupName: 'AbalonePackageGroup',
        SortOrder: 'Descending',
      }),
    );
    assert.deepEqual(
      newest.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion),
      [4, 3, 2, 1],
    );
    const plain = await sagemaker.send(new sagemakerSdk.ListModelPackagesCommand({}));
    assert.deepEqual(
      plain.ModelPackageSummaryList,
      [],
      'ModelPackageType defaults to Unversioned; the seeds hold versioned packages only',
    );
    const versioned = await sagemaker.send(
      new sagemakerSdk.ListModelPackagesCommand({ ModelPackageType: 'Versioned', MaxResults: 100 }),
    );
    assert.equal(versioned.ModelPackageSummaryList?.length, 6, 'four Abalone and two FraudDetection versions');
  });

  it('DescribeModelPackage returns the InferenceSpecification as registered', async () => {
    await sagemaker.send(new sagemakerSdk.CreateModelPackageGroupCommand({ ModelPackageGroupName: 'SpecGroup' }));
    const spec: sagemakerSdk.InferenceSpecification = {
      Containers: [
        {
          Image: 'sklearn-preprocess:1',
          ModelDataUrl: 's3://b/pre/model.tar.gz',
          Environment: { SAGEMAKER_PROGRAM: 'preprocess.py' },
        },
        { Image: XGBOOST, ModelDataUrl: 's3://b/xgb/model.tar.gz' },
      ],
      SupportedContentTypes: ['application/json'],
      SupportedResponseMIMETypes: ['application/json'],
      SupportedRealtimeInferenceInstanceTypes: ['ml.c5.xlarge'],
    };
    const created = await sagemaker.send(
      new sagemakerSdk.CreateModelPackageCommand({ ModelPackageGroupName: 'SpecGroup', InferenceSpecification: spec }),
    );
    const described = await sagemaker.send(
      new sagemakerSdk.DescribeModelPackageCommand({ ModelPackageName: created.ModelPackageArn }),
    );
    assert.deepEqual(
      described.InferenceSpecification,
      spec,
      'no batch instance types were registered, so none are described',
    );
    const seeded = await sagemaker.send(
      new sagemakerSdk.DescribeModelPackageCommand({ ModelPackageName: 'AbalonePackageGroup/3' }),
    );
    assert.deepEqual(seeded.InferenceSpecification?.SupportedRealtimeInferenceInstanceTypes, [
      'ml.t2.medium',
      'ml.m5.large',
      'ml.m5.xlarge',
    ]);
    assert.equal(
      seeded.InferenceSpecification?.Containers?.[0].ModelDataUrl,
      's3://sagemaker-us-east-1-123456789012/AbalonePackageGroup/v3/model/model.tar.gz',
    );
  });

  it('DeleteModelPackageGroup fails with ConflictException while versions remain; version numbers are not reused', async () => {
    await sagemaker.send(new sagemakerSdk.CreateModelPackageGroupCommand({ ModelPackageGroupName: 'DeleteGroup' }));
    const spec = { Containers: [{ Image: XGBOOST }] };
    const v1 = await sagemaker.send(
      new sagemakerSdk.CreateModelPackageCommand({
        ModelPackageGroupName: 'DeleteGroup',
        InferenceSpecification: spec,
      }),
    );
    const v2 = await sagemaker.send(
      new sagemakerSdk.CreateModelPackageCommand({
        ModelPackageGroupName: 'DeleteGroup',
        InferenceSpecification: spec,
      }),
    );
    assert.equal(
      await errorOf(
        sagemaker.send(new sagemakerSdk.DeleteModelPackageGroupCommand({ ModelPackageGroupName: 'DeleteGroup' })),
      ),
      'ConflictException',
    );
    await sagemaker.send(new sagemakerSdk.DeleteModelPackageCommand({ ModelPackageName: v2.ModelPackageArn }));
    assert.equal(
      await errorOf(
        sagemaker.send(new sagemakerSdk.DescribeModelPackageCommand({ ModelPackageName: v2.ModelPackageArn })),
      ),
      'ValidationException',
    );
    const v3 = await sagemaker.send(
      new sagemakerSdk.CreateModelPackageCommand({
        ModelPackageGroupName: 'DeleteGroup',
        InferenceSpecification: spec,
      }),
    );
    assert.match(v3.ModelPackageArn ?? '', /\/deletegroup\/3$/, 'the deleted version 2 keeps its number');
    await sagemaker.send(new sagemakerSdk.DeleteModelPackageCommand({ ModelPackageName: v1.ModelPackageArn }));
    await sagemaker.send(new sagemakerSdk.DeleteModelPackageCommand({ ModelPackageName: v3.ModelPackageArn }));
    await sagemaker.send(new sagemakerSdk.DeleteModelPackageGroupCommand({ ModelPackageGroupName: 'DeleteGroup' }));
    assert.equal(
      await errorOf(
        sagemaker.send(new sagemakerSdk.DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'DeleteGroup' })),
      ),
      'ValidationException',
    );
    assert.equal(
      await errorOf(
        sagemaker.send(new sagemakerSdk.DeleteModelPackageCommand({ ModelPackageName: v1.ModelPackageArn })),
      ),
      'ValidationException',
    );
  });
});
