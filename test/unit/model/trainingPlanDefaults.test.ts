// Where the Start Training Job wizard begins (fresh defaults, a scaffolded folder's files) and what its
// confirmation and spot-capacity step say.
import * as assert from 'assert';
import {
  AUTOGLUON_METRICS,
  defaultTrainingPlan,
  describeTrainingPlan,
  planFromFolderFiles,
  spotWaitProblem,
  trainingPlanProblem,
} from '../../../src/model/trainingJobPlan';

const AT = new Date('2024-03-05T06:07:08.009Z');
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';

describe('training plan defaults', () => {
  it('starts AutoGluon on abalone with a dated name and the last role', () => {
    const plan = defaultTrainingPlan(ROLE, AT);
    assert.strictEqual(plan.jobName, 'abalone-autogluon-2024-03-05-06-07-08-009');
    assert.deepStrictEqual(
      [plan.instanceType, plan.instanceCount, plan.volumeSizeInGB, plan.maxRuntimeSeconds, plan.roleArn],
      ['ml.m5.xlarge', 1, 20, 3600, ROLE],
    );
    assert.deepStrictEqual(plan.hyperParameters, { label: 'rings' });
    assert.deepStrictEqual(plan.metricDefinitions, AUTOGLUON_METRICS);
    assert.strictEqual(defaultTrainingPlan(undefined, AT).roleArn, '');
  });

  it("takes a scaffolded folder's settings and hyperparameters, naming the job after the folder", () => {
    const settings = JSON.stringify({
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest',
      instanceType: 'ml.m5.2xlarge',
      channels: {
        training: 's3://b/abalone-autogluon/input/training.csv',
        testing: 's3://b/abalone-autogluon/input/testing',
      },
      outputPath: 's3://b/abalone-autogluon/output',
      metricDefinitions: [{ name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' }],
    });
    const { plan, problem } = planFromFolderFiles(
      defaultTrainingPlan(ROLE, AT),
      'abalone-autogluon',
      settings,
      '{"label": "rings", "presets": "best_quality"}',
      AT,
    );
    assert.strictEqual(problem, undefined);
    assert.strictEqual(plan.jobName, 'abalone-autogluon-2024-03-05-06-07-08-009');
    assert.strictEqual(plan.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest');
    assert.strictEqual(plan.instanceType, 'ml.m5.2xlarge');
    assert.strictEqual(plan.maxRuntimeSeconds, 3600, 'what the file leaves out keeps its default');
    assert.deepStrictEqual(plan.channels, [
      { name: 'training', s3Uri: 's3://b/abalone-autogluon/input/training.csv', contentType: 'text/csv' },
      { name: 'testing', s3Uri: 's3://b/abalone-autogluon/input/testing', contentType: undefined },
    ]);
    assert.deepStrictEqual(plan.hyperParameters, { label: 'rings', presets: 'best_quality' });
    assert.strictEqual(plan.outputS3Uri, 's3://b/abalone-autogluon/output');
  });

  it("says what is wrong with a folder's files and keeps the defaults for those parts", () => {
    const base = defaultTrainingPlan(ROLE, AT);
    const { plan, problem } = planFromFolderFiles(base, 'proj', '{ not json', '["rings"]', AT);
    assert.match(
      problem!,
      /^sagemaker-training\.json is not valid JSON: .* hyperparameters\.json: Hyperparameters are a JSON object/,
    );
    assert.deepStrictEqual({ ...plan, jobName: base.jobName }, base);
    assert.strictEqual(plan.jobName, 'proj-2024-03-05-06-07-08-009');
    assert.deepStrictEqual(planFromFolderFiles(base, 'proj', undefined, undefined, AT), {
      plan: { ...base, jobName: 'proj-2024-03-05-06-07-08-009' },
      problem: undefined,
    });
  });

  it("asks for a spot wait of at least the maximum runtime, with the message the whole plan's check gives", () => {
    assert.strictEqual(spotWaitProblem('7200', 3600), undefined);
    assert.strictEqual(spotWaitProblem('3600', 3600), undefined);
    assert.strictEqual(
      spotWaitProblem('600', 3600),
      'With spot training, the maximum wait (600 s) is at least the maximum runtime (3600 s)',
    );
    assert.match(spotWaitProblem('1.5', 1)!, /maximum wait \(1\.5 s\)/);
    assert.match(spotWaitProblem('', 1)!, /maximum wait \(none s\)/);
    assert.match(spotWaitProblem('2419201', 3600)!, /at most 2,419,200 seconds/);
    const plan = {
      ...defaultTrainingPlan(ROLE, AT),
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:latest',
      channels: [{ name: 'training', s3Uri: 's3://my-bucket/abalone/training.csv' }],
      outputS3Uri: 's3://my-bucket/o',
    };
    assert.strictEqual(
      trainingPlanProblem({ ...plan, spot: { maxWaitSeconds: 600, checkpointS3Uri: 's3://my-bucket/c' } }),
      spotWaitProblem('600', 3600),
    );
  });

  it('confirms a start with what will run, where, and that it is billed', () => {
    const plan = {
      ...defaultTrainingPlan(ROLE, AT),
      image: 'img:1',
      channels: [
        { name: 'training', s3Uri: 's3://b/t.csv' },
        { name: 'testing', s3Uri: 's3://b/s.csv' },
      ],
      outputS3Uri: 's3://b/o',
    };
    assert.deepStrictEqual(describeTrainingPlan(plan).split('\n'), [
      'Image: img:1.',
      'Compute: 1 × ml.m5.xlarge, 20 GB volume, at most 3600 s of training.',
      'On-demand capacity.',
      'Input: training ← s3://b/t.csv; testing ← s3://b/s.csv.',
      `Output: s3://b/o. Role: ${ROLE}.`,
      'Hyperparameters: label=rings.',
      'Metrics: validation:accuracy.',
      'Training instances are billed while the job runs.',
    ]);
    assert.match(
      describeTrainingPlan({
        ...plan,
        spot: { maxWaitSeconds: 7200, checkpointS3Uri: 's3://b/c' },
        hyperParameters: {},
        metricDefinitions: [],
      }),
      /Managed spot training: waits up to 7200 s for capacity, checkpoints in s3:\/\/b\/c\.\nInput: .*\nHyperparameters: none\.\nMetrics: none defined\./s,
    );
  });
});
