// The live bill in the real extension host against the seeded account: what runs, each row's on-demand price ×
// instance count from the Price List API (called in us-east-1 whatever the working region), the total in the view
// and the status bar, a start and a one-click stop moving it, an instance type the price list does not have shown as
// "price unknown", a one-click endpoint delete, the cost alert said once, the endpoint nothing calls marked idle
// from one GetMetricData for every endpoint shown, endpoint configurations described once a session, and the running
// Studio space's app billed from ListApps and stopped from its row with the Studio view's own Stop Space….
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateNotebookInstanceCommand,
} from '@aws-sdk/client-sagemaker';
import { runningNow } from '../../../src/commands/cost/activateCost';
import { pace } from '../../../src/ui/pace';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { billRow, shownBill } from '../support/runningNowBill';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';

type Outcome = { outcome: string; message?: string };
const LAB = 'ml-pipeline-lab-notebook';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
/** The seeded Studio space whose JupyterLab app runs (ml.t3.medium, started 45 minutes before the emulator). */
const SPACE = 'autopilot-experiments';
const SPACE_ROW = `${SPACE} (JupyterLab space)`;
/** The seeded endpoint left running since 2021 that nothing calls: zero Invocations in CloudWatch. */
const IDLE = 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12';

/**
 * The seeded account once its starting instance is InService and its running training and Autopilot jobs have
 * finished (on the emulator's scaled clock, seconds after a reset).
 */
const SEEDED: Array<[string, string, number | undefined]> = [
  ['FraudDetectionNotebookInstance', 'ml.t2.medium · $0.0464/h', 0.0464],
  ['abalone-autopilot-notebook', 'ml.m5.xlarge · $0.23/h', 0.23],
  [SPACE_ROW, 'ml.t3.medium · $0.05/h', 0.05],
  ['abalone-endpoint / AllTraffic', 'ml.m5.large · $0.115/h', 0.115],
  ['abalone-endpoint / ShadowV4 (shadow)', 'ml.m5.large · $0.115/h', 0.115],
  [
    'abalone-serverless-endpoint / AllTraffic',
    'serverless: billed per millisecond of inference and per GB processed, not per hour',
    undefined,
  ],
  ['abalone-inference-pipeline-endpoint / AllTraffic', 'ml.c5.xlarge · $0.204/h', 0.204],
  [`${IDLE} / AllTraffic`, 'idle 24 h: no invocations, $0.23 an idle hour · ml.m5.xlarge · $0.23/h', 0.23],
  ['fraud-detection-endpoint / AllTraffic', 'ml.m4.xlarge · $0.24/h', 0.24],
];
const SEEDED_TOTAL = 0.0464 + 0.23 + 0.05 + 0.115 + 0.115 + 0.204 + 0.23 + 0.24;

/** The seeded account settled: the starting instance InService, the running training job done. */
const settled = () =>
  until(
    'the seeded instance to be InService and the seeded training and Autopilot jobs to finish',
    async () => {
      const bill = await shownBill();
      const names = bill.rows.map((r) => r.label);
      return names.includes('abalone-autopilot-notebook') &&
        !bill.rows.some((r) => ['training-job', 'autopilot-job'].includes(r.node.row.resource.kind))
        ? bill
        : undefined;
    },
    20_000,
  );

const pricingCalls = async () => (await recordedRequests()).filter((r) => r.service === 'pricing');

