// Messages between the Autopilot leaderboard panel and its webview. Types only: both bundles import them.

// A row is the model's (the ranking builds it); the page receives it as is.
import type { LeaderboardRow } from '../../model/leaderboard';

export type { LeaderboardRow };

export interface LeaderboardModel {
  jobName: string;
  status: string;
  secondaryStatus?: string;
  problemType?: string;
  objectiveName: string;
  /** Whether a higher objective is better. */
  maximize: boolean;
  metricNames: string[];
  rows: LeaderboardRow[];
  elapsedSeconds?: number;
  failureReason?: string;
  notebooks: { dataExploration?: string; candidateDefinition?: string };
  /** The best candidate's explainability report (SageMaker Clarify), when the job wrote one. */
  explainability?: { location: string; features?: Array<{ feature: string; value: number }>; problem?: string };
  /** The best candidate's model insights (model quality) report, when the job wrote one. */
  modelQuality?: { location: string; metrics?: Array<{ name: string; value: number }>; problem?: string };
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

/** `sort`: the extension sorts the table as a header click would (the benchmark times it). */
export type ToWebview =
  | { type: 'model'; model: LeaderboardModel }
  | { type: 'busy'; busy: boolean }
  | { type: 'sort'; key: string; descending: boolean };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'deploy'; candidate: string }
  | { type: 'register'; candidate: string }
  | { type: 'exportCsv' }
  /** The page drew the table and charts (or re-sorted), and how long it took. */
  | { type: 'rendered'; what: 'model' | 'sort'; ms: number; rows: number; heapBytes?: number }
  | { type: 'openNotebook'; which: 'dataExploration' | 'candidateDefinition' }
  | { type: 'openExplainability' }
  | { type: 'openModelQuality' };
