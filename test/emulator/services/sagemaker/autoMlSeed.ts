// Autopilot jobs from the seeds: the Studio experiment abalone-v0 (multiclass, Accuracy, its best
// trial 0.2917381823062897), the SDK run whose best candidate scored 0.292638897895813, a V2
// regression job still training, and a job that failed on its input.
import type { ScenarioName } from '../../engine/contract';
import { DEFAULT_REGION, type World } from '../world';
import { abaloneCsv } from './abaloneData';
import { createJob } from './autoMlModule';

export const DEFAULT_BUCKET = 'sagemaker-us-east-1-123456789012';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const HOUR = 3_600_000;

/** The Studio leaderboard of abalone-v0 (seed 003), then more trials below them. */
const ABALONE_V0_TOP = [
  0.2917381823062897, 0.29144808650016785, 0.2893601655960083, 0.28934869170188904, 0.2887481153011322,
  0.28815001249313354, 0.2869545519351959, 0.28665801882743835, 0.2866548001766205, 0.2866462171077728,
];

function trials(top: number[], total: number, floor: number): number[] {
  const rest = Array.from(
    { length: total - top.length },
    (_, i) => floor + (((i * 7919) % 1000) / 1000) * (top[top.length - 1] - floor),
  );
  // Interleave so the best is not simply the first candidate created.
  const values = [...rest];
  top.forEach((v, i) => values.splice(Math.min(values.length, 3 + i * 11), 0, v));
  return values;
}

export function seedAutoMlJobs(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  world.s3.put(DEFAULT_BUCKET, 'abalone-v1/input/abalone_with_headers.csv', abaloneCsv(true), 'text/csv');
  world.s3.put(DEFAULT_BUCKET, 'abalone-v0/input/abalone_with_headers.csv', abaloneCsv(true), 'text/csv');
  const now = world.clock.now();
  const common = { roleArn: ROLE, targetAttribute: 'rings', outputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/output` };

  createJob(world, DEFAULT_REGION, {
    ...common,
    name: 'abalone-v0',
    v2: false,
    mode: 'HYPERPARAMETER_TUNING',
    // Problem type "Auto" in Studio: Autopilot resolved MulticlassClassification and its default objective.
    problemType: 'MulticlassClassification',
    objective: { MetricName: 'Accuracy', Type: 'Maximize' },
    given: { problemType: false, objective: false },
    inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v0/input`,
    outputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v0/output`,
    maxCandidates: 250,
    values: trials(ABALONE_V0_TOP, 250, 0.21),
    creationTime: now - 30 * 24 * HOUR,
  });
  createJob(world, DEFAULT_REGION, {
    ...common,
    name: 'abalone-2021-07-05-17-07-15-994',
    v2: false,
    mode: 'HYPERPARAMETER_TUNING',
    // The SDK's AutoML(target_attribute_name='rings') names neither; both were resolved from the data.
    problemType: 'MulticlassClassification',
    objective: { MetricName: 'Accuracy', Type: 'Maximize' },
    given: { problemType: false, objective: false },
    inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/input`,
    maxCandidates: 250,
    values: trials([0.292638897895813, 0.2914, 0.2902], 250, 0.2),
    creationTime: now - 20 * 24 * HOUR,
  });
  createJob(world, DEFAULT_REGION, {
    ...common,
    name: 'abalone-regression-v2',
    v2: true,
    mode: 'ENSEMBLING',
    problemType: 'Regression',
    objective: { MetricName: 'MSE', Type: 'Minimize' },
    inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/input`,
    maxCandidates: 12,
    creationTime: now,
  });
  createJob(world, DEFAULT_REGION, {
    ...common,
    name: 'abalone-v2-wrong-target',
    v2: true,
    mode: 'ENSEMBLING',
    problemType: 'Regression',
    objective: { MetricName: 'MSE', Type: 'Minimize' },
    targetAttribute: 'Rings',
    inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/input`,
    maxCandidates: 12,
    failureReason: `ClientError: The target attribute 'Rings' was not found in the header of s3://${DEFAULT_BUCKET}/abalone-v1/input. Columns: sex, length, diameter, height, whole_weight, shucked_weight, viscera_weight, shell_weight, rings.`,
    creationTime: now - 2 * 24 * HOUR,
  });

  if (scenario === 'large') {
    createJob(world, DEFAULT_REGION, {
      ...common,
      name: 'abalone-large-sweep',
      v2: false,
      mode: 'HYPERPARAMETER_TUNING',
      problemType: 'Regression',
      objective: { MetricName: 'MSE', Type: 'Minimize' },
      inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/input`,
      maxCandidates: 2000,
      creationTime: now - 3 * 24 * HOUR,
    });
    for (let i = 0; i < 300; i++) {
      createJob(world, DEFAULT_REGION, {
        ...common,
        name: `experiment-${String(i).padStart(3, '0')}`,
        v2: i % 2 === 0,
        mode: i % 2 === 0 ? 'ENSEMBLING' : 'HYPERPARAMETER_TUNING',
        problemType: 'Regression',
        objective: { MetricName: 'MSE', Type: 'Minimize' },
        inputS3Uri: `s3://${DEFAULT_BUCKET}/abalone-v1/input`,
        maxCandidates: 10,
        creationTime: now - (i + 4) * 24 * HOUR,
      });
    }
  }
}
