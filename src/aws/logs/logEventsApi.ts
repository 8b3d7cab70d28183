// CloudWatch Logs reads for the log documents: a group's events (optionally some streams) from a time on,
// one FilterLogEvents page per call.
import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsClients } from '../clients';

export async function logEventsPage(clients: AwsClients, group: string, startTime: number, nextToken: string | undefined, streamPrefix?: string): Promise<{ events: FilteredLogEvent[]; nextToken?: string }> {
  const out = await clients.logs().send(new FilterLogEventsCommand({
    logGroupName: group, startTime, nextToken, logStreamNamePrefix: streamPrefix || undefined, limit: 1000,
  }));
  return { events: out.events ?? [], nextToken: out.nextToken };
}
