// Messages between the Model Group panel and its webview. Types only: both bundles import them.

export interface VersionRow {
  version: number;
  arn: string;
  status: string;
  created?: string;
  /** MetadataProperties.GeneratedBy, or the user profile that created it. */
  createdBy?: string;
  description?: string;
  approvalDescription?: string;
  metrics: Array<{ name: string; value: number }>;
  metricsError?: string;
}

export interface ModelGroupModel {
  group: string;
  description?: string;
  region: string;
  versions: VersionRow[];
  /** Older versions exist beyond those read. */
  hasMore: boolean;
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: ModelGroupModel } | { type: 'busy'; busy: boolean };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'loadMore' }
  | { type: 'approve'; arn: string }
  | { type: 'reject'; arn: string }
  | { type: 'deploy'; arn: string };
