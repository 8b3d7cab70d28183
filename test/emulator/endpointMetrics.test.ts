// CloudWatch GetMetricData over the seeded endpoints as the Running Now view asks it: one call with a query per
// endpoint variant and one period spanning the window; the endpoint nobody calls sums to nothing, a served one does;
// the limits AWS gives in prose (500 queries a call, unique ids starting with a lowercase letter, whole minutes).
import * as assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const DAY_S = 86_400;

const invocations = (Id: string, endpoint: string, Period = DAY_S): MetricDataQuery => ({
  Id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocations',
      Dimensions: [
        { Name: 'EndpointName', Value: endpoint },
        { Name: 'VariantName', Value: 'AllTraffic' },
      ],
    },
    Period,
    Stat: 'Sum',
  },
});

describe('emulator CloudWatch endpoint metrics', function () {
  let emulator: RunningEmulator;
  let cloudwatch: CloudWatchClient;
  const window = () => ({ EndTime: new Date(), StartTime: new Date(Date.now() - DAY_S * 1000) });
  beforeEach(async () => {
    emulator = await emulatorForTest();
    cloudwatch = new CloudWatchClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterEach(async () => emulator.close());

  it('sums a day of Invocations per variant in one call: the idle seeded endpoint has no data point', async () => {
    const out = await cloudwatch.send(
      new GetMetricDataCommand({
        ...window(),
        MetricDataQueries: [
          invocations('busy', 'fraud-detection-endpoint'),
          invocations('idle', 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12'),
        ],
      }),
    );
    const [busy, idle] = out.MetricDataResults ?? [];
    assert.equal(busy.Id, 'busy');
    assert.equal(busy.Values?.length, 1, 'one period spans the window');
    assert.ok(busy.Values![0] > 100, `a day of traffic: ${busy.Values}`);
    assert.deepEqual([idle.Id, idle.Values, idle.StatusCode], ['idle', [], 'Complete']);
  });

  it('takes 500 queries in a call and refuses 501', async () => {
    const queries = (n: number) => Array.from({ length: n }, (_, i) => invocations(`q${i}`, `endpoint-${i}`));
    const out = await cloudwatch.send(new GetMetricDataCommand({ ...window(), MetricDataQueries: queries(500) }));
    assert.equal(out.MetricDataResults?.length, 500);
    await assert.rejects(cloudwatch.send(new GetMetricDataCommand({ ...window(), MetricDataQueries: queries(501) })), {
      name: 'InvalidParameterValueException',
      message: 'The collection MetricDataQueries must not have a size greater than 500.',
    });
  });

  it('refuses duplicate ids, an id not starting with a lowercase letter, a period not in whole minutes', async () => {
    const refused = async (MetricDataQueries: MetricDataQuery[], message: RegExp) =>
      assert.rejects(cloudwatch.send(new GetMetricDataCommand({ ...window(), MetricDataQueries })), {
        name: 'InvalidParameterValueException',
        message,
      });
    await refused([invocations('a', 'x'), invocations('a', 'y')], /The value a .* is not unique/);
    await refused([invocations('Busy', 'x')], /The value Busy .* must start with a lowercase letter/);
    await refused([invocations('a', 'x', 90)], /must be a multiple of 60/);
    await assert.rejects(
      cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(),
          EndTime: new Date(Date.now() - 60_000),
          MetricDataQueries: [invocations('a', 'x')],
        }),
      ),
      { name: 'InvalidParameterValueException', message: /StartTime must be less than .*EndTime/ },
    );
  });
});
