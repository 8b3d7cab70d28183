// Registering a model, the Model Group panel, endpoint logs and invocation metrics in the real extension
// host, each run from the menu a user would use.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { InvokeOutcome } from '../../../src/commands/hosting/invokeEndpointCommand';
import type { RegisterOutcome } from '../../../src/commands/modelRegistry/registerModelCommand';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { EndpointMetricsPanel } from '../../../src/webviews/endpointMetrics/endpointMetricsPanel';
import type { ModelGroupPanel } from '../../../src/webviews/modelGroup/modelGroupPanel';
import {
  answerDecision,
  answerRegisterModel,
  answerTypedInvocation,
  confirmations,
  ROW,
} from '../support/answers/hosting';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';
import { endpointNode } from './support';

const JOB = 'abalone-autogluon-2021-07-05-18-03-21-457';
const METRICS = 's3://sagemaker-us-east-1-123456789012/AbalonePackageGroup/v3/evaluation/evaluation.json';

async function trainingJobNode(name: string): Promise<ExplorerNode> {
  const node = ((await (await host()).views.providers.trainingJobs.getChildren()) as ExplorerNode[]).find(
    (n) => n.resource?.name === name,
  );
  assert.ok(node, `${name} is on the first page of the Training Jobs view`);
  return node;
}

async function groupNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.modelRegistry;
  provider.refresh();
  return childNamed(provider as never, name);
}

/** Tests the endpoint with one typed CSV row from its menu, forgetting its content type first so the ask is known. */
async function invokeTimes(endpoint: string, times: number): Promise<void> {
  const node = await endpointNode(endpoint);
  await withWindow(async () => void (await run('changeInvokeContentType', node)));
  for (let i = 0; i < times; i++) {
    await withWindow(async (ui) => {
      answerTypedInvocation(ui, endpoint, ROW, i === 0 ? 'text/csv' : undefined, {
        hasEditor: !!vscode.window.activeTextEditor,
      });
      assert.strictEqual((await run<InvokeOutcome>('invokeEndpoint', node)).outcome, 'answered');
    });
  }
}

