// Two or more training jobs side by side: settings, hyperparameters and final metrics as rows with one
// value per job, each row marked when the jobs differ, and the metrics every job reported (for a chart).
import * as l10n from '@vscode/l10n';

/** The parts of DescribeTrainingJob's answer compared (the SDK's type fits it). */
export interface DescribeTrainingJobResponse {
  TrainingJobName?: string;
  TrainingJobStatus?: string;
  AlgorithmSpecification?: { TrainingImage?: string };
  ResourceConfig?: { InstanceCount?: number; InstanceType?: string; VolumeSizeInGB?: number };
  EnableManagedSpotTraining?: boolean;
  TrainingTimeInSeconds?: number;
  BillableTimeInSeconds?: number;
  HyperParameters?: Record<string, string>;
  FinalMetricDataList?: Array<{ MetricName?: string; Value?: number }>;
}

export interface ComparisonRow {
  /** The section's heading as shown (localised): Settings, Hyperparameters or Final metrics. */
  section: string;
  name: string;
  values: Array<string | undefined>;
  differs: boolean;
}

export interface TrainingComparison {
  jobs: Array<{ name: string; status: string }>;
  rows: ComparisonRow[];
  /** Metrics every job has, with each job's value in job order. */
  shared: Array<{ name: string; values: number[] }>;
}

function row(section: string, name: string, values: Array<string | undefined>): ComparisonRow {
  return { section, name, values, differs: new Set(values.map((v) => v ?? '')).size > 1 };
}

export function compareTrainingJobs(jobs: DescribeTrainingJobResponse[]): TrainingComparison {
  const settings: Array<[string, (j: DescribeTrainingJobResponse) => string | undefined]> = [
    [l10n.t('Image'), (j) => j.AlgorithmSpecification?.TrainingImage],
    [
      l10n.t('Instance'),
      (j) =>
        j.ResourceConfig
          ? `${j.ResourceConfig.InstanceCount ?? 1} × ${j.ResourceConfig.InstanceType ?? '?'}`
          : undefined,
    ],
    [l10n.t('Volume (GB)'), (j) => j.ResourceConfig?.VolumeSizeInGB?.toString()],
    [l10n.t('Spot'), (j) => (j.EnableManagedSpotTraining ? l10n.t('yes') : l10n.t('no'))],
    [l10n.t('Training time (s)'), (j) => j.TrainingTimeInSeconds?.toString()],
    [l10n.t('Billable time (s)'), (j) => j.BillableTimeInSeconds?.toString()],
  ];
  const hyperKeys = [...new Set(jobs.flatMap((j) => Object.keys(j.HyperParameters ?? {})))].sort();
  const metricNames = [...new Set(jobs.flatMap((j) => (j.FinalMetricDataList ?? []).map((m) => m.MetricName ?? '')))]
    .filter(Boolean)
    .sort();
  const [settingsSection, hyperSection, metricsSection] = [
    l10n.t('Settings'),
    l10n.t('Hyperparameters'),
    l10n.t('Final metrics'),
  ];
  const metricOf = (j: DescribeTrainingJobResponse, name: string) =>
    j.FinalMetricDataList?.find((m) => m.MetricName === name)?.Value;
  return {
    jobs: jobs.map((j) => ({ name: j.TrainingJobName ?? '', status: j.TrainingJobStatus ?? '' })),
    rows: [
      ...settings.map(([name, get]) => row(settingsSection, name, jobs.map(get))),
      ...hyperKeys.map((k) =>
        row(
          hyperSection,
          k,
          jobs.map((j) => j.HyperParameters?.[k]),
        ),
      ),
      ...metricNames.map((n) =>
        row(
          metricsSection,
          n,
          jobs.map((j) => metricOf(j, n)?.toString()),
        ),
      ),
    ],
    shared: metricNames
      .filter((n) => jobs.every((j) => metricOf(j, n) !== undefined))
      .map((n) => ({ name: n, values: jobs.map((j) => metricOf(j, n)!) })),
  };
}
