// One reading of the bill: what runs (list calls and the few describes prices need), the prices it needs (cached),
// the rows and total, which endpoints sat idle (one GetMetricData for all endpoints shown) and which notebook
// instances and JupyterLab apps sat idle (their Jupyter servers' activity, through connections already open).
// Loaded on first use, in a chunk of its own, with the list, describe and metric calls it makes.
import { invocationSums } from '../../aws/cloudwatch/invocationSums';
import { jupyterActivity } from '../../aws/jupyter/jupyterActivity';
import { runningResources, type EndpointConfigCache } from '../../aws/sagemaker/runningResourcesApi';
import { bill, neededPrices, type RunningResource } from '../../model/costBill';
import { idleEndpointNames, invocationQueries, markIdle } from '../../model/idleEndpoints';
import { idleMinutesOf, jupyterHostKey, markIdleHosts } from '../../model/idleNotebooks';
import type { AwsSession } from '../../session/awsSession';
import { connectedJupyters } from '../../session/connectedJupyters';
import { toUserError } from '../../ui/showAwsError';
import { autoStopShown } from '../../views/notebookInstances/autoStopStatus';
import type { BillReading } from '../../views/runningNow/runningNowView';
import type { PriceCache } from './priceCache';

/**
 * Which running notebook instances and JupyterLab apps sat idle, read only through the connections the user already
 * has (no sign-in, no presigned URL of ours): their keys read, and the idle minutes of the idle ones. A host whose
 * server does not answer is left unmarked.
 */
async function idleHosts(
  session: AwsSession,
  resources: RunningResource[],
  thresholdMinutes: number,
): Promise<{ read: Set<string>; idle: Map<string, number> }> {
  const connected = connectedJupyters(session).byHost();
  const read = new Set<string>();
  const idle = new Map<string, number>();
  const keys = new Set(resources.map(jupyterHostKey).filter((k): k is string => !!k && connected.has(k)));
  await Promise.all(
    [...keys].map(async (key) => {
      try {
        const activity = await jupyterActivity(await connected.get(key)!.connection);
        read.add(key);
        const minutes = idleMinutesOf(activity, thresholdMinutes);
        if (minutes !== undefined) idle.set(key, minutes);
      } catch {
        // Closed or stopped meanwhile: the row stays as it is, and says it was not checked.
      }
    }),
  );
  return { read, idle };
}

export async function readBill(
  session: AwsSession,
  prices: PriceCache,
  configs: EndpointConfigCache,
  idleHours: number,
  idleNotebookMinutes: number,
): Promise<BillReading> {
  const region = session.current.region;
  const resources = await runningResources(session.clients, region, configs);
  const { table, problem } = await prices.table(region, neededPrices(resources));
  const now = new Date();
  let read = bill(resources, table, now);
  let idleProblem: string | undefined;
  const queries = invocationQueries(resources, idleHours, now);
  if (queries.length > 0) {
    try {
      const sums = await invocationSums(session.clients, queries, idleHours, now);
      read = markIdle(read, idleEndpointNames(queries, sums), idleHours);
    } catch (error) {
      // The bill stands without the idle marks; the view says why they are missing.
      idleProblem = toUserError(error, session, 'cloudwatch', 'GetMetricData').message;
    }
  }
  const hosts = await idleHosts(session, resources, idleNotebookMinutes);
  read = markIdleHosts(read, hosts.read, hosts.idle, idleNotebookMinutes);
  // Whether each instance stops itself when idle: its lifecycle configuration, read once a session for all that share it.
  const autoStop = new Map(
    await Promise.all(
      resources
        .filter((r) => r.kind === 'notebook-instance')
        .map(async (r) => [r.name, await autoStopShown(session, r.lifecycleConfigName)] as const),
    ),
  );
  return { bill: read, region, priceProblem: problem, idleProblem, autoStop };
}
