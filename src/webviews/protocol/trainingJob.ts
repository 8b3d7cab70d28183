// Messages between the training job panel and its webview. Types only: both bundles import them.
import type { MetricSeries } from '../../model/trainingMetrics';

export interface TrainingJobModel {
  jobName: string;
  status: string;
  secondaryStatus?: string;
  failureReason?: string;
  image?: string;
  compute?: string;
  spot: boolean;
  createdAt?: string;
  endedAt?: string;
  trainingSeconds?: number;
  billableSeconds?: number;
  transitions: Array<{ status: string; start: string; end?: string; message?: string }>;
  hyperParameters: Array<[string, string]>;
  finalMetrics: Array<{ name: string; value: number }>;
  series: MetricSeries[];
  /** The newest log lines (the whole log opens in an editor). */
  logTail: string[];
  logLines: number;
  artefact?: string;
  autoGluon: boolean;
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: TrainingJobModel };
export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'openLog' }
  | { type: 'openAutoGluon' }
  | { type: 'stop' }
  | { type: 'clone' };
