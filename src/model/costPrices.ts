// SageMaker on-demand prices as the AWS Price List Query API returns them: each PriceList item is a JSON document
// (product.attributes with instanceName, regionCode and component; terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD).
// Pure parsing and the lookup key; the calls and the cache live in src/aws/pricing and the cost feature.

/**
 * The Price List's `component` attribute for the compute SageMaker bills per instance hour. Studio apps
 * (JupyterLab, Code Editor, Studio Classic notebooks) are all `Studio-Notebook` (usage type `<region>-Studio:<type>`).
 */
export type PriceComponent = 'Notebook' | 'Hosting' | 'Training' | 'Processing' | 'Batch Transform' | 'Studio-Notebook';

export interface InstancePrice {
  instanceType: string;
  component: string;
  regionCode: string;
  usdPerHour: number;
}

/** The only regions with a Price List Query API endpoint. */
export const PRICING_API_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'] as const;

/** Where to call the Price List API from a working region: the nearest of its three endpoints (prices are global). */
export function pricingApiRegion(workingRegion: string): (typeof PRICING_API_REGIONS)[number] {
  if (workingRegion.startsWith('eu-') || workingRegion.startsWith('me-') || workingRegion.startsWith('af-'))
    return 'eu-central-1';
  if (workingRegion.startsWith('ap-')) return 'ap-south-1';
  return 'us-east-1';
}

interface PriceDocument {
  product?: { attributes?: Record<string, string> };
  terms?: {
    OnDemand?: Record<string, { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }>;
  };
}

/** One PriceList item (a JSON string, or already parsed) as an hourly instance price; undefined if it is none. */
export function parsePriceItem(item: unknown): InstancePrice | undefined {
  let doc: PriceDocument;
  try {
    doc = (typeof item === 'string' ? JSON.parse(item) : typeof item === 'object' && item ? item : {}) as PriceDocument;
  } catch {
    return undefined;
  }
  const attributes = doc.product?.attributes ?? {};
  const { instanceName, component, regionCode } = attributes;
  if (!instanceName || !component || !regionCode) return undefined;
  for (const term of Object.values(doc.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(dimension.pricePerUnit?.USD);
      // An hourly price only; a zero-priced dimension (free tier, included usage) is not this instance's price.
      if (/^hrs?$/i.test(dimension.unit ?? '') && Number.isFinite(usd) && usd > 0)
        return { instanceType: instanceName, component, regionCode, usdPerHour: usd };
    }
  }
  return undefined;
}

/** The lookup key of one price: what is billed (component) on which instance type. */
export function priceKey(component: PriceComponent, instanceType: string): string {
  return `${component}|${instanceType}`;
}

/** Known prices by priceKey; a key mapped to null was asked for and the price list has no price for it. */
export type PriceTable = Record<string, number | null>;