describe('Running Now: the live bill of SageMaker compute', function () {
  this.timeout(120_000);
  let followSeconds: number;
  before(async () => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
    await resetEmulator();
    await run('refreshPrices');
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('costAlertPerHour', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('idleEndpointHours', undefined, vscode.ConfigurationTarget.Global);
    await resetEmulator();
  });

  it("bills the seeded account: each row's on-demand price × count, the total in the view and the status bar", async () => {
    const bill = await settled();
    for (const [label, description, usd] of SEEDED) {
      const row = billRow(bill, label);
      assert.ok(row.description.startsWith(description), `${label}: ${row.description}`);
      const r = row.node.row;
      if (usd === undefined) assert.deepStrictEqual([r.billing, r.usdPerHour], ['serverless', undefined], label);
      else {
        assert.strictEqual(r.billing, 'hourly', label);
        assert.strictEqual(r.resource.count, 1, label);
        assert.ok(Math.abs(r.usdPerHour! - usd * r.resource.count) < 1e-9, `${label}: price × count`);
        assert.ok(r.costSoFarUsd! > 0, `${label} has cost something so far`);
        assert.match(row.description, /· running \S+.*· \$[0-9.]+ so far$/, label);
      }
    }
    assert.deepStrictEqual(bill.rows.map((r) => r.label).sort(), SEEDED.map(([l]) => l).sort(), 'nothing else runs');
    assert.strictEqual(SEEDED_TOTAL.toFixed(2), '1.23');
    assert.strictEqual(bill.total, 'Total $1.23/h in us-east-1');
    assert.strictEqual(
      bill.totalDescription,
      'on-demand prices from the AWS Price List; $0.23/h of it on idle endpoints',
    );
    assert.ok(Math.abs(runningNow().provider.last!.bill.totalUsdPerHour - SEEDED_TOTAL) < 1e-9);
    assert.strictEqual(runningNow().statusBar.text, '$(credit-card) SageMaker: $1.23/h');
  });

  it('asks the Price List API in us-east-1 once per component and instance type a day, again on Refresh Prices', async () => {
    await settled();
    await clearRequests();
    await shownBill();
    assert.deepStrictEqual(await pricingCalls(), [], 'prices come from the day-long cache');
    const sagemaker = (await recordedRequests()).filter((r) => r.service === 'sagemaker').map((r) => r.operation);
    assert.strictEqual(sagemaker.filter((o) => o === 'DescribeEndpoint').length, 5, 'one per InService endpoint');
    assert.ok(!sagemaker.includes('DescribeNotebookInstance'), 'notebook rows come from the list call');
    await clearRequests();
    await withWindow(async (ui) => {
      const refreshed = await run<Outcome>('refreshPrices');
      assert.strictEqual(refreshed.outcome, 'done');
      assert.deepStrictEqual(ui.shown('info'), [
        'Prices read again from the AWS Price List: SageMaker: $1.23/h in us-east-1.',
      ]);
    });
    const calls = await pricingCalls();
    assert.ok(
      calls.every((c) => c.operation === 'GetProducts' && (c as { region?: string }).region === 'us-east-1'),
      JSON.stringify(calls.map((c) => [c.operation, (c as { region?: string }).region])),
    );
    const asked = calls
      .map((c) => {
        const filters = (c.input as { Filters: Array<{ Field: string; Value: string }> }).Filters;
        return filters.map((f) => `${f.Field}=${f.Value}`).join(' ');
      })
      .sort();
    assert.deepStrictEqual(asked, [
      'regionCode=us-east-1 instanceName=ml.c5.xlarge component=Hosting',
      'regionCode=us-east-1 instanceName=ml.m4.xlarge component=Hosting',
      'regionCode=us-east-1 instanceName=ml.m5.large component=Hosting',
      'regionCode=us-east-1 instanceName=ml.m5.xlarge component=Hosting',
      'regionCode=us-east-1 instanceName=ml.m5.xlarge component=Notebook',
      'regionCode=us-east-1 instanceName=ml.t2.medium component=Notebook',
      'regionCode=us-east-1 instanceName=ml.t3.medium component=Studio-Notebook',
    ]);
  });

  it('moves the total when an instance starts, and back when the one-click Stop stops it', async () => {
    await settled();
    await withWindow(async () => {
      const started = await run<Outcome>('startNotebookInstance', LAB);
      assert.strictEqual(started.outcome, 'done', started.message);
    });
    const running = await shownBill();
    assert.ok(billRow(running, LAB).description.startsWith('ml.t3.medium · $0.05/h'));
    assert.strictEqual(running.total, 'Total $1.28/h in us-east-1');
    assert.strictEqual(runningNow().statusBar.text, '$(credit-card) SageMaker: $1.28/h');

    await clearRequests();
    await withWindow(async (ui) => {
      ui.onMessage(`Stop notebook instance ${LAB}?`, 'Stop');
      const stopped = await run<Outcome>('stopRunningNotebookInstance', billRow(running, LAB).node);
      assert.deepStrictEqual([stopped.outcome, stopped.message], ['done', `${LAB} is Stopped.`]);
      const asked = ui.messages.find((m) => m.modal)!;
      assert.match(asked.detail ?? '', /billing for the instance stops/);
    });
    // The views and the kernel picker may list meanwhile; the command's own calls come first.
    const ops = (await recordedRequests()).map((r) => r.operation).filter((o) => !o.startsWith('List'));
    assert.deepStrictEqual(ops.slice(0, 2), ['DescribeNotebookInstance', 'StopNotebookInstance']);
    const after = await shownBill();
    assert.ok(!after.rows.some((r) => r.label === LAB));
    assert.strictEqual(after.total, 'Total $1.23/h in us-east-1');
  });

  it('says "price unknown" for an instance type the price list does not have, never $0, and leaves it out of the total', async () => {
    await settled();
    const wb = await host();
    await (
      await wb.session.clients.sagemaker()
    ).send(
      new CreateNotebookInstanceCommand({
        NotebookInstanceName: 'memory-heavy-notebook',
        InstanceType: 'ml.r5.large',
        RoleArn: ROLE,
      }),
    );
    const bill = await until('the new instance to be InService', async () => {
      const b = await shownBill();
      return b.rows.some((r) => r.label === 'memory-heavy-notebook') ? b : undefined;
    });
    const row = billRow(bill, 'memory-heavy-notebook');
    assert.match(row.description, /^ml\.r5\.large · price unknown · running /);
    assert.ok(!row.description.includes('$'), row.description);
    assert.deepStrictEqual([row.node.row.billing, row.node.row.usdPerHour], ['unknown', undefined]);
    assert.strictEqual(bill.total, 'Total $1.23/h in us-east-1');
    assert.strictEqual(
      bill.totalDescription,
      'on-demand prices; 1 with price unknown not included; $0.23/h of it on idle endpoints',
    );
    assert.strictEqual(runningNow().statusBar.text, '$(credit-card) SageMaker: $1.23/h+');
  });

  it('deletes an endpoint with one click after its name is typed, and the total drops by its price', async () => {
    const before = await settled();
    const endpoint = 'fraud-detection-endpoint';
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(`Delete endpoint ${endpoint}`, endpoint);
      ui.onQuickPick('Also delete (optional)', (p) => p.pickMany([]));
      const result = await run<Outcome>('deleteRunningEndpoint', billRow(before, `${endpoint} / AllTraffic`).node);
      assert.deepStrictEqual([result.outcome, result.message], ['deleted', `Deleted endpoint ${endpoint}.`]);
    });
    const deletes = (await recordedRequests()).filter((r) => r.operation.startsWith('Delete')).map((r) => r.operation);
    assert.deepStrictEqual(deletes, ['DeleteEndpoint']);
    const after = await until('the deleted endpoint to leave the bill', async () => {
      const b = await shownBill();
      return b.rows.some((r) => r.label.startsWith(endpoint)) ? undefined : b;
    });
    assert.strictEqual(after.total, 'Total $0.99/h in us-east-1');
  });

  it('tells the user once when the total passes the alert threshold, naming what runs', async () => {
    await settled();
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('costAlertPerHour', 1, vscode.ConfigurationTarget.Global);
    await withWindow(async (ui) => {
      await shownBill();
      await shownBill();
      assert.deepStrictEqual(ui.shown('warning'), [
        'SageMaker compute now costs $1.23/h, above your alert of $1.00/h: fraud-detection-endpoint / AllTraffic $0.24/h, ' +
          'abalone-autopilot-notebook $0.23/h, cmapss-XGBoostEndpoint-2021-01-07-16-30-12 / AllTraffic $0.23/h, ' +
          'abalone-inference-pipeline-endpoint / AllTraffic $0.204/h, abalone-endpoint / AllTraffic $0.115/h and 3 more.',
      ]);
      assert.deepStrictEqual(ui.messages[0].items, ['Show Running Now']);
    });
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('costAlertPerHour', 2, vscode.ConfigurationTarget.Global);
    await withWindow(async (ui) => {
      await shownBill();
      assert.deepStrictEqual(ui.shown('warning'), [], 'under the threshold: nothing said');
    });
  });

  it('marks the endpoint nothing calls idle with what an idle hour costs, from one GetMetricData for all endpoints shown', async () => {
    await settled();
    await clearRequests();
    const bill = await shownBill();
    const idle = billRow(bill, `${IDLE} / AllTraffic`);
    assert.ok(
      idle.description.startsWith('idle 24 h: no invocations, $0.23 an idle hour · ml.m5.xlarge · $0.23/h · running '),
      idle.description,
    );
    assert.deepStrictEqual(idle.node.row.idle, { hours: 24, usdPerHour: 0.23 });
    const idleItem = await idle.node.getTreeItem();
    // appendText escapes the text as Markdown (spaces as &nbsp;): read it as the hover shows it.
    const tooltip = (idleItem.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /No invocations in the last 24 h .*its instances are billed all the same/);
    for (const row of bill.rows.filter((r) => r.node.row.resource.kind === 'endpoint-variant' && r !== idle)) {
      assert.strictEqual(row.node.row.idle, undefined, `${row.label} serves traffic`);
      assert.ok(!row.description.startsWith('idle'), row.description);
    }
    const metricCalls = (await recordedRequests()).filter((r) => r.operation === 'GetMetricData');
    assert.strictEqual(metricCalls.length, 1, 'one GetMetricData for the refresh');
    assert.strictEqual(metricCalls[0].service, 'monitoring');
    type Query = {
      Id: string;
      MetricStat: {
        Metric: { Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: string }> };
        Period: number;
        Stat: string;
      };
    };
    const asked = (metricCalls[0].input as { MetricDataQueries: Query[] }).MetricDataQueries.map((q) => {
      const m = q.MetricStat.Metric;
      assert.deepStrictEqual(
        [m.Namespace, m.MetricName, q.MetricStat.Stat, q.MetricStat.Period],
        ['AWS/SageMaker', 'Invocations', 'Sum', 86_400],
      );
      return m.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(' ');
    });
    // Every production variant on instances; the shadow mirrors production and serverless costs nothing idle.
    assert.deepStrictEqual(asked.sort(), [
      'EndpointName=abalone-endpoint VariantName=AllTraffic',
      'EndpointName=abalone-inference-pipeline-endpoint VariantName=AllTraffic',
      `EndpointName=${IDLE} VariantName=AllTraffic`,
      'EndpointName=fraud-detection-endpoint VariantName=AllTraffic',
    ]);

    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(`Delete endpoint ${IDLE}`, async (p) => {
        assert.strictEqual(
          p.prompt,
          `The endpoint stops serving at once and cannot be restored. Type ${IDLE} to confirm.`,
        );
        assert.strictEqual(await p.type('cmapss'), `Type the endpoint's name exactly: ${IDLE}`);
        assert.strictEqual(await p.type(IDLE), undefined);
      });
      ui.onQuickPick('Also delete (optional)', (p) => {
        assert.deepStrictEqual(
          p.items.map((i) => i.label),
          [`configuration ${IDLE}`, `model ${IDLE}`],
        );
        p.pickMany([`configuration ${IDLE}`, `model ${IDLE}`]);
      });
      const result = await run<Outcome>('deleteRunningEndpoint', idle.node);
      assert.deepStrictEqual(
        [result.outcome, result.message],
        ['deleted', `Deleted endpoint ${IDLE}, configuration ${IDLE}, model ${IDLE}.`],
      );
    });
    const deletes = (await recordedRequests()).filter((r) => r.operation.startsWith('Delete')).map((r) => r.operation);
    assert.deepStrictEqual(deletes, ['DeleteEndpoint', 'DeleteEndpointConfig', 'DeleteModel']);
    const after = await until('the idle endpoint to leave the bill', async () => {
      const b = await shownBill();
      return b.rows.some((r) => r.label.startsWith(IDLE)) ? undefined : b;
    });
    assert.strictEqual(after.total, 'Total $1.00/h in us-east-1');
    assert.strictEqual(after.totalDescription, 'on-demand prices from the AWS Price List');
  });

  it('asks CloudWatch over the window set in sagemakerWorkbench.idleEndpointHours and says it on the idle row', async () => {
    await settled();
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('idleEndpointHours', 6, vscode.ConfigurationTarget.Global);
    await clearRequests();
    const bill = await shownBill();
    assert.ok(
      billRow(bill, `${IDLE} / AllTraffic`).description.startsWith('idle 6 h: no invocations, $0.23 an idle hour'),
    );
    assert.strictEqual(billRow(bill, 'abalone-endpoint / AllTraffic').node.row.idle, undefined);
    const [call, ...more] = (await recordedRequests()).filter((r) => r.operation === 'GetMetricData');
    assert.strictEqual(more.length, 0, 'one GetMetricData');
    const input = call.input as {
      StartTime: string;
      EndTime: string;
      MetricDataQueries: Array<{ MetricStat: { Period: number } }>;
    };
    assert.ok(
      input.MetricDataQueries.every((q) => q.MetricStat.Period === 6 * 3600),
      'one period spans the 6 h',
    );
    assert.strictEqual(new Date(input.EndTime).getTime() - new Date(input.StartTime).getTime(), 6 * 3_600_000);
  });

  it('describes each endpoint configuration once a session: a refresh after the first makes no DescribeEndpointConfig', async () => {
    await settled();
    const wb = await host();
    const sagemaker = await wb.session.clients.sagemaker();
    await sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'abalone-canary-config',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'abalone-endpoint',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 1,
          },
        ],
      }),
    );
    await sagemaker.send(
      new CreateEndpointCommand({ EndpointName: 'abalone-canary', EndpointConfigName: 'abalone-canary-config' }),
    );
    await clearRequests();
    const first = await until('the new endpoint to be InService', async () => {
      const b = await shownBill();
      return b.rows.some((r) => r.label === 'abalone-canary / AllTraffic') ? b : undefined;
    });
    assert.ok(billRow(first, 'abalone-canary / AllTraffic').description.startsWith('ml.m5.large · $0.115/h'));
    const configReads = async () =>
      (await recordedRequests())
        .filter((r) => r.operation === 'DescribeEndpointConfig')
        .map((r) => (r.input as { EndpointConfigName: string }).EndpointConfigName);
    assert.deepStrictEqual(await configReads(), ['abalone-canary-config'], 'only the new configuration is read');
    await clearRequests();
    await shownBill();
    assert.deepStrictEqual(await configReads(), [], 'the second refresh reads no configuration');
    const describes = (await recordedRequests()).filter((r) => r.operation === 'DescribeEndpoint');
    assert.strictEqual(describes.length, 6, 'one DescribeEndpoint per InService endpoint, for its current counts');
  });

  it("bills the running Studio space's app at the Studio price from ListApps alone, and Stop on its row stops it and the total drops", async () => {
    await settled();
    await clearRequests();
    const bill = await shownBill();
    const row = billRow(bill, SPACE_ROW);
    const r = row.node.row;
    assert.deepStrictEqual(
      [r.resource.kind, r.resource.domainId, r.resource.appType, r.resource.instanceType, r.resource.count],
      ['studio-space-app', 'd-abcdefghijkl', 'JupyterLab', 'ml.t3.medium', 1],
    );
    assert.strictEqual(r.billing, 'hourly');
    assert.ok(Math.abs(r.usdPerHour! - 0.05 * 1) < 1e-9, 'the Studio-Notebook price of ml.t3.medium × 1');
    // Started 45 minutes before the emulator: it has run at least that long.
    assert.ok(r.runningMs! >= 45 * 60_000, `running ${r.runningMs} ms`);
    assert.ok(Math.abs(r.costSoFarUsd! - (0.05 * r.runningMs!) / 3_600_000) < 1e-9);
    assert.match(row.description, /^ml\.t3\.medium · \$0\.05\/h · running \d+m.* · \$0\.0[0-9]+ so far$/);
    assert.strictEqual((await row.node.getTreeItem()).contextValue, 'runningNow:studio-space-app');
    assert.strictEqual(bill.total, 'Total $1.23/h in us-east-1');
    assert.ok(
      Math.abs(runningNow().provider.last!.bill.totalUsdPerHour - SEEDED_TOTAL) < 1e-9,
      'the total includes it',
    );
    assert.strictEqual(runningNow().statusBar.text, '$(credit-card) SageMaker: $1.23/h');
    // The Studio view and the kernel picker list per domain (DomainIdEquals) if they list meanwhile; the bill lists
    // every domain's apps at once and describes no space or app.
    const calls = (await recordedRequests()).filter((c) => c.service === 'sagemaker');
    const billLists = calls.filter(
      (c) => c.operation === 'ListApps' && (c.input as { DomainIdEquals?: string }).DomainIdEquals === undefined,
    );
    assert.strictEqual(billLists.length, 1, 'one ListApps for every domain');
    assert.deepStrictEqual(
      calls.map((c) => c.operation).filter((o) => o === 'DescribeSpace' || o === 'DescribeApp'),
      [],
      'no describe per space or app',
    );

    await clearRequests();
    await withWindow(async (ui) => {
      ui.onMessage(`Stop space ${SPACE}?`, 'Stop');
      // The row's inline Stop is the Studio view's Stop Space… command, given the row as a menu gives it.
      const stopped = await run<Outcome>('stopSpace', row.node);
      assert.deepStrictEqual([stopped.outcome, stopped.message], ['done', `${SPACE} is Stopped; its storage is kept.`]);
      const asked = ui.messages.find((m) => m.modal)!;
      assert.match(asked.detail ?? '', /The space and its 20 GB storage \(\/home\/sagemaker-user\) stay/);
      assert.match(asked.detail ?? '', /billing for the instance stops/);
    });
    const deleted = (await recordedRequests()).filter((c) => c.operation === 'DeleteApp');
    assert.deepStrictEqual(
      deleted.map((c) => c.input),
      [{ DomainId: 'd-abcdefghijkl', SpaceName: SPACE, AppType: 'JupyterLab', AppName: 'default' }],
    );
    const after = await shownBill();
    assert.ok(!after.rows.some((x) => x.label === SPACE_ROW), after.rows.map((x) => x.label).join(', '));
    assert.strictEqual(after.total, 'Total $1.18/h in us-east-1');
    assert.strictEqual(runningNow().statusBar.text, '$(credit-card) SageMaker: $1.18/h');
  });
});
