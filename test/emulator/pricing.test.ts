// The Price List Query API as a client in any working region must reach it: only in us-east-1, eu-central-1 and
// ap-south-1, SageMaker products as JSON documents in strings, TERM_MATCH filters, MaxResults and NextToken.
import * as assert from 'node:assert/strict';
import {
  DescribeServicesCommand,
  GetAttributeValuesCommand,
  GetProductsCommand,
  type GetProductsCommandOutput,
  PricingClient,
  type Filter,
} from '@aws-sdk/client-pricing';
import { ListProcessingJobsCommand, ListTransformJobsCommand } from '@aws-sdk/client-sagemaker';
import { clientsFor, credentials, emulatorForTest, recorded } from './support';
import type { RunningEmulator } from './index';

interface PriceItem {
  product: { productFamily: string; attributes: Record<string, string>; sku: string };
  serviceCode: string;
  terms: {
    OnDemand: Record<
      string,
      { priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string }; description: string }> }
    >;
  };
}

/** The SDK hands the JSON documents over as strings (or a lazy JSON string); either way parse them. */
const parse = (items: unknown[] | undefined): PriceItem[] =>
  (items ?? []).map((i) => (typeof i === 'string' ? JSON.parse(i) : JSON.parse(String(i))) as PriceItem);

const usd = (item: PriceItem): number =>
  Number(Object.values(Object.values(item.terms.OnDemand)[0].priceDimensions)[0].pricePerUnit.USD);

const term = (Field: string, Value: string): Filter => ({ Type: 'TERM_MATCH', Field, Value });

