// The Price List Query API calls themselves; this module (and the SDK client it imports) is loaded on first use,
// in a webpack chunk of its own, so the activation bundle does not carry the Pricing client.
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { parsePriceItem, pricingApiRegion, type PriceComponent } from '../../model/costPrices';
import type { AwsClients } from '../clients';

/**
 * The on-demand hourly USD price of one instance type for one SageMaker component in `workingRegion`, or null
 * when the price list has none. One GetProducts call at the Price List endpoint nearest to the working region.
 */
export async function hourlyPrice(
  clients: AwsClients,
  workingRegion: string,
  component: PriceComponent,
  instanceType: string,
): Promise<number | null> {
  const pricing = await clients.lazy('pricing', async () => PricingClient, pricingApiRegion(workingRegion));
  const out = await pricing.send(
    new GetProductsCommand({
      ServiceCode: 'AmazonSageMaker',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: workingRegion },
        { Type: 'TERM_MATCH', Field: 'instanceName', Value: instanceType },
        { Type: 'TERM_MATCH', Field: 'component', Value: component },
      ],
      MaxResults: 100,
    }),
  );
  for (const item of out.PriceList ?? []) {
    // The SDK hands each item over as a JSON string (a LazyJsonString in some versions: its toString is the text).
    const price = parsePriceItem(typeof item === 'string' ? item : String(item));
    if (price && price.instanceType === instanceType && price.component === component) return price.usdPerHour;
  }
  return null;
}
