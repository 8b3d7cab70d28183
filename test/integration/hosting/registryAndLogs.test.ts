// Registering a model, the Model Group panel and endpoint logs in the real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RegisterPrompts } from '../../../src/commands/modelRegistry/registerModelCommand';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';

const JOB = { resource: { kind: 'training-job', name: 'abalone-autogluon-2021-07-05-18-03-21-457' } };
const METRICS = 's3://sagemaker-us-east-1-123456789012/AbalonePackageGroup/v3/evaluation/evaluation.json';

function registerPrompts(group: { name: string; create: boolean }, metrics: string, seen: string[] = []): RegisterPrompts {
  return {
    group: async (existing) => (seen.push(existing.join(',')), group),
    metricsLocation: async () => metrics,
    approval: async () => 'PendingManualApproval',
    confirm: async (question, detail) => (seen.push(question, detail), true),
  };
}

describe('Model registry and endpoint logs', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.modelRegistry.refresh();
  });

  it('registers the AutoGluon training job in a new group with its metrics, pending approval', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(JOB))!;
    const seen: string[] = [];
    await clearRequests();
    const result = await api.hosting.register(source, registerPrompts({ name: 'AbaloneAutoGluonGroup', create: true }, METRICS, seen));
    assert.strictEqual(result.outcome, 'registered', result.message);
    assert.strictEqual(result.message, `Registered ${source.label} as AbaloneAutoGluonGroup v1 (PendingManualApproval).`);
    assert.match(seen[0], /AbalonePackageGroup/, 'existing groups are offered');
    assert.match(seen[2], /^Creates the model package group AbaloneAutoGluonGroup\.$/m);
    const created = (await recordedRequests()).find((r) => r.operation === 'CreateModelPackage')!.input as { ModelMetrics: { ModelQuality: { Statistics: { S3Uri: string } } }; InferenceSpecification: { Containers: Array<{ ModelDataUrl: string }> } };
    assert.strictEqual(created.ModelMetrics.ModelQuality.Statistics.S3Uri, METRICS);
    assert.match(created.InferenceSpecification.Containers[0].ModelDataUrl, /abalone-autogluon-2021-07-05-18-03-21-457\/output\/model\.tar\.gz$/);
    const panel = api.hosting.openModelGroup('AbaloneAutoGluonGroup');
    await panel.whenLoaded();
    assert.deepStrictEqual(panel.model?.versions.map((v) => `v${v.version} ${v.status} rmse ${v.metrics.find((m) => m.name === 'rmse')?.value}`), ['v1 PendingManualApproval rmse 1.4838999769750487']);
    panel.dispose();
  });

  it('refuses a metrics location that is not an S3 object, or that does not exist, before registering', async () => {
    const api = await workbench();
    const source = (await api.hosting.source(JOB))!;
    await clearRequests();
    const bad = await api.hosting.register(source, registerPrompts({ name: 'AbalonePackageGroup', create: false }, 'sagemaker-us-east-1-123456789012/evaluation.json'));
    assert.deepStrictEqual([bad.outcome, bad.message], ['refused', '"sagemaker-us-east-1-123456789012/evaluation.json" is not an S3 object URI like s3://bucket/evaluation/evaluation.json']);
    const missing = await api.hosting.register(source, registerPrompts({ name: 'AbalonePackageGroup', create: false }, 's3://sagemaker-us-east-1-123456789012/nowhere/evaluation.json'));
    assert.match(missing.message ?? '', /^There is no object at s3:\/\/sagemaker-us-east-1-123456789012\/nowhere\/evaluation\.json/);
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation.startsWith('CreateModelPackage')), []);
  });

  it('shows every AbalonePackageGroup version with its metrics in the panel and approves v4 from it', async () => {
    const api = await workbench();
    const panel = api.hosting.openModelGroup('AbalonePackageGroup');
    await panel.whenLoaded();
    assert.match(panel.html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
    const rows = panel.model!.versions.map((v) => `v${v.version} ${v.status} ${v.metrics.map((m) => `${m.name}=${m.value}`).join(' ')}`);
    assert.deepStrictEqual(rows, [
      'v4 PendingManualApproval mse=2.3214 rmse=1.5236',
      'v3 Approved mse=2.20195914166655 rmse=1.4838999769750487',
      'v2 Rejected mse=4.902 rmse=2.214',
      'v1 Approved mse=3.962805844773531 rmse=1.990679744402281',
    ]);
    assert.strictEqual(panel.model!.versions[3].createdBy, 'CDK Pipeline');
    const details: string[] = [];
    panel.prompts = { comment: async () => 'RMSE 1.52 within tolerance', confirm: async (_q, d) => (details.push(d), true) };
    const decided = await panel.decide(panel.model!.versions[0].arn, 'Approved');
    assert.strictEqual(decided.outcome, 'decided');
    assert.match(details[0], /Currently approved: v3/);
    assert.strictEqual(panel.model!.versions[0].status, 'Approved', 'the panel shows the decision at once');
    assert.strictEqual(panel.model!.notice?.text, 'Approved AbalonePackageGroup v4.');
    panel.dispose();
  });

  it('opens the abalone endpoint\'s log and follows the line a new invocation writes', async () => {
    const api = await workbench();
    const document = await api.hosting.logs.open('/aws/sagemaker/Endpoints/abalone-endpoint');
    assert.match(document.getText(), /AllTraffic\/i-0a1b2c3d4e5f60718 {2}Model loaded: xgboost-model/);
    await api.hosting.invoke('abalone-endpoint', { payloadSource: async () => 'typed', typedLine: async () => 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15', contentType: async () => 'text/csv' });
    await api.hosting.logs.refresh();
    await until('the invocation line in the log document', () => /POST \/invocations text\/csv \d+ bytes -> 200/.test(document.getText()) || undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Endpoint invocation metrics', function () {
  this.timeout(60_000);

  it('charts a day of the abalone endpoint\'s CloudWatch metrics and counts new invocations', async () => {
    const api = await workbench();
    await clearRequests();
    const panel = api.hosting.openMetrics('abalone-endpoint');
    await panel.whenLoaded();
    const m = panel.model!;
    assert.match(panel.html, /script-src 'nonce-/);
    assert.deepStrictEqual([m.variant, m.range, m.periodSeconds, m.times.length], ['AllTraffic', '24h', 3600, 24]);
    assert.ok(m.totals.invocations > 1000, `a working day of traffic (${m.totals.invocations})`);
    assert.ok(m.totals.averageLatencyMs! > 3 && m.totals.averageLatencyMs! < 10, `latency in ms (${m.totals.averageLatencyMs})`);
    assert.deepStrictEqual((await recordedRequests()).map((r) => r.operation), ['DescribeEndpoint', 'GetMetricData'], 'one describe, one metrics call');
    const before = m.totals.invocations;
    for (let i = 0; i < 3; i++) await api.hosting.invoke('abalone-endpoint', { payloadSource: async () => 'typed', typedLine: async () => 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15', contentType: async () => 'text/csv' });
    await panel.select('3h');
    assert.strictEqual(panel.model!.periodSeconds, 300);
    await panel.select('24h');
    assert.strictEqual(panel.model!.totals.invocations, before + 3, 'the three invocations are counted');
    panel.dispose();
  });

  it('says when a variant has no invocations rather than drawing an empty chart', async () => {
    const api = await workbench();
    const panel = api.hosting.openMetrics('abalone-staging-endpoint');
    await panel.whenLoaded();
    assert.strictEqual(panel.model!.notice?.text, 'abalone-staging-endpoint has no serving variant, so it has no invocation metrics.');
    panel.dispose();
  });
});
