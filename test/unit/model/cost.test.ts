import * as assert from 'assert';
import {
  bill,
  costAlertMessage,
  formatUsd,
  neededPrices,
  rowDescription,
  rowLabel,
  statusBarText,
  type RunningResource,
} from '../../../src/model/costBill';
import { parsePriceItem, priceKey, pricingApiRegion, type PriceTable } from '../../../src/model/costPrices';

/** A PriceList item shaped as AWS sends it (abridged to the members the parser reads, plus neighbours). */
const item = (instanceName: string, component: string, usd: string, unit = 'Hrs') =>
  JSON.stringify({
    product: {
      productFamily: 'ML Instance',
      attributes: { regionCode: 'us-east-1', instanceName, component, usagetype: `USE1-Host:${instanceName}` },
      sku: 'ABC',
    },
    serviceCode: 'AmazonSageMaker',
    terms: {
      OnDemand: {
        'ABC.JRTCKXETXF': {
          priceDimensions: { 'ABC.JRTCKXETXF.6YS6EN2CT7': { unit, pricePerUnit: { USD: usd }, description: 'x' } },
        },
      },
    },
  });

const HOUR = 3_600_000;
const now = new Date('2026-11-30T12:00:00Z');
const since = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe('cost: price records', () => {
  it('reads the hourly USD price, instance type, component and region of a PriceList item (string or parsed)', () => {
    assert.deepStrictEqual(parsePriceItem(item('ml.m5.large', 'Hosting', '0.1150000000')), {
      instanceType: 'ml.m5.large',
      component: 'Hosting',
      regionCode: 'us-east-1',
      usdPerHour: 0.115,
    });
    assert.equal(parsePriceItem(JSON.parse(item('ml.t3.medium', 'Notebook', '0.05')))?.usdPerHour, 0.05);
  });

  it('is no price when the item is not an hourly, non-zero instance price or not JSON', () => {
    assert.equal(parsePriceItem(item('ml.m5.large', 'Hosting', '0.0000000000')), undefined);
    assert.equal(parsePriceItem(item('ml.m5.large', 'Hosting', '0.02', 'GB-Mo')), undefined);
    assert.equal(parsePriceItem('{"product":{}}'), undefined);
    assert.equal(parsePriceItem('not json'), undefined);
  });

  it('calls the Price List API at the nearest of its three endpoints', () => {
    assert.equal(pricingApiRegion('us-west-2'), 'us-east-1');
    assert.equal(pricingApiRegion('eu-west-1'), 'eu-central-1');
    assert.equal(pricingApiRegion('ap-northeast-1'), 'ap-south-1');
    assert.equal(pricingApiRegion('sa-east-1'), 'us-east-1');
  });
});

