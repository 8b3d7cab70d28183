// What a training job's container prints, line by line with the AWS second it prints it at: the
// AutoGluon fit of seed 003 (a validation score per model) or an XGBoost-style round log. SageMaker
// applies the job's metric definitions to these lines; the emulator does the same, so metrics appear
// while the job trains and its final metrics are the last values printed.
import { autoGluonLeaderboard } from './modelArchives';

export interface ScriptLine {
  /** AWS seconds after the training phase began. */
  at: number;
  message: string;
}

export interface MetricDefinition {
  Name: string;
  Regex: string;
}

interface JobForLogs {
  autoGluon?: boolean;
  hyperParameters: Record<string, string>;
  finalMetrics: Array<{ MetricName: string; Value: number }>;
}

/** The lines of a run that trains for `trainingSeconds` and then ends in `outcome`. */
export function trainingScript(
  job: JobForLogs,
  trainingSeconds: number,
  outcome: 'Completed' | 'Failed',
  failureReason?: string,
): ScriptLine[] {
  const preamble = ['Loading Parameters', `Hyperparameters: ${JSON.stringify(job.hyperParameters)}`, 'Training Models'];
  const lines: ScriptLine[] = preamble.map((message, i) => ({ at: i, message }));
  if (outcome === 'Failed') {
    lines.push({ at: trainingSeconds, message: failureReason ?? 'Training failed' });
    return lines;
  }
  const body = job.autoGluon ? autoGluonFit() : boostingRounds(job.finalMetrics);
  const step = trainingSeconds / (body.length + 1);
  body.forEach((message, i) => lines.push({ at: Math.round(step * (i + 1)), message }));
  if (job.autoGluon)
    lines.push(
      { at: trainingSeconds, message: 'Testing Models' },
      { at: trainingSeconds, message: 'AutoGluon Job Complete' },
    );
  lines.push({ at: trainingSeconds, message: 'Training complete. Saving model artifacts to /opt/ml/model' });
  return lines;
}

function autoGluonFit(): string[] {
  return autoGluonLeaderboard()
    .slice()
    .reverse()
    .flatMap((m) => [
      `Fitting model: ${m.model} ...`,
      `\t${m.scoreVal}\t = Validation score   (accuracy)`,
      `\t${m.fitTime}s\t = Training   runtime`,
    ]);
}

/** Ten rounds converging on the job's final train/validation RMSE (or plausible abalone values). */
function boostingRounds(finals: JobForLogs['finalMetrics']): string[] {
  const final = (name: string, fallback: number) => finals.find((m) => m.MetricName === name)?.Value ?? fallback;
  const train = final('train:rmse', 2.0132);
  const validation = final('validation:rmse', 2.1879);
  const rounds = 10;
  return Array.from({ length: rounds }, (_, i) => {
    const decay = 1 + 2.5 * Math.pow((rounds - 1 - i) / rounds, 2);
    return `[${i}]#011train-rmse:${(train * decay).toFixed(5)}#011validation-rmse:${(validation * decay * (1 + 0.01 * ((i * 7) % 3))).toFixed(5)}`;
  });
}

/** Metric definitions that match what the emulator prints, used for seeded jobs. */
export function defaultMetricDefinitions(autoGluon: boolean): MetricDefinition[] {
  return autoGluon
    ? [{ Name: 'validation:accuracy', Regex: '([0-9.]+)\\s+= Validation score' }]
    : [
        { Name: 'train:rmse', Regex: '#011train-rmse:([0-9.]+)' },
        { Name: 'validation:rmse', Regex: '#011validation-rmse:([0-9.]+)' },
      ];
}

/** Each definition's values in print order, as SageMaker extracts them from the log. */
export function metricValues(lines: string[], definitions: MetricDefinition[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const definition of definitions) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(definition.Regex);
    } catch {
      continue;
    }
    out[definition.Name] = lines
      .map((l) => pattern.exec(l)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .filter(Number.isFinite);
  }
  return out;
}
