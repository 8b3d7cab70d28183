// Messages between the AutoGluon results panel and its webview. Types only: both bundles import them.
import type { AutoGluonModelRow } from '../../model/autoGluonResults';

export interface AutoGluonModel {
  jobName: string;
  artefact: string;
  /** Compressed bytes downloaded to find the two files, and the archive's size. */
  bytesRead?: number;
  objectBytes?: number;
  rows: AutoGluonModelRow[];
  evaluation: Array<{ name: string; value: number }>;
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: AutoGluonModel };
export type FromWebview = { type: 'ready' } | { type: 'refresh' } | { type: 'openSummary' };
