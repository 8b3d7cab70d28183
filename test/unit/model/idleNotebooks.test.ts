import * as assert from 'assert';
import { bill, idleKinds, rowDescription, type RunningResource } from '../../../src/model/costBill';
import { markIdle } from '../../../src/model/idleEndpoints';
import {
  DEFAULT_IDLE_NOTEBOOK_MINUTES,
  idleMinutesOf,
  idleNotebookMinutes,
  jupyterHostKey,
  markIdleHosts,
  quietMs,
  type JupyterActivity,
} from '../../../src/model/idleNotebooks';

// The server's clock (its Date header), an hour and a quarter after the last activity below.
const SERVER_DATE = 'Mon, 30 Nov 2026 13:15:30 GMT';
const kernel = (last: string, state = 'idle') => ({ last_activity: last, execution_state: state });
const activity = (extra: Partial<JupyterActivity>): JupyterActivity => ({
  kernels: [],
  terminals: [],
  serverDate: SERVER_DATE,
  ...extra,
});

const now = new Date('2026-11-30T13:00:00Z');
const instance = (name: string, type = 'ml.t3.medium'): RunningResource => ({
  kind: 'notebook-instance',
  name,
  instanceType: type,
  count: 1,
  since: new Date('2026-11-30T09:00:00Z'),
});
const space = (name: string, appType = 'JupyterLab'): RunningResource => ({
  kind: 'studio-space-app',
  name,
  domainId: 'd-abcdefghijkl',
  appType,
  instanceType: 'ml.t3.medium',
  count: 1,
  since: new Date('2026-11-30T09:00:00Z'),
});
const PRICES = { 'Notebook|ml.t3.medium': 0.05, 'Studio-Notebook|ml.t3.medium': 0.05, 'Hosting|ml.m5.large': 0.115 };

