import * as assert from 'assert';
import { alignSeries } from '../../../src/model/metricSeries';

describe('alignSeries', () => {
  it('puts every metric on the same buckets and leaves a bucket without a datapoint empty, not zero', () => {
    const start = Date.UTC(2026, 10, 30, 9, 0, 0);
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const invocations = { timestamps: [at(0), at(10)], values: [12, 3] };
    const errors = { timestamps: [at(5)], values: [1] };
    const aligned = alignSeries(start, start + 15 * 60_000, 300, invocations, errors);
    assert.deepStrictEqual(aligned.times, [
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T09:05:00.000Z',
      '2026-11-30T09:10:00.000Z',
    ]);
    assert.deepStrictEqual(aligned.values, [
      [12, null, 3],
      [null, 1, null],
    ]);
  });

  it('files a datapoint inside a period under the period it falls in', () => {
    const start = Date.UTC(2026, 10, 30, 0, 0, 0);
    const aligned = alignSeries(start, start + 2 * 3_600_000, 3600, {
      timestamps: [new Date(start + 3_599_000)],
      values: [7],
    });
    assert.deepStrictEqual(aligned.values, [[7, null]]);
  });
});
