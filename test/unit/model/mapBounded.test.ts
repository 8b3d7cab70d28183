import * as assert from 'assert';
import { mapBounded } from '../../../src/model/mapBounded';

describe('mapBounded', () => {
  it('keeps the items’ order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const done = mapBounded(
      Array.from({ length: 20 }, (_, i) => i),
      async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight--;
        return n * 10;
      },
      3,
    );
    // Release calls one at a time, newest first, until all twenty have run.
    for (let released = 0; released < 20; released++) {
      while (releases.length === 0) await Promise.resolve();
      releases.pop()!();
    }
    assert.deepStrictEqual(
      await done,
      Array.from({ length: 20 }, (_, i) => i * 10),
    );
    assert.strictEqual(most, 3);
  });

  it('rejects with the first failure', async () => {
    await assert.rejects(
      mapBounded([1, 2, 3], async (n) => {
        if (n === 2) throw new Error('DescribeEndpoint failed for 2');
        return n;
      }),
      /failed for 2/,
    );
  });

  it('answers an empty list without calling', async () => {
    assert.deepStrictEqual(
      await mapBounded([], async () => {
        throw new Error('called');
      }),
      [],
    );
  });
});