describe('Model registry and endpoint logs', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.modelRegistry.refresh();
  });

  it('registers the AutoGluon training job in a new group with its metrics, pending approval', async () => {
    const job = await trainingJobNode(JOB);
    await clearRequests();
    await withWindow(async (ui) => {
      const seen = answerRegisterModel(ui, { group: 'AbaloneAutoGluonGroup', create: true, metrics: METRICS });
      const result = await run<RegisterOutcome>('registerModel', job);
      assert.strictEqual(result.outcome, 'registered', result.message);
      assert.strictEqual(
        result.message,
        `Registered training job ${JOB} as AbaloneAutoGluonGroup v1 (PendingManualApproval).`,
      );
      assert.deepStrictEqual(ui.shown('info'), [result.message]);
      assert.ok(seen.groupsOffered.includes('AbalonePackageGroup'), 'existing groups are offered');
      assert.match(confirmations(ui)[0].detail, /^Creates the model package group AbaloneAutoGluonGroup\.$/m);
    });
    const created = (await recordedRequests()).find((r) => r.operation === 'CreateModelPackage')!.input as {
      ModelMetrics: { ModelQuality: { Statistics: { S3Uri: string } } };
      InferenceSpecification: { Containers: Array<{ ModelDataUrl: string }> };
    };
    assert.strictEqual(created.ModelMetrics.ModelQuality.Statistics.S3Uri, METRICS);
    assert.match(
      created.InferenceSpecification.Containers[0].ModelDataUrl,
      /abalone-autogluon-2021-07-05-18-03-21-457\/output\/model\.tar\.gz$/,
    );
    const panel = await withWindow(async () =>
      run<ModelGroupPanel>('openModelGroup', await groupNode('AbaloneAutoGluonGroup')),
    );
    await panel.whenLoaded();
    assert.deepStrictEqual(
      panel.model?.versions.map(
        (v) => `v${v.version} ${v.status} rmse ${v.metrics.find((m) => m.name === 'rmse')?.value}`,
      ),
      ['v1 PendingManualApproval rmse 1.4838999769750487'],
    );
    panel.dispose();
  });

  it('refuses a metrics location that is not an S3 object, or that does not exist, before registering', async () => {
    const job = await trainingJobNode(JOB);
    await clearRequests();
    await withWindow(async (ui) => {
      const bad = answerRegisterModel(ui, {
        group: 'AbalonePackageGroup',
        metrics: 'sagemaker-us-east-1-123456789012/evaluation.json',
        refusedAt: 'metrics',
      });
      assert.strictEqual((await run<RegisterOutcome>('registerModel', job)).outcome, 'cancelled');
      assert.deepStrictEqual(bad.refusals, [
        '"sagemaker-us-east-1-123456789012/evaluation.json" is not an S3 object URI like s3://bucket/evaluation/evaluation.json',
      ]);
    });
    await withWindow(async (ui) => {
      answerRegisterModel(ui, {
        group: 'AbalonePackageGroup',
        metrics: 's3://sagemaker-us-east-1-123456789012/nowhere/evaluation.json',
        confirm: false,
      });
      const missing = await run<RegisterOutcome>('registerModel', job);
      assert.strictEqual(missing.outcome, 'refused');
      assert.match(
        missing.message ?? '',
        /^There is no object at s3:\/\/sagemaker-us-east-1-123456789012\/nowhere\/evaluation\.json/,
      );
      assert.deepStrictEqual(ui.shown('warning'), [missing.message]);
    });
    assert.deepStrictEqual(
      (await recordedRequests()).filter((r) => r.operation.startsWith('CreateModelPackage')),
      [],
    );
  });

  it('shows every AbalonePackageGroup version with its metrics in the panel and approves v4 from it', async () => {
    const panel = await withWindow(async () =>
      run<ModelGroupPanel>('openModelGroup', await groupNode('AbalonePackageGroup')),
    );
    await panel.whenLoaded();
    assert.match(panel.html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
    const rows = panel.model!.versions.map(
      (v) => `v${v.version} ${v.status} ${v.metrics.map((m) => `${m.name}=${m.value}`).join(' ')}`,
    );
    assert.deepStrictEqual(rows, [
      'v4 PendingManualApproval mse=2.3214 rmse=1.5236',
      'v3 Approved mse=2.20195914166655 rmse=1.4838999769750487',
      'v2 Rejected mse=4.902 rmse=2.214',
      'v1 Approved mse=3.962805844773531 rmse=1.990679744402281',
    ]);
    assert.strictEqual(panel.model!.versions[3].createdBy, 'CDK Pipeline');
    await withWindow(async (ui) => {
      answerDecision(ui, 'Approve', 'AbalonePackageGroup v4', 'RMSE 1.52 within tolerance', true);
      // What the panel's Approve button runs.
      const decided = await panel.decide(panel.model!.versions[0].arn, 'Approved');
      assert.strictEqual(decided.outcome, 'decided');
      assert.match(confirmations(ui)[0].detail, /Currently approved: v3/);
      assert.deepStrictEqual(ui.shown('info'), ['Approved AbalonePackageGroup v4.']);
    });
    assert.strictEqual(panel.model!.versions[0].status, 'Approved', 'the panel shows the decision at once');
    assert.strictEqual(panel.model!.notice?.text, 'Approved AbalonePackageGroup v4.');
    panel.dispose();
  });

  it("opens the abalone endpoint's log and follows the line a new invocation writes", async () => {
    const document = await withWindow(async () =>
      run<vscode.TextDocument>('openEndpointLogs', await endpointNode('abalone-endpoint')),
    );
    assert.match(document.getText(), /AllTraffic\/i-0a1b2c3d4e5f60718 {2}Model loaded: xgboost-model/);
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document === document),
      'the log is open',
    );
    await invokeTimes('abalone-endpoint', 1);
    await (await host()).logs.refresh();
    await until(
      'the invocation line in the log document',
      () => /POST \/invocations text\/csv \d+ bytes -> 200/.test(document.getText()) || undefined,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Endpoint invocation metrics', function () {
  this.timeout(60_000);

  it("charts a day of the abalone endpoint's CloudWatch metrics and counts new invocations", async () => {
    const node = await endpointNode('abalone-endpoint');
    await clearRequests();
    const panel = await withWindow(async () => run<EndpointMetricsPanel>('showEndpointMetrics', node));
    await panel.whenLoaded();
    const m = panel.model!;
    assert.match(panel.html, /script-src 'nonce-/);
    assert.deepStrictEqual([m.variant, m.range, m.periodSeconds, m.times.length], ['AllTraffic', '24h', 3600, 24]);
    assert.ok(m.totals.invocations > 1000, `a working day of traffic (${m.totals.invocations})`);
    assert.ok(
      m.totals.averageLatencyMs! > 3 && m.totals.averageLatencyMs! < 10,
      `latency in ms (${m.totals.averageLatencyMs})`,
    );
    assert.deepStrictEqual(
      (await recordedRequests()).map((r) => r.operation),
      ['DescribeEndpoint', 'GetMetricData'],
      'one describe, one metrics call',
    );
    const before = m.totals.invocations;
    await invokeTimes('abalone-endpoint', 3);
    await panel.select('3h');
    assert.strictEqual(panel.model!.periodSeconds, 300);
    await panel.select('24h');
    assert.strictEqual(panel.model!.totals.invocations, before + 3, 'the three invocations are counted');
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says when a variant has no invocations rather than drawing an empty chart', async () => {
    const panel = await withWindow(async () =>
      run<EndpointMetricsPanel>('showEndpointMetrics', 'abalone-staging-endpoint'),
    );
    await panel.whenLoaded();
    assert.strictEqual(
      panel.model!.notice?.text,
      'abalone-staging-endpoint has no serving variant, so it has no invocation metrics.',
    );
    panel.dispose();
  });
});
