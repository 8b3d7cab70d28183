// One reading of the bill: what runs (list calls and the few describes prices need), the prices it needs (cached),
// the rows and total. Loaded on first use, in a chunk of its own, with the list and describe calls it makes.
import { runningResources } from '../../aws/sagemaker/runningResourcesApi';
import { bill, neededPrices } from '../../model/costBill';
import type { AwsSession } from '../../session/awsSession';
import type { BillReading } from '../../views/runningNow/runningNowView';
import type { PriceCache } from './priceCache';

export async function readBill(session: AwsSession, prices: PriceCache): Promise<BillReading> {
  const region = session.current.region;
  const resources = await runningResources(session.clients, region);
  const { table, problem } = await prices.table(region, neededPrices(resources));
  return { bill: bill(resources, table, new Date()), region, priceProblem: problem };
}
