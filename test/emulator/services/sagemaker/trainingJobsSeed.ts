// Training jobs from the seeds: the AutoGluon bring-your-own-container abalone runs (one done, one
// training now, one that failed), the XGBoost job of the CMAPSS example and the fraud-detection
// linear learner, plus 10,000 jobs in the "large" scenario.
import type { ScenarioName } from '../../engine/contract';
import { DEFAULT_REGION, type World } from '../world';
import { abaloneCsv, ABALONE_ROWS } from './abaloneData';
import { prepareLargeModelArchive, prepareModelArchives } from './modelArchives';
import { defaultMetricDefinitions } from './trainingJobLogs';
import { trainingJobs, trainingPhases, type TrainingJob } from './trainingJobsModule';

const BUCKET = 'sagemaker-us-east-1-123456789012';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
export const AUTOGLUON_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest';
const DAY = 86_400_000;

type Seed = Pick<TrainingJob, 'name' | 'image' | 'instanceType'> &
  Partial<TrainingJob> & { ageMs: number; outcome?: 'Completed' | 'Failed' };

function add(world: World, seed: Seed): void {
  const job: TrainingJob = {
    instanceCount: 1,
    volumeSizeInGB: 20,
    roleArn: ROLE,
    hyperParameters: {},
    channels: [],
    outputPath: `s3://${BUCKET}/${seed.name}`,
    maxRuntimeSeconds: 86400,
    finalMetrics: [],
    ...seed,
    arn: world.arn('sagemaker', DEFAULT_REGION, `training-job/${seed.name.toLowerCase()}`),
    creationTime: world.clock.now() - seed.ageMs,
    phases: seed.phases ?? trainingPhases(seed.outcome ?? 'Completed'),
    historical: seed.ageMs > 0,
  };
  trainingJobs(world).set(job.name, job);
}

function autoGluonSeed(name: string): Partial<TrainingJob> {
  return {
    metricDefinitions: defaultMetricDefinitions(true),
    hyperParameters: { label: 'rings', bucket: BUCKET, training_job: name },
    channels: [
      { name: 'training', s3Uri: `s3://${BUCKET}/${name}/input/training.csv` },
      { name: 'testing', s3Uri: `s3://${BUCKET}/${name}/input/testing.csv` },
    ],
  };
}

export function seedTrainingJobs(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  world.defer(prepareModelArchives());
  const done = 'abalone-autogluon-2021-07-05-18-03-21-457';
  const running = 'abalone-autogluon-2021-07-06-09-12-44-102';
  const failed = 'abalone-autogluon-2021-07-04-16-40-02-815';
  for (const name of [done, running, failed]) {
    world.s3.put(BUCKET, `${name}/input/training.csv`, abaloneCsv(true, ABALONE_ROWS.slice(0, 16)), 'text/csv');
    world.s3.put(BUCKET, `${name}/input/testing.csv`, abaloneCsv(true, ABALONE_ROWS.slice(16)), 'text/csv');
  }
  add(world, {
    name: done,
    image: AUTOGLUON_IMAGE,
    instanceType: 'ml.m5.xlarge',
    ageMs: 20 * DAY,
    ...autoGluonSeed(done),
  });
  add(world, {
    name: running,
    image: AUTOGLUON_IMAGE,
    instanceType: 'ml.m5.xlarge',
    ageMs: 0,
    ...autoGluonSeed(running),
  });
  add(world, {
    name: failed,
    image: AUTOGLUON_IMAGE,
    instanceType: 'ml.m5.xlarge',
    ageMs: 21 * DAY,
    outcome: 'Failed',
    ...autoGluonSeed(failed),
    hyperParameters: { label: 'Rings', bucket: BUCKET, training_job: failed },
    failureReason: 'AlgorithmError: ExecuteUserScriptError:\nCommand "python train.py"\nKeyError: \'Rings\'',
  });
  add(world, {
    name: 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a',
    image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1',
    instanceType: 'ml.m5.2xlarge',
    ageMs: 40 * DAY,
    hyperParameters: { objective: 'reg:squarederror', num_round: '100', max_depth: '5', eta: '0.2', subsample: '0.8' },
    metricDefinitions: defaultMetricDefinitions(false),
    spot: { maxWaitSeconds: 7200, checkpointS3Uri: `s3://${BUCKET}/cmapss/checkpoints` },
    channels: [
      { name: 'train', s3Uri: `s3://${BUCKET}/cmapss/train`, contentType: 'text/csv' },
      { name: 'validation', s3Uri: `s3://${BUCKET}/cmapss/validation`, contentType: 'text/csv' },
    ],
    finalMetrics: [
      { MetricName: 'train:rmse', Value: 17.6213 },
      { MetricName: 'validation:rmse', Value: 21.4871 },
    ],
  });
  add(world, {
    name: 'linear-learner-2021-02-11-10-15-33-211',
    image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
    instanceType: 'ml.c4.xlarge',
    ageMs: 35 * DAY,
    hyperParameters: { feature_dim: '30', predictor_type: 'binary_classifier', mini_batch_size: '200' },
    channels: [
      {
        name: 'train',
        s3Uri: 's3://fraud-detection-end-to-end-demo/linear-learner/train/recordio-pb-data',
        contentType: 'application/x-recordio-protobuf',
      },
    ],
    finalMetrics: [
      { MetricName: 'test:binary_classification_accuracy', Value: 0.9992 },
      { MetricName: 'test:precision', Value: 0.8571 },
      { MetricName: 'test:recall', Value: 0.7711 },
    ],
  });
  if (scenario === 'large') {
    // The streaming benchmark's artefact: 300 MB of models before the AutoGluon reports.
    world.defer(prepareLargeModelArchive());
    // Fifty jobs training for days, newest of all so they fill the first page: the polling benchmark's load.
    for (let i = 0; i < 50; i++) {
      add(world, {
        name: `sweep-running-${String(i).padStart(2, '0')}`,
        image: AUTOGLUON_IMAGE,
        instanceType: 'ml.m5.xlarge',
        ageMs: 1_000 + i * 10,
        phases: trainingPhases('Completed', 10 * 86_400),
      });
    }
    add(world, {
      name: 'abalone-autogluon-300mb-artefact',
      image: AUTOGLUON_IMAGE,
      instanceType: 'ml.m5.4xlarge',
      ageMs: 2 * DAY,
      ...autoGluonSeed('abalone-autogluon-300mb-artefact'),
      artefact: 'autogluon-large',
    });
    const images = [
      AUTOGLUON_IMAGE,
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1',
      '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
    ];
    for (let i = 0; i < 10_000; i++) {
      add(world, {
        name: `sweep-${String(i).padStart(5, '0')}`,
        image: images[i % images.length],
        instanceType: 'ml.m5.large',
        ageMs: (i + 1) * 60_000,
        outcome: i % 17 === 0 ? 'Failed' : 'Completed',
        failureReason: i % 17 === 0 ? 'AlgorithmError: out of memory' : undefined,
        finalMetrics: [{ MetricName: 'validation:rmse', Value: 2 + (i % 100) / 100 }],
        finished: true,
      });
    }
  }
}
