// The evaluation.json an approver judges, in either form the seeds write: `regression_metrics` with
// named values (SageMaker's model quality format), or `GroundTruth`/`Predictions` arrays from which
// RMSE, MSE, MAE and R² are computed here. Pure, so the numbers are unit-tested.
import * as l10n from '@vscode/l10n';

export interface EvaluationMetric {
  name: 'rmse' | 'mse' | 'mae' | 'r2' | string;
  value: number;
  /** Standard deviation when the report gives one. */
  stdDev?: number;
  /** True when computed from GroundTruth/Predictions rather than read from the report. */
  computed: boolean;
}

export interface EvaluationReport {
  form: 'regression_metrics' | 'ground_truth';
  metrics: EvaluationMetric[];
  /** Actual and predicted values when the report carries them (for the scatter and residuals). */
  actual?: number[];
  predicted?: number[];
}

export class EvaluationReportError extends Error {}

export function parseEvaluationReport(text: string): EvaluationReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EvaluationReportError(l10n.t('evaluation.json is not valid JSON'));
  }
  if (!json || typeof json !== 'object')
    throw new EvaluationReportError(l10n.t('evaluation.json is not a JSON object'));
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.GroundTruth) && Array.isArray(o.Predictions)) {
    const actual = o.GroundTruth.map(Number);
    const predicted = o.Predictions.map(Number);
    if (actual.length !== predicted.length)
      throw new EvaluationReportError(
        l10n.t('GroundTruth has {0} values but Predictions has {1}', actual.length, predicted.length),
      );
    if (actual.length === 0) throw new EvaluationReportError(l10n.t('GroundTruth and Predictions are empty'));
    if ([...actual, ...predicted].some((v) => !Number.isFinite(v)))
      throw new EvaluationReportError(l10n.t('GroundTruth and Predictions must hold numbers only'));
    return { form: 'ground_truth', metrics: regressionMetrics(actual, predicted), actual, predicted };
  }
  const section = (o.regression_metrics ?? o.binary_classification_metrics ?? o.multiclass_classification_metrics) as
    Record<string, unknown> | undefined;
  if (section && typeof section === 'object') {
    const metrics: EvaluationMetric[] = [];
    for (const [name, entry] of Object.entries(section)) {
      const e = entry as { value?: unknown; standard_deviation?: unknown } | number;
      const value = typeof e === 'number' ? e : Number(e?.value);
      if (!Number.isFinite(value)) continue;
      const stdDev =
        typeof e === 'object' && e?.standard_deviation !== undefined && e.standard_deviation !== 'NaN'
          ? Number(e.standard_deviation)
          : undefined;
      metrics.push({ name, value, stdDev: Number.isFinite(stdDev) ? stdDev : undefined, computed: false });
    }
    if (metrics.length === 0)
      throw new EvaluationReportError(l10n.t('evaluation.json has a metrics section without numeric values'));
    return { form: 'regression_metrics', metrics };
  }
  throw new EvaluationReportError(l10n.t('evaluation.json has neither regression_metrics nor GroundTruth/Predictions'));
}

export function regressionMetrics(actual: readonly number[], predicted: readonly number[]): EvaluationMetric[] {
  const n = actual.length;
  let squared = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    const d = actual[i] - predicted[i];
    squared += d * d;
    absolute += Math.abs(d);
  }
  const mean = actual.reduce((a, b) => a + b, 0) / n;
  const total = actual.reduce((sum, y) => sum + (y - mean) ** 2, 0);
  const mse = squared / n;
  const metrics: EvaluationMetric[] = [
    { name: 'rmse', value: Math.sqrt(mse), computed: true },
    { name: 'mse', value: mse, computed: true },
    { name: 'mae', value: absolute / n, computed: true },
  ];
  // R² is undefined when every actual value is the same.
  if (total > 0) metrics.push({ name: 'r2', value: 1 - squared / total, computed: true });
  return metrics;
}

/** "rmse 1.484 · mse 2.202": the headline a confirmation or a tree node can show. */
export function metricsHeadline(report: Pick<EvaluationReport, 'metrics'>, digits = 4): string {
  return report.metrics.map((m) => `${m.name} ${Number(m.value.toPrecision(digits))}`).join(' · ');
}