describe('cost: idle notebook instances and JupyterLab apps', () => {
  it('takes the minutes setting as whole minutes from 1 to a week, else the default of an hour', () => {
    assert.strictEqual(DEFAULT_IDLE_NOTEBOOK_MINUTES, 60);
    assert.deepStrictEqual(
      [1, 30.9, 10_080, 0, -5, 10_081, Number.NaN, '60', undefined].map(idleNotebookMinutes),
      [1, 30, 10_080, 60, 60, 60, 60, 60, 60],
    );
  });

  it("measures quiet from the latest kernel or terminal activity to the server's Date header, not the local clock", () => {
    const a = activity({
      kernels: [kernel('2026-11-30T12:00:30.928316Z'), kernel('2026-11-30T11:00:00.000000Z')],
      terminals: [{ last_activity: '2026-11-30T11:30:00.000000Z' }],
    });
    assert.strictEqual(quietMs(a), 75 * 60_000 - 928);
    assert.strictEqual(idleMinutesOf(a, 60), 74);
    assert.strictEqual(idleMinutesOf(a, 75), undefined, 'not yet 75 whole minutes');
    // A terminal typed in a minute ago keeps it busy, whatever the kernels did.
    const typing = activity({
      kernels: [kernel('2026-11-30T11:00:00Z')],
      terminals: [{ last_activity: '2026-11-30T13:14:30Z' }],
    });
    assert.strictEqual(quietMs(typing), 60_000);
    assert.strictEqual(idleMinutesOf(typing, 1), 1);
    assert.strictEqual(idleMinutesOf(typing, 2), undefined);
    // Activity within the Date header's second is no idleness, never a negative one.
    assert.strictEqual(quietMs(activity({ kernels: [kernel('2026-11-30T13:15:30.700Z')] })), 0);
  });

  it('never calls a busy kernel idle, however long ago its cell started', () => {
    const a = activity({ kernels: [kernel('2026-11-30T09:00:00Z', 'busy'), kernel('2026-11-30T09:00:00Z')] });
    assert.strictEqual(quietMs(a), undefined);
    assert.strictEqual(idleMinutesOf(a, 1), undefined);
  });

  it('says nothing without something to measure: no kernel or terminal, a time missing, no Date header', () => {
    assert.strictEqual(quietMs(activity({})), undefined);
    assert.strictEqual(quietMs(activity({ kernels: [{ execution_state: 'idle' }] })), undefined);
    assert.strictEqual(quietMs(activity({ terminals: [{ last_activity: 'yesterday-ish' }] })), undefined);
    assert.strictEqual(
      quietMs(activity({ kernels: [kernel('2026-11-30T09:00:00Z')], serverDate: undefined })),
      undefined,
    );
  });

  it('keys notebook instances and JupyterLab apps; Code Editor apps, endpoints and jobs have no Jupyter to read', () => {
    assert.strictEqual(jupyterHostKey(instance('lab')), 'notebook-instance:lab');
    assert.strictEqual(jupyterHostKey(space('experiments')), 'studio-space:d-abcdefghijkl/experiments');
    assert.strictEqual(jupyterHostKey(space('editor', 'CodeEditor')), undefined);
    assert.strictEqual(
      jupyterHostKey({ kind: 'endpoint-variant', name: 'e', variant: 'AllTraffic', count: 1 }),
      undefined,
    );
  });

  it("marks the idle hosts read with what an idle hour costs, adds them to the endpoints' idle total, leaves the rest", () => {
    const resources: RunningResource[] = [
      instance('quiet'),
      instance('working'),
      instance('not-connected'),
      instance('odd', 'ml.r5.large'),
      space('experiments'),
      { kind: 'endpoint-variant', name: 'unused', variant: 'AllTraffic', instanceType: 'ml.m5.large', count: 1 },
    ];
    const withEndpoint = markIdle(bill(resources, PRICES, now), new Set(['unused']), 24);
    const read = new Set([
      'notebook-instance:quiet',
      'notebook-instance:working',
      'notebook-instance:odd',
      'studio-space:d-abcdefghijkl/experiments',
    ]);
    const idle = new Map([
      ['notebook-instance:quiet', 75],
      ['notebook-instance:odd', 90],
      ['studio-space:d-abcdefghijkl/experiments', 61],
    ]);
    const b = markIdleHosts(withEndpoint, read, idle, 60);
    assert.deepStrictEqual(
      b.rows.map((r) => [r.resource.name, r.idle, r.activityRead]),
      [
        ['quiet', { minutes: 75, thresholdMinutes: 60, usdPerHour: 0.05 }, true],
        ['working', undefined, true],
        ['not-connected', undefined, undefined],
        ['odd', { minutes: 90, thresholdMinutes: 60, usdPerHour: undefined }, true],
        ['experiments', { minutes: 61, thresholdMinutes: 60, usdPerHour: 0.05 }, true],
        ['unused', { hours: 24, usdPerHour: 0.115 }, undefined],
      ],
    );
    assert.ok(Math.abs(b.idleUsdPerHour! - (0.115 + 0.05 + 0.05)) < 1e-9, `idle total ${b.idleUsdPerHour}`);
    assert.strictEqual(
      rowDescription(b.rows[0]),
      'idle 75 min: no kernel or terminal activity, $0.05 an idle hour · ml.t3.medium · $0.05/h · running 4h · $0.20 so far',
    );
    assert.match(
      rowDescription(b.rows[3]),
      /^idle 90 min: no kernel or terminal activity, price unknown an idle hour · /,
    );
    assert.ok(!rowDescription(b.rows[1]).includes('idle'));
    assert.strictEqual(idleKinds(b), 'idle endpoints and notebooks');
    assert.strictEqual(idleKinds(withEndpoint), 'idle endpoints');
  });

  it('starts the idle total when only hosts are idle, and leaves the bill as it was when nothing was read', () => {
    const b = bill([instance('quiet')], PRICES, now);
    const marked = markIdleHosts(
      b,
      new Set(['notebook-instance:quiet']),
      new Map([['notebook-instance:quiet', 60]]),
      60,
    );
    assert.strictEqual(marked.idleUsdPerHour, 0.05);
    assert.strictEqual(idleKinds(marked), 'idle notebooks');
    const busy = markIdleHosts(b, new Set(['notebook-instance:quiet']), new Map(), 60);
    assert.strictEqual(busy.idleUsdPerHour, undefined);
    assert.strictEqual(busy.rows[0].activityRead, true);
    assert.strictEqual(markIdleHosts(b, new Set(), new Map(), 60), b);
  });
});
