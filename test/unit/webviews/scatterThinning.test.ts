import * as assert from 'assert';
import { thinScatter } from '../../../src/webviews/app/scatterThinning';

describe('scatter plot thinning', () => {
  it('keeps one point per device pixel, so 100,000 rows on 1,189 positions draw 1,189 dots', () => {
    const actual = Array.from({ length: 100_000 }, (_, i) => 1 + ((i * 7919) % 29));
    const predicted = actual.map((a, i) => a + ((i * 104729) % 41) / 10 - 2);
    const thinned = thinScatter(actual, predicted, 1200, 1200);
    assert.strictEqual(thinned.length, 29 * 41);
    const distinct = new Set(actual.map((a, i) => `${a},${predicted[i]}`));
    assert.strictEqual(distinct.size, 29 * 41);
    for (const p of thinned) assert.ok(distinct.has(`${p.x},${p.y}`), `(${p.x}, ${p.y}) is one of the rows`);
  });

  it('every dropped point lies within one pixel of a drawn one', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const xs = Array.from({ length: 20_000 }, () => rnd() * 10);
    const ys = xs.map((x) => x + rnd() - 0.5);
    const pixels = 200;
    const thinned = thinScatter(xs, ys, pixels, pixels);
    assert.ok(thinned.length < xs.length / 2, `${thinned.length} of ${xs.length} drawn`);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    const pxX = (Math.max(...xs) - minX) / (pixels - 1);
    const pxY = (Math.max(...ys) - minY) / (pixels - 1);
    const drawn = new Map(
      thinned.map((p) => [`${Math.round((p.x - minX) / pxX)},${Math.round((p.y - minY) / pxY)}`, p]),
    );
    for (let i = 0; i < xs.length; i++) {
      const p = drawn.get(`${Math.round((xs[i] - minX) / pxX)},${Math.round((ys[i] - minY) / pxY)}`);
      assert.ok(p, `point ${i} has a drawn point in its pixel`);
      assert.ok(Math.abs(p.x - xs[i]) <= pxX && Math.abs(p.y - ys[i]) <= pxY, `point ${i} is within a pixel`);
    }
  });

  it('keeps the points with the smallest and largest x and y, so the axes do not change', () => {
    // Each extreme shares its pixel with a point that comes before it.
    const xs = [0.0001, 0, 9.9999, 10, 5, 5, 5, 5];
    const ys = [5, 5, 5, 5, 0.0001, 0, 9.9999, 10];
    const thinned = thinScatter(xs, ys, 10, 10);
    assert.strictEqual(thinned.length, 8);
    const x = thinned.map((p) => p.x);
    const y = thinned.map((p) => p.y);
    assert.strictEqual(Math.min(...x), 0);
    assert.strictEqual(Math.max(...x), 10);
    assert.strictEqual(Math.min(...y), 0);
    assert.strictEqual(Math.max(...y), 10);
  });

  it('leaves out pairs it cannot place and copes with a single value', () => {
    assert.deepStrictEqual(thinScatter([1, NaN, 2], [1, 3, Infinity], 100, 100), [{ x: 1, y: 1 }]);
    assert.deepStrictEqual(thinScatter([3, 3, 3], [4, 4, 4], 100, 100), [{ x: 3, y: 4 }]);
    assert.deepStrictEqual(thinScatter([], [], 100, 100), []);
    assert.deepStrictEqual(thinScatter([1, 2], [1], 100, 100), [{ x: 1, y: 1 }]);
  });
});
