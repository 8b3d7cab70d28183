// The Autopilot leaderboard as numbers: candidates ranked by the objective (best first, the direction
// from the metric), every reported metric by its standard name, algorithm from the inference image,
// training time; and the leaderboard as CSV. Pure, so every rule is unit-tested.
import * as l10n from '@vscode/l10n';
import { csvLine } from './csv';

/** One candidate as the leaderboard shows it. */
export interface LeaderboardRow {
  rank: number;
  name: string;
  status: string;
  objective?: number;
  /** Every reported metric by its standard name. */
  metrics: Record<string, number>;
  /** Algorithm of the candidate's model (from its inference image), and the steps it ran. */
  algorithm: string;
  steps: string[];
  trainingSeconds?: number;
  created: string;
  best: boolean;
  containers: Array<{ image: string; modelDataUrl?: string }>;
}

/** The parts of an AutoMLCandidate (ListCandidatesForAutoMLJob) the leaderboard reads. */
export interface AutoMLCandidate {
  CandidateName?: string;
  CandidateStatus?: string;
  FinalAutoMLJobObjectiveMetric?: { MetricName?: string; Value?: number; Type?: string };
  CandidateProperties?: {
    CandidateMetrics?: Array<{ MetricName?: string; StandardMetricName?: string; Value?: number }>;
  };
  CandidateSteps?: Array<{ CandidateStepType?: string }>;
  InferenceContainers?: Array<{ Image?: string; ModelDataUrl?: string }>;
  CreationTime?: Date;
  EndTime?: Date;
}

const LOWER_IS_BETTER = /^(MSE|RMSE|MAE|LogLoss|InferenceLatency|MAPE|MASE|WAPE)$/i;

export function objectiveIsMaximized(metric: string, type?: string): boolean {
  if (type) return type === 'Maximize';
  return !LOWER_IS_BETTER.test(metric);
}

/** "sagemaker-xgboost:1.3-1-cpu-py3" → "xgboost"; the last container that is not a data transformer. */
export function algorithmOf(candidate: AutoMLCandidate): string {
  const images = (candidate.InferenceContainers ?? []).map((c) => c.Image ?? '');
  const names = images.map((i) =>
    (i.split('/').pop() ?? '')
      .split(':')[0]
      .replace(/^sagemaker-/, '')
      .replace(/-inference$/, ''),
  );
  const model = names.filter((n) => !/sklearn-automl|scikit-learn|data-processing/.test(n)).pop() ?? names.pop();
  return model || l10n.t('unknown');
}

function metricsOf(c: AutoMLCandidate): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of c.CandidateProperties?.CandidateMetrics ?? []) {
    const name: string = m.StandardMetricName ?? m.MetricName ?? '';
    if (name && typeof m.Value === 'number') out[name] = m.Value;
  }
  return out;
}

export function leaderboardRows(candidates: AutoMLCandidate[], maximize: boolean): LeaderboardRow[] {
  const scored = candidates.map((c) => ({ c, v: c.FinalAutoMLJobObjectiveMetric?.Value }));
  const ordered = [...scored].sort((a, b) => {
    if (a.v === undefined) return 1;
    if (b.v === undefined) return -1;
    return maximize ? b.v - a.v : a.v - b.v;
  });
  return ordered.map(({ c, v }, i) => ({
    rank: i + 1,
    name: c.CandidateName ?? '',
    status: c.CandidateStatus ?? 'Unknown',
    objective: v,
    metrics: metricsOf(c),
    algorithm: algorithmOf(c),
    steps: (c.CandidateSteps ?? []).map((s) => s.CandidateStepType?.replace(/^AWS::SageMaker::/, '') ?? ''),
    trainingSeconds:
      c.CreationTime && c.EndTime ? Math.round((c.EndTime.getTime() - c.CreationTime.getTime()) / 1000) : undefined,
    created: c.CreationTime?.toISOString() ?? '',
    best: i === 0 && v !== undefined,
    containers: (c.InferenceContainers ?? []).map((x) => ({ image: x.Image ?? '', modelDataUrl: x.ModelDataUrl })),
  }));
}

/** Metric columns: the objective first, then the rest in the order they first appear. */
export function metricColumns(rows: LeaderboardRow[], objective: string): string[] {
  const names: string[] = [objective];
  for (const r of rows) for (const n of Object.keys(r.metrics)) if (!names.includes(n)) names.push(n);
  return names;
}

export function leaderboardCsv(rows: LeaderboardRow[], metrics: string[]): string {
  const header = ['rank', 'candidate', 'status', ...metrics, 'algorithm', 'training_seconds', 'created'];
  const lines = rows.map((r) =>
    csvLine([
      String(r.rank),
      r.name,
      r.status,
      ...metrics.map((m) => (r.metrics[m] ?? (m === metrics[0] ? r.objective : undefined))?.toString() ?? ''),
      r.algorithm,
      r.trainingSeconds?.toString() ?? '',
      r.created,
    ]),
  );
  return `${[csvLine(header), ...lines].join('\n')}\n`;
}
