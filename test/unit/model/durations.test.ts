import * as assert from 'assert';
import { formatDuration, gitDate, jobDuration } from '../../../src/model/durations';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    assert.strictEqual(formatDuration((45 * 60 + 12) * 1000), '45m 12s');
    assert.strictEqual(formatDuration((2 * 3600 + 3 * 60 + 59) * 1000), '2h 3m');
    assert.strictEqual(formatDuration((3 * 86400 + 4 * 3600 + 5) * 1000), '3d 4h');
    assert.strictEqual(formatDuration(12_400), '12s');
  });

  it('drops a zero second unit and never goes negative', () => {
    assert.strictEqual(formatDuration(2 * 3600 * 1000 + 30_000), '2h');
    assert.strictEqual(formatDuration(60_000), '1m');
    assert.strictEqual(formatDuration(0), '0s');
    assert.strictEqual(formatDuration(-5000), '0s');
  });
});

describe('jobDuration', () => {
  const start = new Date('2024-05-01T10:00:00Z');

  it('runs from creation to the end of training', () => {
    assert.strictEqual(jobDuration(start, new Date('2024-05-01T10:45:12Z')), '45m 12s');
  });

  it('runs until now while the job is still training', () => {
    assert.strictEqual(jobDuration(start, undefined, new Date('2024-05-01T12:03:00Z')), '2h 3m');
  });

  it('is unknown without a start time', () => {
    assert.strictEqual(jobDuration(undefined, undefined), undefined);
  });
});

describe('gitDate', () => {
  it('reads CodeCommit\'s "seconds zone" dates and rejects anything else', () => {
    assert.strictEqual(gitDate('1700000000 +0000')?.toISOString(), '2023-11-14T22:13:20.000Z');
    assert.strictEqual(gitDate('not a date'), undefined);
    assert.strictEqual(gitDate(undefined), undefined);
  });
});
