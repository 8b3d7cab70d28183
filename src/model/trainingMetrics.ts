// Metric curves of a training job, pulled out of its log the way SageMaker does it: each metric
// definition's regex applied to every line, its first capture group the value at the line's time.
import type { MetricDefinition } from './trainingJobPlan';

export interface MetricSeries {
  name: string;
  points: Array<{ t: number; v: number }>;
}

export function metricSeries(
  events: Array<{ timestamp?: number; message?: string }>,
  definitions: MetricDefinition[],
): MetricSeries[] {
  const out: MetricSeries[] = [];
  for (const definition of definitions) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(definition.regex);
    } catch {
      continue;
    }
    const points: MetricSeries['points'] = [];
    for (const e of events) {
      const match = pattern.exec(e.message ?? '');
      const value = match?.[1] !== undefined ? Number(match[1]) : NaN;
      if (Number.isFinite(value)) points.push({ t: e.timestamp ?? 0, v: value });
    }
    out.push({ name: definition.name, points });
  }
  return out;
}
