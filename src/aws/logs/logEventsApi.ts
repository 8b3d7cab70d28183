// CloudWatch Logs reads for the log documents: a group's events (optionally some streams) from a time on,
// one FilterLogEvents page per call.
import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsClients } from '../clients';

export async function logEventsPage(
  clients: AwsClients,
  group: string,
  startTime: number,
  nextToken: string | undefined,
  streamPrefix?: string,
): Promise<{ events: FilteredLogEvent[]; nextToken?: string }> {
  const { FilterLogEventsCommand } = await import('./logsSdk.js');
  const logs = await clients.logs();
  const out = await logs.send(
    new FilterLogEventsCommand({
      logGroupName: group,
      startTime,
      nextToken,
      logStreamNamePrefix: streamPrefix || undefined,
      limit: 1000,
    }),
  );
  return { events: out.events ?? [], nextToken: out.nextToken };
}

/** When the group last had an event (its most recently written stream), if it has any. */
export async function lastEventTime(
  clients: AwsClients,
  group: string,
  streamPrefix?: string,
): Promise<number | undefined> {
  const { DescribeLogStreamsCommand } = await import('./logsSdk.js');
  const logs = await clients.logs();
  const out = await logs.send(
    new DescribeLogStreamsCommand(
      streamPrefix
        ? { logGroupName: group, logStreamNamePrefix: streamPrefix, limit: 50 }
        : { logGroupName: group, orderBy: 'LastEventTime', descending: true, limit: 1 },
    ),
  );
  const times = (out.logStreams ?? []).map((s) => s.lastEventTimestamp ?? 0);
  return times.length ? Math.max(...times) : undefined;
}
