import * as assert from 'assert';
import { bill, rowDescription, type RunningResource } from '../../../src/model/costBill';
import {
  DEFAULT_IDLE_ENDPOINT_HOURS,
  idleEndpointNames,
  idleHours,
  invocationQueries,
  markIdle,
} from '../../../src/model/idleEndpoints';

const HOUR = 3_600_000;
const now = new Date('2026-11-30T12:00:00Z');
const since = (hours: number) => new Date(now.getTime() - hours * HOUR);

const variant = (name: string, variantName: string, extra: Partial<RunningResource> = {}): RunningResource => ({
  kind: 'endpoint-variant',
  name,
  variant: variantName,
  instanceType: 'ml.m5.large',
  count: 1,
  since: since(100),
  ...extra,
});

describe('cost: idle endpoints', () => {
  it('takes the hours setting as whole hours from 1 to 720, else the default of a day', () => {
    assert.strictEqual(DEFAULT_IDLE_ENDPOINT_HOURS, 24);
    assert.deepStrictEqual(
      [6, 6.7, 1, 720, 0, -3, 721, Number.NaN, '12', undefined].map(idleHours),
      [6, 6, 1, 720, 24, 24, 24, 24, 24, 24],
    );
  });

  it('asks for production variants on instances of endpoints older than the window, each with its own id', () => {
    const resources: RunningResource[] = [
      { kind: 'notebook-instance', name: 'nb', instanceType: 'ml.t3.medium', count: 1, since: since(100) },
      variant('shadowed', 'AllTraffic'),
      variant('shadowed', 'ShadowV4', { shadow: true }),
      variant('serverless', 'AllTraffic', { serverless: true, instanceType: undefined }),
      variant('young', 'AllTraffic', { since: since(2) }),
      variant('split', 'A'),
      variant('split', 'B'),
    ];
    assert.deepStrictEqual(invocationQueries(resources, 24, now), [
      { id: 'v0', endpoint: 'shadowed', variant: 'AllTraffic' },
      { id: 'v1', endpoint: 'split', variant: 'A' },
      { id: 'v2', endpoint: 'split', variant: 'B' },
    ]);
    assert.strictEqual(invocationQueries(resources, 1, now).length, 4, 'the two-hour-old endpoint counts in 1 h');
  });

  it('calls an endpoint idle only when every production variant served nothing', () => {
    const queries = [
      { id: 'v0', endpoint: 'quiet', variant: 'AllTraffic' },
      { id: 'v1', endpoint: 'split', variant: 'A' },
      { id: 'v2', endpoint: 'split', variant: 'B' },
      { id: 'v3', endpoint: 'busy', variant: 'AllTraffic' },
    ];
    const sums = new Map([
      ['v1', 0],
      ['v2', 3],
      ['v3', 1200],
    ]);
    assert.deepStrictEqual([...idleEndpointNames(queries, sums)], ['quiet']);
  });

  it("marks every row of an idle endpoint with what an idle hour of the whole endpoint costs, and the bill's idle total", () => {
    const resources = [
      variant('quiet', 'AllTraffic', { count: 2 }),
      variant('quiet', 'ShadowV4', { shadow: true }),
      variant('busy', 'AllTraffic'),
    ];
    const b = markIdle(bill(resources, { 'Hosting|ml.m5.large': 0.115 }, now), new Set(['quiet']), 24);
    assert.deepStrictEqual(
      b.rows.map((r) => r.idle && { hours: 'hours' in r.idle && r.idle.hours, usd: r.idle.usdPerHour!.toFixed(4) }),
      [{ hours: 24, usd: '0.3450' }, { hours: 24, usd: '0.3450' }, undefined],
    );
    assert.ok(Math.abs(b.idleUsdPerHour! - 0.345) < 1e-9);
    assert.match(rowDescription(b.rows[0]), /^idle 24 h: no invocations, \$0\.345 an idle hour · 2 × ml\.m5\.large · /);
    const unknown = markIdle(bill(resources, {}, now), new Set(['quiet']), 6);
    assert.match(rowDescription(unknown.rows[0]), /^idle 6 h: no invocations, price unknown an idle hour · /);
    const none = bill(resources, {}, now);
    assert.strictEqual(markIdle(none, new Set(), 24), none);
  });
});