describe('cost: the bill', () => {
  const prices: PriceTable = {
    [priceKey('Notebook', 'ml.t2.medium')]: 0.0464,
    [priceKey('Hosting', 'ml.m5.large')]: 0.115,
    [priceKey('Training', 'ml.m5.xlarge')]: 0.23,
    [priceKey('Hosting', 'ml.r5.large')]: null,
  };
  const resources: RunningResource[] = [
    { kind: 'notebook-instance', name: 'nb', instanceType: 'ml.t2.medium', count: 1, since: since(2) },
    {
      kind: 'endpoint-variant',
      name: 'ep',
      variant: 'AllTraffic',
      instanceType: 'ml.m5.large',
      count: 2,
      since: since(10),
    },
    { kind: 'endpoint-variant', name: 'ep', variant: 'ShadowV4', shadow: true, instanceType: 'ml.m5.large', count: 1 },
    { kind: 'endpoint-variant', name: 'sl', variant: 'AllTraffic', serverless: true, count: 0 },
    { kind: 'endpoint-variant', name: 'odd', variant: 'AllTraffic', instanceType: 'ml.r5.large', count: 1 },
    { kind: 'training-job', name: 'spot', instanceType: 'ml.m5.xlarge', count: 1, spot: true, since: since(1) },
    { kind: 'autopilot-job', name: 'auto', count: 0, since: since(1) },
  ];

  it('asks each component × instance type once, none for serverless or Autopilot', () => {
    assert.deepStrictEqual(
      neededPrices(resources).map((p) => priceKey(p.component, p.instanceType)),
      ['Notebook|ml.t2.medium', 'Hosting|ml.m5.large', 'Hosting|ml.r5.large', 'Training|ml.m5.xlarge'],
    );
  });

  it('prices each row as price × count, with running time and cost so far, and totals the hourly rows', () => {
    const b = bill(resources, prices, now);
    assert.deepStrictEqual(
      b.rows.map((r) => [rowLabel(r.resource), r.billing, r.usdPerHour]),
      [
        ['nb', 'hourly', 0.0464],
        ['ep / AllTraffic', 'hourly', 0.23],
        ['ep / ShadowV4 (shadow)', 'hourly', 0.115],
        ['sl / AllTraffic', 'serverless', undefined],
        ['odd / AllTraffic', 'unknown', undefined],
        ['spot', 'spot', 0.23],
        ['auto', 'autopilot', undefined],
      ],
    );
    assert.ok(Math.abs(b.totalUsdPerHour - (0.0464 + 0.23 + 0.115)) < 1e-9, 'spot and unknown stay out of the total');
    assert.equal(b.unknownCount, 1);
    assert.ok(Math.abs(b.rows[1].costSoFarUsd! - 2.3) < 1e-9, '10 h × 2 × $0.115');
    assert.equal(rowDescription(b.rows[1]), '2 × ml.m5.large · $0.115/h × 2 = $0.23/h · running 10h · $2.30 so far');
    assert.equal(rowDescription(b.rows[4]), 'ml.r5.large · price unknown');
    assert.match(b.rows[3].priceText, /^serverless: billed per millisecond/);
    assert.match(b.rows[5].priceText, /^managed spot: billed per second used at the spot price, at most \$0\.23\/h/);
    assert.equal(statusBarText(b), 'SageMaker: $0.391/h+');
  });

  it("prices a Studio space's running app as Studio-Notebook usage of its instance type, named by space and app", () => {
    const apps: RunningResource[] = [
      {
        kind: 'studio-space-app',
        name: 'lab',
        domainId: 'd-1',
        appType: 'JupyterLab',
        instanceType: 'ml.t3.medium',
        count: 1,
        since: since(0.75),
      },
      {
        kind: 'studio-space-app',
        name: 'code',
        domainId: 'd-1',
        appType: 'CodeEditor',
        instanceType: 'ml.m5.large',
        count: 1,
      },
    ];
    assert.deepStrictEqual(
      neededPrices(apps).map((p) => priceKey(p.component, p.instanceType)),
      ['Studio-Notebook|ml.t3.medium', 'Studio-Notebook|ml.m5.large'],
    );
    const b = bill(
      apps,
      { [priceKey('Studio-Notebook', 'ml.t3.medium')]: 0.05, [priceKey('Notebook', 'ml.m5.large')]: 0.115 },
      now,
    );
    assert.deepStrictEqual(
      b.rows.map((r) => [rowLabel(r.resource), r.billing, r.usdPerHour]),
      [
        ['lab (JupyterLab space)', 'hourly', 0.05],
        ['code (Code Editor space)', 'unknown', undefined],
      ],
    );
    assert.equal(rowDescription(b.rows[0]), 'ml.t3.medium · $0.05/h · running 45m · $0.0375 so far');
  });

  it('formats dollars as people read a bill', () => {
    assert.equal(formatUsd(4.8234), '$4.82');
    assert.equal(formatUsd(0.0464), '$0.0464');
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(0.3), '$0.30');
  });

  it('alerts only above the threshold, naming what runs, dearest first', () => {
    const b = bill(resources, prices, now);
    assert.equal(costAlertMessage(b, 1), undefined);
    assert.equal(costAlertMessage(b, 0), undefined, 'no threshold set');
    assert.equal(
      costAlertMessage(b, 0.3),
      'SageMaker compute now costs $0.391/h, above your alert of $0.30/h: ep / AllTraffic $0.23/h, ep / ShadowV4 (shadow) $0.115/h, nb $0.0464/h.',
    );
  });
});
