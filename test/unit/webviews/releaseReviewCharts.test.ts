import * as assert from 'assert';
import { histogram, identityLine, metricDelta, residuals } from '../../../src/webviews/app/releaseReviewCharts';

describe('release review chart data', () => {
  it('bins residuals so every row lands in exactly one bin, the maximum in the last', () => {
    const r = residuals([10, 8, 12, 9], [11, 8, 10, 9.5]);
    assert.deepStrictEqual(r, [1, 0, -2, 0.5]);
    const bins = histogram(r, 3);
    assert.deepStrictEqual(
      bins.map((b) => b.count),
      [1, 0, 3],
    );
    assert.strictEqual(
      bins.reduce((n, b) => n + b.count, 0),
      4,
    );
    assert.deepStrictEqual(histogram([2, 2], 5), [{ from: 2, to: 2, count: 2 }]);
  });

  it('draws the y = x line across the range of both series', () => {
    assert.deepStrictEqual(identityLine([3, 9], [1, 12]), [
      { x: 1, y: 1 },
      { x: 12, y: 12 },
    ]);
  });

  it('calls a lower error better and a higher R² better', () => {
    const rmse = metricDelta('rmse', 1.48, 1.99);
    assert.ok(rmse.better && !rmse.worse);
    assert.match(rmse.text, /^▼ 0\.510 \(-25\.6%\)$/);
    const r2 = metricDelta('r2', 0.5, 0.6);
    assert.ok(r2.worse && !r2.better);
  });
});
