// Fewer points for a scatter plot that looks the same: of the points that land in the same cell of a grid as
// fine as the screen's pixels, only the first is drawn (the others would be painted within a pixel of it, under
// the same opaque dot). The points holding the smallest and largest x and y are always kept, so the axes span
// the same range and every extreme stays visible. Chart.js then builds, lays out and paints a few thousand
// points instead of 100,000.

export interface ScatterPoint {
  x: number;
  y: number;
}

/**
 * The points of (xs[i], ys[i]) to draw on a plot at most `columns` × `rows` device pixels large, in their
 * original order. Pairs with a non-finite coordinate are left out (Chart.js cannot place them either).
 */
export function thinScatter(
  xs: readonly number[],
  ys: readonly number[],
  columns: number,
  rows: number,
): ScatterPoint[] {
  const n = Math.min(xs.length, ys.length);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const extremes = [-1, -1, -1, -1];
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) {
      minX = x;
      extremes[0] = i;
    }
    if (x > maxX) {
      maxX = x;
      extremes[1] = i;
    }
    if (y < minY) {
      minY = y;
      extremes[2] = i;
    }
    if (y > maxY) {
      maxY = y;
      extremes[3] = i;
    }
  }
  if (extremes[0] < 0) return [];
  const cols = Math.max(1, Math.ceil(columns));
  const scaleX = maxX > minX ? (cols - 1) / (maxX - minX) : 0;
  const scaleY = maxY > minY ? (Math.max(1, Math.ceil(rows)) - 1) / (maxY - minY) : 0;
  // A byte per cell while that stays small (a plot's pixels), a set of the taken cells beyond.
  const cells = cols * Math.max(1, Math.ceil(rows));
  const grid = cells <= 1 << 24 ? new Uint8Array(cells) : undefined;
  const taken = grid ? undefined : new Set<number>();
  const kept: ScatterPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const cell = Math.round((y - minY) * scaleY) * cols + Math.round((x - minX) * scaleX);
    if (grid ? grid[cell] === 1 : taken!.has(cell)) {
      if (!extremes.includes(i)) continue;
    } else if (grid) grid[cell] = 1;
    else taken!.add(cell);
    kept.push({ x, y });
  }
  return kept;
}
