import * as assert from 'assert';
import { trustsSageMaker } from '../../../src/aws/iam/rolesApi';

describe('roles SageMaker may assume', () => {
  it('reads the URL-encoded trust policy IAM returns', () => {
    const policy = (service: string | string[]) =>
      encodeURIComponent(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
        }),
      );
    assert.strictEqual(trustsSageMaker(policy('sagemaker.amazonaws.com')), true);
    assert.strictEqual(trustsSageMaker(policy(['lambda.amazonaws.com', 'sagemaker.amazonaws.com'])), true);
    assert.strictEqual(trustsSageMaker(policy('codebuild.amazonaws.com')), false);
    assert.strictEqual(trustsSageMaker('%7Bnot json'), false);
    assert.strictEqual(trustsSageMaker(undefined), false);
  });
});
