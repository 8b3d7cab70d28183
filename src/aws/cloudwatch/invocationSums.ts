// Invocations of many endpoint variants over one window, summed: one GetMetricData call with a query per variant
// (a single period spanning the window, so one data point each), another only past AWS's 500 queries a call or
// when CloudWatch pages its answer.
import { MAX_METRIC_QUERIES, type InvocationQuery } from '../../model/idleEndpoints';
import type { AwsClients } from '../clients';

/** Sums by query id; a variant with no data point in the window is missing (it served nothing). */
export async function invocationSums(
  clients: AwsClients,
  queries: InvocationQuery[],
  hours: number,
  now: Date,
): Promise<Map<string, number>> {
  const { GetMetricDataCommand } = await import('./cloudWatchSdk.js');
  const sums = new Map<string, number>();
  const start = new Date(now.getTime() - hours * 3_600_000);
  for (let i = 0; i < queries.length; i += MAX_METRIC_QUERIES) {
    const batch = queries.slice(i, i + MAX_METRIC_QUERIES).map((q) => ({
      Id: q.id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocations',
          Dimensions: [
            { Name: 'EndpointName', Value: q.endpoint },
            { Name: 'VariantName', Value: q.variant },
          ],
        },
        Period: hours * 3600,
        Stat: 'Sum',
      },
    }));
    let token: string | undefined;
    do {
      const cloudwatch = await clients.cloudwatch();
      const out = await cloudwatch.send(
        new GetMetricDataCommand({ StartTime: start, EndTime: now, MetricDataQueries: batch, NextToken: token }),
      );
      for (const r of out.MetricDataResults ?? []) {
        if (!r.Id) continue;
        const total = (r.Values ?? []).reduce((s, v) => s + v, 0);
        sums.set(r.Id, (sums.get(r.Id) ?? 0) + total);
      }
      token = out.NextToken;
    } while (token);
  }
  return sums;
}
