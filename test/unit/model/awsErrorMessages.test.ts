import * as assert from 'assert';
import { describeAwsError, iamAction } from '../../../src/model/awsErrorMessages';

const ctx = { service: 'sagemaker', operation: 'ListNotebookInstances', profileLabel: 'ml-sso' };

function err(name: string, message: string, status?: number) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe('describeAwsError', () => {
  it('tells an expired SSO session apart and gives the login command for the profile', () => {
    const e = describeAwsError(
      err(
        'CredentialsProviderError',
        'The SSO session associated with this profile has expired or is otherwise invalid.',
      ),
      ctx,
    );
    assert.strictEqual(e.kind, 'sso-expired');
    assert.strictEqual(e.command, 'aws sso login --profile ml-sso');
    assert.match(e.message, /aws sso login --profile ml-sso/);
    assert.ok(e.actions.includes('copy-sso-login'));
  });

  it('says no credentials were found and offers to choose a profile', () => {
    const e = describeAwsError(err('CredentialsProviderError', 'Could not load credentials from any providers'), ctx);
    assert.strictEqual(e.kind, 'no-credentials');
    assert.match(e.message, /No AWS credentials were found for profile "ml-sso"/);
    assert.ok(e.actions.includes('choose-profile'));
  });

  it('names the IAM action that was denied', () => {
    const e = describeAwsError(
      err('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/x is not authorized', 400),
      ctx,
    );
    assert.strictEqual(e.kind, 'access-denied');
    assert.match(e.message, /sagemaker:ListNotebookInstances/);
  });

  it('maps S3 operations to their IAM actions', () => {
    assert.strictEqual(iamAction({ service: 's3', operation: 'ListObjectsV2' }), 's3:ListBucket');
    assert.strictEqual(iamAction({ service: 's3', operation: 'HeadObject' }), 's3:GetObject');
    const e = describeAwsError(err('AccessDenied', 'Access Denied', 403), {
      ...ctx,
      service: 's3',
      operation: 'GetObject',
    });
    assert.match(e.message, /s3:GetObject/);
  });

  it('reports throttling after retries with a retry action', () => {
    for (const name of ['ThrottlingException', 'SlowDown', 'TooManyRequestsException']) {
      const e = describeAwsError(err(name, 'Rate exceeded', 400), ctx);
      assert.strictEqual(e.kind, 'throttled', name);
      assert.deepStrictEqual(e.actions, ['retry']);
    }
  });

  it('treats expired tokens as expired credentials, not as access denied', () => {
    const e = describeAwsError(
      err('ExpiredTokenException', 'The security token included in the request is expired', 400),
      ctx,
    );
    assert.strictEqual(e.kind, 'credentials-expired');
  });

  it('recognises not found in its AWS spellings', () => {
    assert.strictEqual(describeAwsError(err('ResourceNotFound', 'Job x not found'), ctx).kind, 'not-found');
    assert.strictEqual(
      describeAwsError(err('NoSuchKey', 'The specified key does not exist.', 404), ctx).kind,
      'not-found',
    );
    assert.strictEqual(
      describeAwsError(err('ValidationException', 'Could not find notebook instance foo'), ctx).kind,
      'not-found',
    );
  });

  it('quotes the AWS validation message', () => {
    const e = describeAwsError(
      err('ValidationException', "1 validation error detected: Value 'a_b' at 'notebookInstanceName'"),
      ctx,
    );
    assert.strictEqual(e.kind, 'validation');
    assert.match(e.message, /Value 'a_b' at 'notebookInstanceName'/);
  });

  it('names the endpoint when it cannot be reached', () => {
    const e = describeAwsError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4599'), { code: 'ECONNREFUSED' }),
      { ...ctx, endpointUrl: 'http://127.0.0.1:4599' },
    );
    assert.strictEqual(e.kind, 'unreachable');
    assert.match(e.message, /http:\/\/127\.0\.0\.1:4599/);
    assert.match(e.message, /endpointUrl/);
  });

  it('reports server errors without a stack trace', () => {
    const e = describeAwsError(err('InternalFailure', 'boom', 500), ctx);
    assert.strictEqual(e.kind, 'service');
    assert.doesNotMatch(e.message, /\bat .*\.js:\d+/);
  });
});
