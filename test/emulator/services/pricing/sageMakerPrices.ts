// SageMaker on-demand prices as the AWS Price List publishes them (productFamily "ML Instance", one product per
// region × component × instance type), for the instance types the seeds and seeded scenario use, in a few regions.
// us-east-1 figures are AWS's published ones; the other regions carry AWS's usual regional uplift. Types a
// component does not offer (ml.t2.* outside notebooks) are absent, as in AWS's list. Studio apps (JupyterLab and
// Code Editor spaces, Studio Classic notebooks) are priced as AWS bills them: component Studio-Notebook, usage type
// <region>-Studio:<instance type> ("$0.05 per Studio-Notebook ml.t3.medium hour in US East (N. Virginia)").
import { createHash } from 'node:crypto';

export interface PriceProduct {
  sku: string;
  attributes: Record<string, string>;
  usd: string;
  unit: string;
  description: string;
}

interface InstanceSpec {
  vCpu: string;
  memory: string;
  gpu: string;
  computeType: string;
  /** us-east-1 USD per hour, by component. */
  prices: Partial<Record<Component, number>>;
}

type Component = 'Notebook' | 'Hosting' | 'Training' | 'Processing' | 'Batch Transform' | 'Studio-Notebook';

/** The usage-type word AWS puts after the region prefix, per component. */
const USAGE: Record<Component, string> = {
  Notebook: 'Notebk',
  Hosting: 'Host',
  Training: 'Train',
  Processing: 'Processing',
  'Batch Transform': 'Tsform',
  'Studio-Notebook': 'Studio',
};

const all = (usd: number): Partial<Record<Component, number>> => ({
  Notebook: usd,
  Hosting: usd,
  Training: usd,
  Processing: usd,
  'Batch Transform': usd,
  'Studio-Notebook': usd,
});

const INSTANCES: Record<string, InstanceSpec> = {
  'ml.t2.medium': {
    vCpu: '2',
    memory: '4 GiB',
    gpu: '0',
    computeType: 'Standard Instances',
    prices: { Notebook: 0.0464 },
  },
  'ml.t2.large': {
    vCpu: '2',
    memory: '8 GiB',
    gpu: '0',
    computeType: 'Standard Instances',
    prices: { Notebook: 0.0928 },
  },
  'ml.t3.medium': {
    vCpu: '2',
    memory: '4 GiB',
    gpu: '0',
    computeType: 'Standard Instances',
    prices: { Notebook: 0.05, Hosting: 0.05, 'Studio-Notebook': 0.05 },
  },
  'ml.m4.xlarge': { vCpu: '4', memory: '16 GiB', gpu: '0', computeType: 'Standard Instances', prices: all(0.24) },
  'ml.m5.large': { vCpu: '2', memory: '8 GiB', gpu: '0', computeType: 'Standard Instances', prices: all(0.115) },
  'ml.m5.xlarge': { vCpu: '4', memory: '16 GiB', gpu: '0', computeType: 'Standard Instances', prices: all(0.23) },
  'ml.m5.2xlarge': { vCpu: '8', memory: '32 GiB', gpu: '0', computeType: 'Standard Instances', prices: all(0.461) },
  'ml.m5.4xlarge': { vCpu: '16', memory: '64 GiB', gpu: '0', computeType: 'Standard Instances', prices: all(0.922) },
  'ml.c4.xlarge': { vCpu: '4', memory: '7.5 GiB', gpu: '0', computeType: 'Compute Optimized', prices: all(0.279) },
  'ml.c5.xlarge': { vCpu: '4', memory: '8 GiB', gpu: '0', computeType: 'Compute Optimized', prices: all(0.204) },
  'ml.c5.2xlarge': { vCpu: '8', memory: '16 GiB', gpu: '0', computeType: 'Compute Optimized', prices: all(0.408) },
  'ml.p2.xlarge': { vCpu: '4', memory: '61 GiB', gpu: '1', computeType: 'Accelerated Computing', prices: all(1.125) },
  'ml.g4dn.xlarge': {
    vCpu: '4',
    memory: '16 GiB',
    gpu: '1',
    computeType: 'Accelerated Computing',
    prices: all(0.7364),
  },
};

interface RegionSpec {
  location: string;
  usagePrefix: string;
  /** Multiplier on the us-east-1 price. */
  uplift: number;
}

export const PRICED_REGIONS: Record<string, RegionSpec> = {
  'us-east-1': { location: 'US East (N. Virginia)', usagePrefix: 'USE1', uplift: 1 },
  'us-west-2': { location: 'US West (Oregon)', usagePrefix: 'USW2', uplift: 1 },
  'eu-west-1': { location: 'EU (Ireland)', usagePrefix: 'EU', uplift: 1.1 },
  'eu-central-1': { location: 'EU (Frankfurt)', usagePrefix: 'EUC1', uplift: 1.2 },
};

const skuOf = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16).toUpperCase();

/** Every product of the emulator's SageMaker price list, in a stable order. */
export function sageMakerProducts(): PriceProduct[] {
  const products: PriceProduct[] = [];
  for (const [regionCode, region] of Object.entries(PRICED_REGIONS)) {
    for (const [instanceName, spec] of Object.entries(INSTANCES)) {
      for (const [component, base] of Object.entries(spec.prices) as Array<[Component, number]>) {
        const usagetype = `${region.usagePrefix}-${USAGE[component]}:${instanceName}`;
        const usd = (base * region.uplift).toFixed(10);
        products.push({
          sku: skuOf(usagetype),
          usd,
          unit: 'Hrs',
          description: `$${Number(usd)} per ${component} ${instanceName} hour in ${region.location}`,
          attributes: {
            servicecode: 'AmazonSageMaker',
            servicename: 'Amazon SageMaker',
            location: region.location,
            locationType: 'AWS Region',
            regionCode,
            usagetype,
            operation: 'RunInstance',
            instanceName,
            component,
            computeType: spec.computeType,
            vCpu: spec.vCpu,
            memory: spec.memory,
            gpu: spec.gpu,
          },
        });
      }
    }
  }
  return products;
}

/** One product as the Price List API returns it: a JSON document in a string (FormatVersion aws_v1). */
export function priceListItem(product: PriceProduct, publicationDate: string): string {
  const term = 'JRTCKXETXF';
  const offer = `${product.sku}.${term}`;
  return JSON.stringify({
    product: { productFamily: 'ML Instance', attributes: product.attributes, sku: product.sku },
    serviceCode: 'AmazonSageMaker',
    terms: {
      OnDemand: {
        [offer]: {
          priceDimensions: {
            [`${offer}.6YS6EN2CT7`]: {
              unit: product.unit,
              endRange: 'Inf',
              description: product.description,
              appliesTo: [],
              rateCode: `${offer}.6YS6EN2CT7`,
              beginRange: '0',
              pricePerUnit: { USD: product.usd },
            },
          },
          sku: product.sku,
          effectiveDate: publicationDate,
          offerTermCode: term,
          termAttributes: {},
        },
      },
    },
    version: publicationDate.replace(/\D/g, '').slice(0, 14),
    publicationDate,
  });
}
