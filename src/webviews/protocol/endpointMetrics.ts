// Messages between the Endpoint Metrics panel and its webview. Types only: both bundles import them.

export type MetricsRange = '3h' | '24h' | '7d';

export interface EndpointMetricsModel {
  endpointName: string;
  variants: string[];
  variant: string;
  range: MetricsRange;
  periodSeconds: number;
  /** ISO times of the buckets, oldest first, and each metric's value in them (null: no datapoint). */
  times: string[];
  invocations: Array<number | null>;
  errors: Array<number | null>;
  latencyMs: Array<number | null>;
  totals: { invocations: number; errors: number; averageLatencyMs?: number };
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
  loadedAt: string;
}

export type ToWebview = { type: 'model'; model: EndpointMetricsModel } | { type: 'busy'; busy: boolean };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'range'; range: MetricsRange }
  | { type: 'variant'; variant: string };
