// CloudWatch metrics of SageMaker endpoints (namespace AWS/SageMaker, dimensions EndpointName and
// VariantName): Invocations, ModelLatency (microseconds) and Invocation4XXErrors, kept as one-minute
// buckets. Each InvokeEndpoint adds to them; the seeded endpoints carry a day of traffic, busier in
// working hours, so a chart has something to show, except the endpoint left running since 2021 that nothing calls
// (an idle endpoint). GetMetricData answers MetricStat queries within the limits AWS documents in prose.
import { AwsError, type OperationHandler, type ScenarioName } from '../../engine/contract';
import { seededRandom } from '../support/random';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { hosting } from '../sagemaker/endpointsModule';

interface Bucket {
  count: number;
  latencySumUs: number;
  maxLatencyUs: number;
  errors: number;
}

const MINUTE = 60_000;
/** The seeded endpoint nothing has called for its whole life: its instances bill, its Invocations stay at zero. */
export const IDLE_SEEDED_ENDPOINT = 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12';
/** "A single GetMetricData call can include as many as 500 MetricDataQuery structures." */
const MAX_QUERIES = 500;

function buckets(world: World): Map<string, Map<number, Bucket>> {
  return world.state('cloudwatch.endpointMetrics', () => new Map<string, Map<number, Bucket>>());
}

function add(
  world: World,
  endpoint: string,
  variant: string,
  at: number,
  count: number,
  latencyUs: number,
  errors: number,
): void {
  const key = `${endpoint}|${variant}`;
  const series = buckets(world).get(key) ?? new Map<number, Bucket>();
  buckets(world).set(key, series);
  const minute = Math.floor(at / MINUTE) * MINUTE;
  const b = series.get(minute) ?? { count: 0, latencySumUs: 0, maxLatencyUs: 0, errors: 0 };
  b.count += count;
  b.latencySumUs += latencyUs * count;
  b.maxLatencyUs = Math.max(b.maxLatencyUs, latencyUs);
  b.errors += errors;
  series.set(minute, b);
}

/** One invocation as the runtime saw it (a 4xx answer counts as an error, not as a served invocation's latency). */
export function recordInvocation(
  world: World,
  endpoint: string,
  variant: string,
  latencyUs: number,
  clientError = false,
): void {
  add(world, endpoint, variant, world.clock.now(), 1, clientError ? 0 : latencyUs, clientError ? 1 : 0);
}

const STATISTICS: Record<string, (bs: Bucket[], metric: string) => number | undefined> = {
  Sum: (bs, metric) => bs.reduce((s, b) => s + (metric === 'Invocation4XXErrors' ? b.errors : b.count), 0),
  SampleCount: (bs) => bs.reduce((s, b) => s + b.count, 0),
  Average: (bs, metric) => {
    if (metric === 'ModelLatency') {
      const n = bs.reduce((s, b) => s + b.count, 0);
      return n ? bs.reduce((s, b) => s + b.latencySumUs, 0) / n : undefined;
    }
    return bs.length ? STATISTICS.Sum(bs, metric)! / bs.length : undefined;
  },
  Maximum: (bs, metric) =>
    metric === 'ModelLatency'
      ? Math.max(...bs.map((b) => b.maxLatencyUs))
      : Math.max(...bs.map((b) => (metric === 'Invocation4XXErrors' ? b.errors : b.count))),
};

/** What the model's shapes cannot say: the query count, unique ids, the id's form, periods in whole minutes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkQueries(queries: Array<Record<string, any>>, start: number, end: number): void {
  const invalid = (message: string) => new AwsError('InvalidParameterValue', message);
  if (queries.length > MAX_QUERIES)
    throw invalid(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  if (!(start < end)) throw invalid('The parameter StartTime must be less than the parameter EndTime.');
  const ids = new Set<string>();
  for (const q of queries) {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(String(q.Id)))
      throw invalid(
        `The value ${q.Id} for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase ` +
          'letter and contain only letters, numbers and underscores.',
      );
    if (ids.has(q.Id)) throw invalid(`The value ${q.Id} for parameter MetricDataQueries.member.Id is not unique.`);
    ids.add(q.Id);
    const period = q.MetricStat?.Period;
    if (period !== undefined && period % 60 !== 0 && ![1, 5, 10, 30].includes(period))
      throw invalid(`The parameter MetricDataQueries.member.MetricStat.Period must be a multiple of 60.`);
  }
}

function handlers(world: World): Record<string, OperationHandler> {
  return {
    GetMetricData: (input) => {
      const start = new Date(input.StartTime).getTime();
      const end = new Date(input.EndTime).getTime();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const queries = input.MetricDataQueries as Array<Record<string, any>>;
      checkQueries(queries, start, end);
      const results = queries.map((q) => {
        const stat = q.MetricStat;
        const metric = stat?.Metric;
        const dims = Object.fromEntries(
          ((metric?.Dimensions ?? []) as Array<{ Name: string; Value: string }>).map((d) => [d.Name, d.Value]),
        );
        const series =
          metric?.Namespace === 'AWS/SageMaker'
            ? buckets(world).get(`${dims.EndpointName}|${dims.VariantName}`)
            : undefined;
        const period = Math.max(60, Number(stat?.Period ?? 60)) * 1000;
        const grouped = new Map<number, Bucket[]>();
        for (const [minute, b] of series ?? []) {
          if (minute < start || minute >= end) continue;
          const slot = start + Math.floor((minute - start) / period) * period;
          grouped.set(slot, [...(grouped.get(slot) ?? []), b]);
        }
        const compute = STATISTICS[stat?.Stat] ?? STATISTICS.Sum;
        const points = [...grouped.entries()]
          .map(([slot, bs]) => [slot, compute(bs, metric?.MetricName)] as const)
          .filter(
            (p): p is readonly [number, number] =>
              p[1] !== undefined && (metric?.MetricName !== 'ModelLatency' || p[1] > 0),
          )
          .sort((a, b) => (input.ScanBy === 'TimestampAscending' ? a[0] - b[0] : b[0] - a[0]));
        return {
          Id: q.Id,
          Label: q.Label ?? metric?.MetricName,
          Timestamps: points.map(([t]) => new Date(t)),
          Values: points.map(([, v]) => v),
          StatusCode: 'Complete',
        };
      });
      return { MetricDataResults: results, Messages: [] };
    },
  };
}

/** A day of traffic on the seeded endpoints that serve: busier 08:00–18:00 UTC, a few 4xx. */
function seed(world: World, scenario: ScenarioName): void {
  if (scenario === 'empty') return;
  const now = world.clock.now();
  for (const e of hosting(world).endpoints.values()) {
    if (e.status !== 'InService' || e.name.startsWith('load-test-') || e.name === IDLE_SEEDED_ENDPOINT) continue;
    const random = seededRandom(`metrics/${e.name}`);
    for (const variant of hosting(world).configs.get(e.configName)?.variants ?? []) {
      for (let m = 24 * 60; m > 0; m -= 5) {
        const at = now - m * MINUTE;
        const hour = new Date(at).getUTCHours();
        const busy = hour >= 8 && hour < 18 ? 40 : 8;
        const count = Math.round(busy * (0.6 + random() * 0.8));
        add(
          world,
          e.name,
          variant.VariantName,
          at,
          count,
          4200 + Math.round(random() * 3000) + (busy > 10 ? 1500 : 0),
          random() < 0.05 ? 1 : 0,
        );
      }
    }
  }
}

export const endpointMetricsModule: ServiceModule = {
  name: 'cloudwatch endpoint metrics',
  handlers: (world) => ({ monitoring: handlers(world) }),
  seed,
};