describe('emulator pricing', function () {
  let emulator: RunningEmulator;
  let pricing: PricingClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    pricing = new PricingClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterEach(async () => emulator.close());

  it('prices one instance type, component and region: one product with its hourly USD price', async () => {
    const out = await pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonSageMaker',
        Filters: [term('regionCode', 'us-east-1'), term('instanceName', 'ml.m5.large'), term('component', 'Hosting')],
      }),
    );
    assert.equal(out.FormatVersion, 'aws_v1');
    const items = parse(out.PriceList);
    assert.equal(items.length, 1);
    assert.equal(items[0].serviceCode, 'AmazonSageMaker');
    assert.equal(items[0].product.productFamily, 'ML Instance');
    assert.equal(items[0].product.attributes.usagetype, 'USE1-Host:ml.m5.large');
    const dimension = Object.values(Object.values(items[0].terms.OnDemand)[0].priceDimensions)[0];
    assert.equal(dimension.unit, 'Hrs');
    assert.equal(dimension.pricePerUnit.USD, '0.1150000000');
    assert.match(dimension.description, /per Hosting ml\.m5\.large hour in US East \(N\. Virginia\)/);
  });

  it("prices a Studio space app as AWS's Studio-Notebook usage, not as a notebook instance", async () => {
    const items = parse(
      (
        await pricing.send(
          new GetProductsCommand({
            ServiceCode: 'AmazonSageMaker',
            Filters: [term('regionCode', 'us-east-1'), term('instanceName', 'ml.t3.medium')],
          }),
        )
      ).PriceList,
    );
    const studio = items.filter((i) => i.product.attributes.component === 'Studio-Notebook');
    assert.equal(studio.length, 1);
    assert.equal(studio[0].product.attributes.usagetype, 'USE1-Studio:ml.t3.medium');
    assert.equal(usd(studio[0]), 0.05);
    const dimension = Object.values(Object.values(studio[0].terms.OnDemand)[0].priceDimensions)[0];
    assert.match(dimension.description, /per Studio-Notebook ml\.t3\.medium hour in US East \(N\. Virginia\)/);
    const notebook = items.find((i) => i.product.attributes.component === 'Notebook')!;
    assert.equal(notebook.product.attributes.usagetype, 'USE1-Notebk:ml.t3.medium');
    assert.notEqual(notebook.product.sku, studio[0].product.sku);
  });

  it('answers every component of a region, and a notebook type that hosting does not offer is a notebook price only', async () => {
    const region = parse(
      (
        await pricing.send(
          new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: [term('regionCode', 'eu-west-1')] }),
        )
      ).PriceList,
    );
    const components = new Set(region.map((i) => i.product.attributes.component));
    for (const c of ['Notebook', 'Hosting', 'Training', 'Processing', 'Batch Transform', 'Studio-Notebook'])
      assert.ok(components.has(c), c);
    assert.ok(region.every((i) => i.product.attributes.regionCode === 'eu-west-1'));
    const t2 = region.filter((i) => i.product.attributes.instanceName === 'ml.t2.medium');
    assert.deepEqual(
      t2.map((i) => i.product.attributes.component),
      ['Notebook'],
    );
    const m5 = region.find(
      (i) => i.product.attributes.instanceName === 'ml.m5.large' && i.product.attributes.component === 'Hosting',
    )!;
    assert.ok(usd(m5) > 0.115, 'Ireland costs more than N. Virginia');
  });

  it('pages with MaxResults and a NextToken that only its own query accepts', async () => {
    const filters = [term('regionCode', 'us-east-1'), term('component', 'Training')];
    const first = await pricing.send(
      new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: filters, MaxResults: 4 }),
    );
    assert.equal(first.PriceList?.length, 4);
    assert.ok(first.NextToken);
    const seen = new Set(parse(first.PriceList).map((i) => i.product.sku));
    let token: string | undefined = first.NextToken;
    while (token) {
      const next: GetProductsCommandOutput = await pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: filters, MaxResults: 4, NextToken: token }),
      );
      for (const i of parse(next.PriceList)) seen.add(i.product.sku);
      token = next.NextToken;
    }
    const all = await pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: filters }));
    assert.equal(seen.size, all.PriceList?.length);
    assert.equal(all.NextToken, undefined, 'the default MaxResults (100) holds them all');
    await assert.rejects(
      pricing.send(
        new GetProductsCommand({
          ServiceCode: 'AmazonSageMaker',
          Filters: [term('regionCode', 'us-west-2')],
          NextToken: first.NextToken,
        }),
      ),
      (e: Error) => e.name === 'InvalidNextTokenException',
    );
    await assert.rejects(
      pricing.send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', MaxResults: 101 })),
      (e: Error) => e.name === 'ValidationException',
    );
  });

  it('refuses a filter type the model does not know and finds nothing for a type it does not price', async () => {
    await assert.rejects(
      pricing.send(
        new GetProductsCommand({
          ServiceCode: 'AmazonSageMaker',
          Filters: [{ Type: 'CONTAINS' as 'TERM_MATCH', Field: 'instanceName', Value: 'm5' }],
        }),
      ),
      (e: Error) => e.name === 'ValidationException',
    );
    const none = await pricing.send(
      new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: [term('instanceName', 'ml.r5.large')] }),
    );
    assert.deepEqual(none.PriceList, []);
  });

  it('describes the service and its attribute values', async () => {
    const services = await pricing.send(new DescribeServicesCommand({ ServiceCode: 'AmazonSageMaker' }));
    assert.equal(services.Services?.[0].ServiceCode, 'AmazonSageMaker');
    assert.ok(services.Services?.[0].AttributeNames?.includes('instanceName'));
    const regions = await pricing.send(
      new GetAttributeValuesCommand({ ServiceCode: 'AmazonSageMaker', AttributeName: 'regionCode' }),
    );
    assert.deepEqual(
      regions.AttributeValues?.map((v) => v.Value),
      ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2'],
    );
    await assert.rejects(
      pricing.send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonSageMaker', AttributeName: 'colour' })),
      (e: Error) => e.name === 'NotFoundException',
    );
  });

  it('answers only in us-east-1, eu-central-1 and ap-south-1', async () => {
    const frankfurt = new PricingClient({
      endpoint: emulator.url,
      region: 'eu-central-1',
      credentials,
      maxAttempts: 1,
    });
    const out = await frankfurt.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonSageMaker',
        Filters: [term('regionCode', 'us-west-2')],
        MaxResults: 1,
      }),
    );
    assert.equal(parse(out.PriceList)[0].product.attributes.regionCode, 'us-west-2');
    const oregon = new PricingClient({ endpoint: emulator.url, region: 'us-west-2', credentials, maxAttempts: 1 });
    await assert.rejects(
      oregon.send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker' })),
      (e: Error) => e.name === 'UnknownEndpoint' && /us-east-1, eu-central-1, ap-south-1/.test(e.message),
    );
    const calls = (await recorded(emulator.url)).filter((r) => r.service === 'pricing');
    assert.ok(calls.every((c) => (c.outputProblems ?? []).length === 0));
  });

  it('lists no processing or transform jobs, with the list filters checked against the model', async () => {
    const { sagemaker } = clientsFor(emulator.url);
    const processing = await sagemaker.send(new ListProcessingJobsCommand({ StatusEquals: 'InProgress' }));
    assert.deepEqual(processing.ProcessingJobSummaries, []);
    const transform = await sagemaker.send(new ListTransformJobsCommand({ StatusEquals: 'InProgress' }));
    assert.deepEqual(transform.TransformJobSummaries, []);
    await assert.rejects(
      sagemaker.send(new ListTransformJobsCommand({ StatusEquals: 'Running' as 'InProgress' })),
      (e: Error) => e.name === 'ValidationException',
    );
  });
});
