// Numbers behind the Release Review plots: residuals, their histogram, the y = x reference line and
// how a metric moved since the last release (lower is better for errors, higher for R²).

export function residuals(actual: readonly number[], predicted: readonly number[]): number[] {
  return actual.map((y, i) => predicted[i] - y);
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export function histogram(values: readonly number[], binCount: number): Bin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / binCount;
  const bins: Bin[] = Array.from({ length: binCount }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) bins[Math.min(binCount - 1, Math.floor((v - min) / width))].count++;
  return bins;
}

export function identityLine(actual: readonly number[], predicted: readonly number[]): Array<{ x: number; y: number }> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [actual, predicted]) {
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [
    { x: lo, y: lo },
    { x: hi, y: hi },
  ];
}

const HIGHER_IS_BETTER = new Set(['r2', 'accuracy', 'auc', 'f1', 'precision', 'recall']);

export function metricDelta(
  name: string,
  now: number,
  before: number,
): { text: string; better: boolean; worse: boolean } {
  const diff = now - before;
  const higherBetter = HIGHER_IS_BETTER.has(name.toLowerCase());
  const better = higherBetter ? diff > 0 : diff < 0;
  const worse = higherBetter ? diff < 0 : diff > 0;
  const pct = before !== 0 ? ` (${diff > 0 ? '+' : ''}${((diff / Math.abs(before)) * 100).toFixed(1)}%)` : '';
  return { text: `${diff > 0 ? '▲' : diff < 0 ? '▼' : '='} ${Math.abs(diff).toPrecision(3)}${pct}`, better, worse };
}
