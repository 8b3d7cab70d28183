// Messages between the training job comparison panel and its webview. Types only: both bundles import them.
import type { TrainingComparison } from '../../model/trainingJobComparison';

export interface ComparisonModel extends TrainingComparison {
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: ComparisonModel };
export type FromWebview = { type: 'ready' } | { type: 'refresh' } | { type: 'openJob'; jobName: string };
