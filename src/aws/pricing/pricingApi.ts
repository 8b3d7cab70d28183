// SageMaker prices from the AWS Price List Query API. The SDK client loads on first use (priceListCalls.ts is
// its own chunk); callers see only plain numbers.
import type { PriceComponent } from '../../model/costPrices';
import type { AwsClients } from '../clients';

/** The on-demand price per instance hour, or null when AWS's price list has no such product. */
export async function sageMakerHourlyPrice(
  clients: AwsClients,
  workingRegion: string,
  component: PriceComponent,
  instanceType: string,
): Promise<number | null> {
  return (await import('./priceListCalls.js')).hourlyPrice(clients, workingRegion, component, instanceType);
}
