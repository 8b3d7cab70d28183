// CloudWatch Logs over the world's log store: the groups and streams that notebook lifecycle
// scripts, training jobs and endpoints write to, read the way the console and the CLI read them.
import { AwsError, type OperationHandler } from '../../engine/contract';
import { page } from '../support/paging';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';

function handlers(world: World): Record<string, OperationHandler> {
  const group = (name: string) => {
    const found = world.logs.groups.get(name);
    if (!found) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return found;
  };
  return {
    DescribeLogGroups: (input, ctx) => {
      const groups = [...world.logs.groups.values()]
        .filter((g) => !input.logGroupNamePrefix || g.name.startsWith(input.logGroupNamePrefix))
        .sort((a, b) => a.name.localeCompare(b.name));
      const { items, NextToken } = page(groups, input.nextToken, input.limit, 50);
      return {
        logGroups: items.map((g) => ({
          logGroupName: g.name,
          creationTime: g.creationTime,
          arn: world.arn('logs', ctx.region, `log-group:${g.name}:*`),
          storedBytes: [...g.streams.values()].reduce(
            (n, s) => n + s.events.reduce((m, e) => m + e.message.length, 0),
            0,
          ),
        })),
        nextToken: NextToken,
      };
    },
    DescribeLogStreams: (input, ctx) => {
      const g = group(input.logGroupName);
      let streams = [...g.streams.values()].filter(
        (s) => !input.logStreamNamePrefix || s.name.startsWith(input.logStreamNamePrefix),
      );
      const last = (s: (typeof streams)[number]) => s.events.at(-1)?.timestamp ?? 0;
      streams =
        input.orderBy === 'LastEventTime'
          ? streams.sort((a, b) => last(a) - last(b))
          : streams.sort((a, b) => a.name.localeCompare(b.name));
      if (input.descending) streams.reverse();
      const { items, NextToken } = page(streams, input.nextToken, input.limit, 50);
      return {
        logStreams: items.map((s) => ({
          logStreamName: s.name,
          creationTime: s.creationTime,
          firstEventTimestamp: s.events[0]?.timestamp,
          lastEventTimestamp: s.events.at(-1)?.timestamp,
          lastIngestionTime: s.events.at(-1)?.ingestionTime,
          uploadSequenceToken: '49590338407234798376839480394889302934',
          arn: world.arn('logs', ctx.region, `log-group:${g.name}:log-stream:${s.name}`),
        })),
        nextToken: NextToken,
      };
    },
    // Events of a whole group (or some of its streams) in time order; a plain filter pattern matches text.
    FilterLogEvents: (input) => {
      const g = group(input.logGroupName);
      const wanted = (name: string) =>
        (!input.logStreamNames || input.logStreamNames.includes(name)) &&
        (!input.logStreamNamePrefix || name.startsWith(input.logStreamNamePrefix));
      const pattern = typeof input.filterPattern === 'string' ? input.filterPattern.replace(/^"|"$/g, '') : '';
      const events = [...g.streams.values()]
        .filter((st) => wanted(st.name))
        .flatMap((st) => st.events.map((e, i) => ({ ...e, logStreamName: st.name, eventId: `${st.name}/${i}` })))
        .filter(
          (e) =>
            (input.startTime === undefined || e.timestamp >= input.startTime) &&
            (input.endTime === undefined || e.timestamp <= input.endTime) &&
            (!pattern || e.message.includes(pattern)),
        )
        .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
      const { items, NextToken } = page(events, input.nextToken, input.limit, 10_000);
      return {
        events: items.map((e) => ({
          logStreamName: e.logStreamName,
          timestamp: e.timestamp,
          message: e.message,
          ingestionTime: e.ingestionTime,
          eventId: e.eventId,
        })),
        nextToken: NextToken,
      };
    },
    // Tokens are f/<index> and b/<index>; at the end AWS hands back the same forward token.
    GetLogEvents: (input) => {
      const stream = group(input.logGroupName).streams.get(input.logStreamName);
      if (!stream) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
      const events = stream.events.filter(
        (e) =>
          (input.startTime === undefined || e.timestamp >= input.startTime) &&
          (input.endTime === undefined || e.timestamp < input.endTime),
      );
      const limit: number = input.limit ?? 10_000;
      const token: string | undefined = input.nextToken;
      let start: number;
      if (token) start = Number(token.slice(2));
      else start = input.startFromHead ? 0 : Math.max(0, events.length - limit);
      if (token?.startsWith('b/')) start = Math.max(0, start - limit);
      const slice = events.slice(start, start + limit);
      return {
        events: slice.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
        nextForwardToken: `f/${start + slice.length}`,
        nextBackwardToken: `b/${start}`,
      };
    },
  };
}

export const logsModule: ServiceModule = { name: 'cloudwatch logs', handlers: (world) => ({ logs: handlers(world) }) };
