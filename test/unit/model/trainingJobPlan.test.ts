// The training wizard's checks against SageMaker's rules (CreateTrainingJob in the API model): generated
// names, image URIs, channels and hyperparameters are accepted exactly when AWS would accept them.
import * as assert from 'assert';
import fc from 'fast-check';
import { assertProperty } from '../../support/reliabilityTally';
import {
  ecrImageProblem,
  nextJobName,
  parseChannels,
  parseHyperParameters,
  parseMetricDefinitions,
  planFromJob,
  trainingJobNameProblem,
} from '../../../src/model/trainingJobPlan';
import { metricSeries } from '../../../src/model/trainingMetrics';
import { compareTrainingJobs } from '../../../src/model/trainingJobComparison';

const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/; // TrainingJobName in the API model
const nameChars = fc.constantFrom(...'abcXYZ019-_.'.split(''));

describe('training job plan', () => {
  it("accepts a job name exactly when it fits SageMaker's pattern, and says what is allowed otherwise", () => {
    assertProperty(
      fc.property(fc.string({ unit: nameChars, minLength: 0, maxLength: 70 }), (name) => {
        const problem = trainingJobNameProblem(name);
        assert.strictEqual(problem === undefined, SAGEMAKER_NAME.test(name), `${name}: ${problem}`);
        if (problem) assert.match(problem, /required|at most 63|letters, digits/);
      }),
    );
  });

  it('names a clone after its base with a fresh timestamp, always a valid name', () => {
    assertProperty(
      fc.property(
        fc
          .string({ unit: fc.constantFrom(...'abc09-'.split('')), minLength: 1, maxLength: 80 })
          .filter((s) => /^[a-z0-9]/.test(s) && /[a-z0-9]$/.test(s)),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (base, at) => {
          assert.strictEqual(trainingJobNameProblem(nextJobName(base, at)), undefined, nextJobName(base, at));
        },
      ),
    );
    assert.strictEqual(
      nextJobName('abalone-autogluon-2021-07-05-18-03-21-457', new Date('2026-11-27T08:01:02.345Z')),
      'abalone-autogluon-2026-11-27-08-01-02-345',
    );
  });

  it('takes ECR image URIs with a tag or digest only', () => {
    assert.strictEqual(
      ecrImageProblem('123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest'),
      undefined,
    );
    assert.strictEqual(
      ecrImageProblem(`123456789012.dkr.ecr.us-east-1.amazonaws.com/team/abalone@sha256:${'a'.repeat(64)}`),
      undefined,
    );
    assert.match(ecrImageProblem('123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training')!, /Add a tag/);
    assert.match(ecrImageProblem('docker.io/library/python:3.11')!, /ECR image URI/);
    assert.match(
      ecrImageProblem('123456789012.dkr.ecr.us-east-1.amazonaws.com/AutoGluon:latest')!,
      /ECR image URI/,
      'repository names are lower case',
    );
  });

  it('reads channels as name=s3 URI and refuses what CreateTrainingJob would', () => {
    assert.deepStrictEqual(parseChannels('training=s3://b-1/a/training.csv, testing=s3://b-1/a/').channels, [
      { name: 'training', s3Uri: 's3://b-1/a/training.csv', contentType: 'text/csv' },
      { name: 'testing', s3Uri: 's3://b-1/a/', contentType: undefined },
    ]);
    assert.match(parseChannels('training=s3://b-1/a training=s3://b-1/b').problem!, /named twice/);
    assert.match(parseChannels('train ing=s3://b-1/a').problem!, /not name=s3/);
    assert.match(parseChannels('training=/local/path').problem!, /must be an S3 location/);
    assert.match(parseChannels('').problem!, /at least one input channel/);
  });

  it('turns any flat JSON object of scalars into string hyperparameters, and explains anything else', () => {
    assertProperty(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean()),
          { maxKeys: 30 },
        ),
        (object) => {
          const { value, problem } = parseHyperParameters(JSON.stringify(object));
          assert.strictEqual(problem, undefined);
          for (const [k, v] of Object.entries(object))
            assert.strictEqual(value[k], typeof v === 'string' ? v : JSON.stringify(v));
        },
      ),
    );
    assert.deepStrictEqual(
      Object.keys(parseHyperParameters('{"__proto__": "x", "label": "rings"}').value),
      ['__proto__', 'label'],
      'found by the property above',
    );
    assert.match(parseHyperParameters('{"label": "rings",}').problem!, /not valid JSON/);
    assert.match(parseHyperParameters('["rings"]').problem!, /JSON object/);
    assert.match(
      parseHyperParameters('{"layers": [1, 2]}').problem!,
      /"layers" must be a string, number or boolean, not a list/,
    );
    assert.match(parseHyperParameters(`{"notes": "${'x'.repeat(2501)}"}`).problem!, /2501 characters; at most 2,500/);
  });

  it('takes metric definitions with one capture group, and extracts their values from log lines', () => {
    const parsed = parseMetricDefinitions(
      'validation:accuracy=([0-9.]+)\\s+= Validation score;; train:rmse=#011train-rmse:([0-9.]+)',
    );
    assert.strictEqual(parsed.problem, undefined);
    assert.match(parseMetricDefinitions('accuracy=Validation score').problem!, /needs a capture group/);
    assert.match(parseMetricDefinitions('accuracy=([0-9.]+').problem!, /not a regular expression/);
    const series = metricSeries(
      [
        { timestamp: 1, message: 'Fitting model: LightGBM ...' },
        { timestamp: 2, message: '\t0.289157\t = Validation score   (accuracy)' },
        { timestamp: 3, message: '[0]#011train-rmse:3.1#011validation-rmse:3.3' },
      ],
      parsed.definitions,
    );
    assert.deepStrictEqual(series, [
      { name: 'validation:accuracy', points: [{ t: 2, v: 0.289157 }] },
      { name: 'train:rmse', points: [{ t: 3, v: 3.1 }] },
    ]);
  });

  it('clones a described job into a plan and compares jobs row by row', () => {
    const job = {
      TrainingJobName: 'abalone-autogluon-2021-07-05-18-03-21-457',
      TrainingJobStatus: 'Completed',
      AlgorithmSpecification: {
        TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
        MetricDefinitions: [{ Name: 'validation:accuracy', Regex: '([0-9.]+)' }],
      },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 20 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      EnableManagedSpotTraining: true,
      CheckpointConfig: { S3Uri: 's3://b-1/ckpt' },
      HyperParameters: { label: 'rings' },
      FinalMetricDataList: [{ MetricName: 'validation:accuracy', Value: 0.307229 }],
    };
    const plan = planFromJob(job, new Date('2026-11-27T08:00:00Z'));
    assert.deepStrictEqual(
      [plan.jobName, plan.spot, plan.metricDefinitions],
      [
        'abalone-autogluon-2026-11-27-08-00-00-000',
        { maxWaitSeconds: 7200, checkpointS3Uri: 's3://b-1/ckpt' },
        [{ name: 'validation:accuracy', regex: '([0-9.]+)' }],
      ],
    );
    const other = {
      ...job,
      TrainingJobName: 'b',
      HyperParameters: { label: 'rings', time_limit: '1200' },
      FinalMetricDataList: [{ MetricName: 'validation:accuracy', Value: 0.31 }],
    };
    const comparison = compareTrainingJobs([job, other]);
    assert.deepStrictEqual(
      comparison.rows.filter((r) => r.differs).map((r) => r.name),
      ['time_limit', 'validation:accuracy'],
    );
    assert.deepStrictEqual(comparison.shared, [{ name: 'validation:accuracy', values: [0.307229, 0.31] }]);
  });
});
