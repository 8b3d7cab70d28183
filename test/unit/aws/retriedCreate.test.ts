import * as assert from 'assert';
import { retriedIntoConflict, sendOnce } from '../../../src/aws/retriedCreate';

function awsError(name: string, message: string, attempts: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { attempts } });
}

describe('a create retried into a conflict', () => {
  it('counts only conflicts met after more than one attempt', () => {
    assert.strictEqual(retriedIntoConflict(awsError('ResourceInUse', 'Job abalone already exists', 2)), true);
    assert.strictEqual(
      retriedIntoConflict(awsError('ResourceInUse', 'Job abalone already exists', 1)),
      false,
      "the first attempt met someone else's job",
    );
    assert.strictEqual(
      retriedIntoConflict(awsError('ValidationException', 'Cannot create already existing endpoint "arn:…".', 3)),
      true,
    );
    assert.strictEqual(
      retriedIntoConflict(
        awsError(
          'ValidationException',
          'Status (Pending) not in ([Stopped, Failed]). Unable to transition to (Pending)',
          2,
        ),
      ),
      true,
    );
    assert.strictEqual(
      retriedIntoConflict(awsError('ValidationException', 'Instance type ml.foo is not valid', 2)),
      false,
      'other validation errors are not conflicts',
    );
    assert.strictEqual(retriedIntoConflict(awsError('ApprovalAlreadyCompletedException', 'already approved', 2)), true);
    assert.strictEqual(
      retriedIntoConflict(awsError('InvalidApprovalTokenException', 'token', 2)),
      false,
      'a superseded token is not this decision',
    );
  });

  it('accepts the conflict only when the resource is the one asked for', async () => {
    const conflict = () => Promise.reject(awsError('ResourceInUse', 'exists', 2));
    assert.strictEqual(await sendOnce(conflict, async () => true), undefined);
    await assert.rejects(
      sendOnce(conflict, async () => false),
      /exists/,
    );
    await assert.rejects(
      sendOnce(conflict, async () => {
        throw new Error('describe failed');
      }),
      /exists/,
      'an unanswerable check reports the original error',
    );
    assert.strictEqual(
      await sendOnce(
        async () => 'arn',
        async () => false,
      ),
      'arn',
    );
  });
});
