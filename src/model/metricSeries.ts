// CloudWatch answers each metric with only the periods that had datapoints. A chart of several metrics needs
// them on the same time buckets, with an empty bucket shown as a gap (null), never as zero.

export interface TimeSeries {
  timestamps: Date[];
  values: number[];
}

/** Puts each series on the buckets of `periodSeconds` from `start` to `end` (a bucket without a datapoint is null). */
export function alignSeries(
  start: number,
  end: number,
  periodSeconds: number,
  ...series: TimeSeries[]
): { times: string[]; values: Array<Array<number | null>> } {
  const step = periodSeconds * 1000;
  const times: number[] = [];
  for (let t = start; t < end; t += step) times.push(t);
  const values = series.map((s) => {
    const byBucket = new Map(s.timestamps.map((t, i) => [Math.floor((t.getTime() - start) / step), s.values[i]]));
    return times.map((_, i) => byBucket.get(i) ?? null);
  });
  return { times: times.map((t) => new Date(t).toISOString()), values };
}
