import * as assert from 'assert';
import { defaultPlan, startDetail, uploadLocation } from '../../../src/model/autopilotStart';

describe('Autopilot start', () => {
  it("begins a plan with a dated name, output in the data's bucket and the last role", () => {
    const plan = defaultPlan(
      's3://sagemaker-us-east-1-123456789012/abalone-v1/input/',
      'arn:aws:iam::123456789012:role/r',
      new Date('2026-11-25T17:07:15Z'),
    );
    assert.strictEqual(plan.jobName, 'autopilot-2611251707');
    assert.strictEqual(plan.outputS3Uri, 's3://sagemaker-us-east-1-123456789012/autopilot/autopilot-2611251707/output');
    assert.deepStrictEqual(
      [plan.roleArn, plan.problemType, plan.mode, plan.autoDeploy, plan.target],
      ['arn:aws:iam::123456789012:role/r', 'auto', 'AUTO', false, ''],
    );
    assert.deepStrictEqual([defaultPlan('', undefined).outputS3Uri, defaultPlan('', undefined).roleArn], ['', '']);
  });

  it('says what will run and be billed before starting', () => {
    const plan = {
      ...defaultPlan('s3://b/abalone/', 'arn:aws:iam::1:role/r'),
      target: 'rings',
      problemType: 'Regression' as const,
      objective: 'MSE',
      maxCandidates: 8,
    };
    const lines = startDetail(plan, { columns: ['sex', 'rings'], object: 's3://b/abalone/abalone.csv' }).split('\n');
    assert.strictEqual(
      lines[0],
      'Data: s3://b/abalone/ (header of s3://b/abalone/abalone.csv: 2 columns), target rings.',
    );
    assert.strictEqual(lines[1], 'Problem: Regression; objective MSE; mode AUTO.');
    assert.strictEqual(lines[2], 'Limits: 8 candidates, no runtime limit.');
    assert.strictEqual(lines[4], 'Nothing is deployed automatically.');
    const auto = startDetail(
      {
        ...plan,
        problemType: 'auto',
        objective: undefined,
        autoDeploy: true,
        maxRuntimeSeconds: 3600,
        maxCandidates: undefined,
      },
      { columns: [], object: 'x' },
    ).split('\n');
    assert.deepStrictEqual(
      [auto[1], auto[2]],
      [
        "Problem: detected by SageMaker; objective SageMaker's default; mode AUTO.",
        'Limits: default candidates, 3600 s.',
      ],
    );
    assert.match(auto[4], /deployed to an endpoint when the job ends \(billed until deleted\)/);
  });

  it('puts an uploaded file under the prefix, with or without a trailing slash', () => {
    assert.deepStrictEqual(uploadLocation('s3://b/abalone/input/', 'abalone.csv'), {
      bucket: 'b',
      key: 'abalone/input/abalone.csv',
    });
    assert.deepStrictEqual(uploadLocation(' s3://b/abalone/input ', 'abalone.csv'), {
      bucket: 'b',
      key: 'abalone/input/abalone.csv',
    });
    assert.strictEqual(uploadLocation('abalone/input', 'abalone.csv'), undefined);
  });
});
