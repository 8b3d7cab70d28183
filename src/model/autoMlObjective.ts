// Autopilot's objective metrics: which direction is better, so candidates are listed best first, and how a
// metric value reads in the tree.

export type SortOrder = 'Ascending' | 'Descending';

/** Errors and losses: lower is better. Everything else Autopilot optimises (accuracy, F1, AUC, R2 ...) is higher. */
const MINIMIZED = new Set([
  'mse',
  'rmse',
  'mae',
  'mape',
  'mase',
  'wape',
  'averageweightedquantileloss',
  'logloss',
  'inferencelatency',
]);
const MAXIMIZED = new Set([
  'accuracy',
  'balancedaccuracy',
  'f1',
  'f1macro',
  'auc',
  'r2',
  'precision',
  'precisionmacro',
  'recall',
  'recallmacro',
]);

export type ObjectiveType = 'Maximize' | 'Minimize';

/**
 * The direction of an objective metric. Known names decide; otherwise the type the candidate reports
 * (FinalAutoMLJobObjectiveMetric.Type); otherwise "higher is better", AWS's default for Autopilot's classifiers.
 */
export function objectiveType(metricName: string | undefined, reportedType?: string): ObjectiveType {
  // Candidate records may name the channel too (`validation:rmse`); the metric is the last part.
  const key = (metricName ?? '')
    .split(':')
    .pop()!
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  if (MINIMIZED.has(key)) return 'Minimize';
  if (MAXIMIZED.has(key)) return 'Maximize';
  if (reportedType === 'Minimize' || reportedType === 'Maximize') return reportedType;
  return 'Maximize';
}

/** SortOrder for ListCandidatesForAutoMLJob with SortBy FinalObjectiveMetricScore: best first. */
export function candidateSortOrder(metricName: string | undefined, reportedType?: string): SortOrder {
  return objectiveType(metricName, reportedType) === 'Minimize' ? 'Ascending' : 'Descending';
}

export interface ScoredCandidate {
  name: string;
  value?: number;
}

/** Best first by the objective; candidates without a score last, ties by name so the order is stable. */
export function sortCandidates<T extends ScoredCandidate>(candidates: readonly T[], type: ObjectiveType): T[] {
  const sign = type === 'Minimize' ? 1 : -1;
  return [...candidates].sort((a, b) => {
    const av = a.value,
      bv = b.value;
    const aMissing = av === undefined || Number.isNaN(av);
    const bMissing = bv === undefined || Number.isNaN(bv);
    if (aMissing || bMissing) return aMissing === bMissing ? a.name.localeCompare(b.name) : aMissing ? 1 : -1;
    return (av - bv) * sign || a.name.localeCompare(b.name);
  });
}

/** Four significant digits, no exponent for ordinary values: "0.9132", "2.202", "1234". */
export function formatMetricValue(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
