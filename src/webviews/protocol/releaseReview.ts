// Messages between the Release Review panel and its webview. Types only: both bundles import them.

export interface MetricValue {
  name: string;
  value: number;
  /** Computed from GroundTruth/Predictions rather than read from the report. */
  computed: boolean;
}

export interface ReportView {
  /** s3://bucket/key */
  location: string;
  form: 'regression_metrics' | 'ground_truth';
  metrics: MetricValue[];
  actual?: number[];
  predicted?: number[];
}

export interface ReleaseReviewModel {
  pipelineName: string;
  region: string;
  /** The approval this panel decides; absent once it is decided or gone. */
  approval?: {
    stageName: string;
    actionName: string;
    executionId?: string;
    waitingSince?: string;
    customData?: string;
    reviewUrl?: string;
  };
  execution?: { id: string; status?: string; startTime?: string; trigger?: string };
  stages: Array<{
    name: string;
    status?: string;
    ranForOlderExecution: boolean;
    actions: Array<{ name: string; status?: string; summary?: string; changedAt?: string }>;
  }>;
  commits: Array<{
    actionName: string;
    repository: string;
    branch?: string;
    commitId: string;
    message: string;
    author?: string;
    date?: string;
    consoleUrl: string;
  }>;
  report?: ReportView;
  reportError?: string;
  /** The newest succeeded release before this one, for comparison. */
  previous?: { executionId: string; report?: ReportView; reportError?: string };
  /** What happened last (a decision, a stale token), shown above the buttons. */
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: ReleaseReviewModel } | { type: 'busy'; busy: boolean; what?: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'openExternal'; url: string }
  | { type: 'openCommitChanges'; repository: string; commitId: string };
