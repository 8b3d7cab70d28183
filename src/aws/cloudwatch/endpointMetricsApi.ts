// An endpoint variant's invocation metrics from CloudWatch (AWS/SageMaker): invocations, 4xx errors and
// average model latency per period, in one GetMetricData call.
import type { AwsClients } from '../clients';

export interface MetricSeries {
  timestamps: Date[];
  values: number[];
}

export interface EndpointMetrics {
  invocations: MetricSeries;
  errors: MetricSeries;
  /** Microseconds, as SageMaker reports ModelLatency. */
  latencyUs: MetricSeries;
}

export async function endpointMetrics(
  clients: AwsClients,
  endpointName: string,
  variantName: string,
  start: Date,
  end: Date,
  periodSeconds: number,
): Promise<EndpointMetrics> {
  const { GetMetricDataCommand } = await import('./cloudWatchSdk.js');
  const Dimensions = [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'VariantName', Value: variantName },
  ];
  const query = (Id: string, MetricName: string, Stat: string) => ({
    Id,
    MetricStat: { Metric: { Namespace: 'AWS/SageMaker', MetricName, Dimensions }, Period: periodSeconds, Stat },
  });
  const cloudwatch = await clients.cloudwatch();
  const out = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: start,
      EndTime: end,
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        query('invocations', 'Invocations', 'Sum'),
        query('errors', 'Invocation4XXErrors', 'Sum'),
        query('latency', 'ModelLatency', 'Average'),
      ],
    }),
  );
  const series = (id: string): MetricSeries => {
    const r = out.MetricDataResults?.find((x) => x.Id === id);
    return { timestamps: r?.Timestamps ?? [], values: r?.Values ?? [] };
  };
  return { invocations: series('invocations'), errors: series('errors'), latencyUs: series('latency') };
}
