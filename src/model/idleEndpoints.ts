// Idle endpoints: an endpoint whose production variants served zero Invocations over the last N hours (CloudWatch,
// AWS/SageMaker) while it kept its instances running. Pure planning of the one batched GetMetricData and the reading
// of its sums; the call itself lives in src/aws/cloudwatch.
import { type Bill, type BillRow, type RunningResource } from './costBill';

/** What AWS allows in one GetMetricData call. */
export const MAX_METRIC_QUERIES = 500;
export const DEFAULT_IDLE_ENDPOINT_HOURS = 24;

/** One Invocations sum to ask for: an endpoint's production variant over the window. */
export interface InvocationQuery {
  /** GetMetricData's query id: a lowercase letter first, letters, digits and underscores. */
  id: string;
  endpoint: string;
  variant: string;
}

/** The hours setting as a whole number of hours from 1 to 30 days; anything else is the default. */
export function idleHours(setting: unknown): number {
  const hours = typeof setting === 'number' ? Math.floor(setting) : NaN;
  return hours >= 1 && hours <= 720 ? hours : DEFAULT_IDLE_ENDPOINT_HOURS;
}

/**
 * The queries for the endpoints a bill shows: production variants on instances (a serverless variant costs nothing
 * while idle; a shadow variant only mirrors production traffic) of endpoints that have existed for the whole window
 * (one created an hour ago has not had the chance to be called).
 */
export function invocationQueries(resources: RunningResource[], hours: number, now: Date): InvocationQuery[] {
  const windowStart = now.getTime() - hours * 3_600_000;
  const queries: InvocationQuery[] = [];
  for (const r of resources) {
    if (r.kind !== 'endpoint-variant' || r.shadow || r.serverless || !r.variant) continue;
    if (!r.since || r.since.getTime() > windowStart) continue;
    queries.push({ id: `v${queries.length}`, endpoint: r.name, variant: r.variant });
  }
  return queries;
}

/** Endpoints whose every queried variant summed to zero (a variant with no data point served nothing). */
export function idleEndpointNames(queries: InvocationQuery[], sums: Map<string, number>): Set<string> {
  const busy = new Set<string>();
  const asked = new Set<string>();
  for (const q of queries) {
    asked.add(q.endpoint);
    if ((sums.get(q.id) ?? 0) > 0) busy.add(q.endpoint);
  }
  return new Set([...asked].filter((name) => !busy.has(name)));
}

/** What one idle hour of the endpoint costs: every variant's price per hour, shadow ones included. */
export function idleUsdPerHour(rows: BillRow[], endpoint: string): number | undefined {
  const own = rows.filter((r) => r.resource.kind === 'endpoint-variant' && r.resource.name === endpoint);
  if (own.some((r) => r.billing === 'unknown')) return undefined;
  return own.reduce((sum, r) => sum + (r.billing === 'hourly' ? r.usdPerHour! : 0), 0);
}

/** The bill with the idle endpoints' rows marked, and what idle endpoints cost per hour in all. */
export function markIdle(b: Bill, idle: Set<string>, hours: number): Bill {
  if (idle.size === 0) return b;
  const rows = b.rows.map((row): BillRow => {
    const r = row.resource;
    if (r.kind !== 'endpoint-variant' || !idle.has(r.name)) return row;
    return { ...row, idle: { hours, usdPerHour: idleUsdPerHour(b.rows, r.name) } };
  });
  const idleTotal = [...idle].reduce((sum, name) => sum + (idleUsdPerHour(b.rows, name) ?? 0), 0);
  return { ...b, rows, idleUsdPerHour: idleTotal };
}
