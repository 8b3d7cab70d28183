// The AWS Price List Query API (JSON 1.1, AWSPriceListService): DescribeServices, GetAttributeValues and
// GetProducts over the SageMaker price records of sageMakerPrices.ts. As on AWS, the API answers only in
// us-east-1, eu-central-1 and ap-south-1 (a client must call it there whatever region it works in); filters are
// TERM_MATCH on a product attribute (every filter must match), MaxResults 1–100 (default 100) with an opaque
// NextToken that belongs to the query it came from.
import { AwsError, type OperationHandler, type RequestContext } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';
import type { World } from '../world';
import { priceListItem, sageMakerProducts, type PriceProduct } from './sageMakerPrices';

export const PRICING_API_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'];
const SERVICE_CODE = 'AmazonSageMaker';
const PUBLICATION_DATE = '2026-11-01T00:00:00Z';
const DEFAULT_MAX = 100;

interface Filter {
  Type: string;
  Field: string;
  Value: string;
}

function checkRegion(ctx: RequestContext): void {
  if (!PRICING_API_REGIONS.includes(ctx.region))
    throw new AwsError(
      'UnknownEndpoint',
      `The AWS Price List Query API has no endpoint in ${ctx.region}; call api.pricing in ${PRICING_API_REGIONS.join(', ')}.`,
      404,
    );
}

function checkFormat(version: unknown): void {
  if (version !== undefined && version !== 'aws_v1')
    throw new AwsError('InvalidParameterException', `Input Parameters are invalid. Invalid FormatVersion ${version}.`);
}

/** The emulator holds the SageMaker price list only; any other service code is reported as not held. */
function checkServiceCode(code: unknown): void {
  if (code !== SERVICE_CODE)
    throw new AwsError(
      'NotFoundException',
      `The emulator's price list holds ${SERVICE_CODE} only, not ${String(code)}.`,
    );
}

/** Tokens carry the offset and the query they belong to, so a token from another query is refused. */
function pageOf<T>(items: T[], query: string, token: unknown, max: unknown): { items: T[]; next?: string } {
  let offset = 0;
  if (typeof token === 'string' && token !== '') {
    let decoded: { offset?: unknown; query?: unknown } = {};
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    } catch {
      /* refused below */
    }
    if (!Number.isInteger(decoded.offset) || (decoded.offset as number) < 0 || decoded.query !== query)
      throw new AwsError(
        'InvalidNextTokenException',
        'The pagination token is invalid. Try again without a pagination token.',
      );
    offset = decoded.offset as number;
  }
  const size = typeof max === 'number' ? max : DEFAULT_MAX;
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length
      ? Buffer.from(JSON.stringify({ offset: offset + size, query })).toString('base64')
      : undefined;
  return { items: slice, next };
}

function matches(product: PriceProduct, filters: Filter[]): boolean {
  return filters.every((f) => {
    if (f.Field.toLowerCase() === 'servicecode') return f.Value === SERVICE_CODE;
    const key = Object.keys(product.attributes).find((k) => k.toLowerCase() === f.Field.toLowerCase());
    return key !== undefined && product.attributes[key].toLowerCase() === f.Value.toLowerCase();
  });
}

function handlers(world: World): Record<string, OperationHandler> {
  const products = () => world.state('pricing.sageMakerProducts', sageMakerProducts);
  const attributeNames = () => [...new Set(products().flatMap((p) => Object.keys(p.attributes)))].sort();
  return {
    DescribeServices: (input, ctx) => {
      checkRegion(ctx);
      checkFormat(input.FormatVersion);
      if (input.ServiceCode !== undefined) checkServiceCode(input.ServiceCode);
      const services = [{ ServiceCode: SERVICE_CODE, AttributeNames: attributeNames() }];
      const page = pageOf(services, `services|${input.ServiceCode ?? ''}`, input.NextToken, input.MaxResults);
      return { Services: page.items, FormatVersion: 'aws_v1', NextToken: page.next };
    },
    GetAttributeValues: (input, ctx) => {
      checkRegion(ctx);
      checkServiceCode(input.ServiceCode);
      const name = attributeNames().find((a) => a === input.AttributeName);
      if (!name)
        throw new AwsError('NotFoundException', `Attribute ${input.AttributeName} was not found for ${SERVICE_CODE}.`);
      const values = [...new Set(products().map((p) => p.attributes[name]))].sort().map((Value) => ({ Value }));
      const page = pageOf(values, `values|${name}`, input.NextToken, input.MaxResults);
      return { AttributeValues: page.items, NextToken: page.next };
    },
    GetProducts: (input, ctx) => {
      checkRegion(ctx);
      checkFormat(input.FormatVersion);
      checkServiceCode(input.ServiceCode);
      const filters = (input.Filters ?? []) as Filter[];
      const found = products().filter((p) => matches(p, filters));
      const query = `products|${JSON.stringify(filters.map((f) => [f.Field.toLowerCase(), f.Value.toLowerCase()]))}`;
      const page = pageOf(found, query, input.NextToken, input.MaxResults);
      return {
        FormatVersion: 'aws_v1',
        PriceList: page.items.map((p) => priceListItem(p, PUBLICATION_DATE)),
        NextToken: page.next,
      };
    },
  };
}

export const priceListModule: ServiceModule = {
  name: 'pricing price list',
  handlers: (world) => ({ pricing: handlers(world) }),
};
