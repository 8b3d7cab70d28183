// One reading of the bill: what runs (list calls and the few describes prices need), the prices it needs (cached),
// the rows and total, and which endpoints sat idle (one GetMetricData for all endpoints shown). Loaded on first use,
// in a chunk of its own, with the list, describe and metric calls it makes.
import { invocationSums } from '../../aws/cloudwatch/invocationSums';
import { runningResources, type EndpointConfigCache } from '../../aws/sagemaker/runningResourcesApi';
import { bill, neededPrices } from '../../model/costBill';
import { idleEndpointNames, invocationQueries, markIdle } from '../../model/idleEndpoints';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import type { BillReading } from '../../views/runningNow/runningNowView';
import type { PriceCache } from './priceCache';

export async function readBill(
  session: AwsSession,
  prices: PriceCache,
  configs: EndpointConfigCache,
  idleHours: number,
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
  return { bill: read, region, priceProblem: problem, idleProblem };
}
