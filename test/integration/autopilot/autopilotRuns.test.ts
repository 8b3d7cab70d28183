// Autopilot in the real extension host: the start wizard's plan checked (bad name, unknown target, bad
// objective) with nothing sent, a valid plan starting CreateAutoMLJobV2 on the abalone CSV (header read
// with a ranged GET), the job live in its leaderboard as candidates appear, stop; the leaderboard of
// the seeded abalone-v0 job ranked best first with every metric, exported as CSV, its notebooks opened,
// and a candidate deployed from it.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { StartAutoMlPrompts } from '../../../src/commands/autopilot/startAutoMlCommand';
import type { AutoMlPlan } from '../../../src/model/autoMlPlan';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';

const DATA = 's3://sagemaker-us-east-1-123456789012/abalone-v1/input/';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';

function startPrompts(over: Partial<AutoMlPlan>, seen: { columns?: string[]; roles?: string[]; detail?: string } = {}): StartAutoMlPrompts {
  return {
    plan: async (defaults, helpers) => {
      seen.columns = await helpers.columns(defaults.inputS3Uri).catch(() => []);
      seen.roles = helpers.roles.map((r) => r.name);
      return { ...defaults, jobName: 'abalone-v3', target: 'rings', problemType: 'Regression', objective: 'MSE', mode: 'ENSEMBLING', maxCandidates: 8, roleArn: ROLE, ...over };
    },
    confirm: async (_q, detail) => ((seen.detail = detail), true),
  };
}

const creates = async () => (await recordedRequests()).filter((r) => r.operation === 'CreateAutoMLJobV2');

describe('Autopilot experiments and leaderboard', function () {
  this.timeout(90_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await workbench()).views.providers.autopilot.refresh();
  });

  it('refuses a bad name, an unknown target and an objective of another problem type, sending nothing', async () => {
    const api = await workbench();
    await clearRequests();
    assert.match((await api.autopilot.start(DATA, startPrompts({ jobName: 'abalone_v3' }))).message!, /letters, digits and hyphens/);
    assert.strictEqual((await api.autopilot.start(DATA, startPrompts({ target: 'Rings' }))).message, 'The data has no column "Rings"; columns: sex, length, diameter, height, whole_weight, shucked_weight, viscera_weight, shell_weight, rings');
    assert.match((await api.autopilot.start(DATA, startPrompts({ objective: 'Accuracy' }))).message!, /Accuracy is not an objective for Regression/);
    assert.match((await api.autopilot.start('s3://sagemaker-us-east-1-123456789012/nowhere/', startPrompts({}))).message!, /^The training data cannot be read: There is no CSV file under/);
    assert.deepStrictEqual(await creates(), []);
    const ranged = (await recordedRequests()).filter((r) => r.operation === 'GetObject').map((r) => (r.input as { Range?: string }).Range);
    assert.ok(ranged.length > 0 && ranged.every((range) => range === 'bytes=0-65535'), 'the header is read with a ranged GET, never the whole object');
  });

  it('starts the abalone regression experiment and shows candidates live in its leaderboard; stops it', async () => {
    const api = await workbench();
    const seen: { columns?: string[]; roles?: string[]; detail?: string } = {};
    await clearRequests();
    const started = await api.autopilot.start(DATA, startPrompts({}, seen));
    assert.strictEqual(started.outcome, 'started', started.message);
    assert.deepStrictEqual(seen.columns?.slice(-2), ['shell_weight', 'rings']);
    assert.ok(seen.roles?.includes('AmazonSageMaker-ExecutionRole-20210705T170715'));
    assert.match(seen.detail!, /target rings/);
    const [create] = await creates();
    const input = create.input as { AutoMLProblemTypeConfig: { TabularJobConfig: Record<string, unknown> }; AutoMLJobObjective: { MetricName: string } };
    assert.deepStrictEqual([input.AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName, input.AutoMLProblemTypeConfig.TabularJobConfig.ProblemType, input.AutoMLProblemTypeConfig.TabularJobConfig.Mode, input.AutoMLJobObjective.MetricName], ['rings', 'Regression', 'ENSEMBLING', 'MSE']);

    const panel = api.autopilot.leaderboard('abalone-v3');
    await panel.whenLoaded();
    assert.match(panel.html, /default-src 'none'; script-src 'nonce-/);
    assert.strictEqual(panel.model?.status, 'InProgress');
    const first = panel.model!.rows.length;
    const status = () => panel.model!.status as string;
    await until('more candidates as the job trains', async () => (await panel.load(), panel.model!.rows.length > first || status() !== 'InProgress') || undefined, 20_000);
    assert.ok(panel.model!.rows.length > first || status() === 'Completed');
    const stopped = await api.autopilot.stop('abalone-v3', { confirm: async () => true });
    assert.ok(['stopped', 'failed'].includes(stopped.outcome), stopped.message);
  });

  it('ranks the seeded abalone-v0 candidates best first with every metric, exports them and opens the notebooks', async () => {
    const api = await workbench();
    await clearRequests();
    const panel = api.autopilot.leaderboard('abalone-v0');
    await panel.whenLoaded();
    const m = panel.model!;
    assert.strictEqual(m.rows.length, 250, 'every page of candidates');
    const lists = (await recordedRequests()).filter((r) => r.operation === 'ListCandidatesForAutoMLJob');
    assert.strictEqual(lists.length, 3, '250 candidates in pages of 100');
    assert.deepStrictEqual([m.objectiveName, m.maximize, m.rows[0].objective, m.rows[0].best], ['Accuracy', true, 0.2917381823062897, true]);
    assert.deepStrictEqual(m.metricNames, ['Accuracy', 'BalancedAccuracy', 'F1macro', 'LogLoss']);
    assert.ok(m.rows.every((r, i) => i === 0 || r.objective! <= m.rows[i - 1].objective!), 'best first');
    assert.strictEqual(m.explainability?.features?.[0].feature, 'shell_weight', 'the best candidate\'s feature importance, largest first');
    assert.match(m.explainability!.location, /abalone-v0\/documentation\/explainability\/output\/analysis\.json$/);
    assert.deepStrictEqual(m.modelQuality?.metrics?.map((x) => x.name), ['Accuracy', 'BalancedAccuracy', 'F1macro', 'LogLoss']);
    assert.strictEqual(m.modelQuality?.metrics?.[0].value, 0.2917381823062897, 'the best candidate\'s validation metrics');
    const analysis = await panel.openExplainability();
    assert.match(analysis!.getText(), /"global_shap_values"/);
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `smw-leaderboard-${process.pid}`));
    await vscode.workspace.fs.createDirectory(dir);
    try {
      const csv = await panel.exportCsv(vscode.Uri.joinPath(dir, 'abalone-v0.csv'));
      const lines = Buffer.from(await vscode.workspace.fs.readFile(csv!)).toString('utf8').trim().split('\n');
      assert.strictEqual(lines[0], 'rank,candidate,status,Accuracy,BalancedAccuracy,F1macro,LogLoss,algorithm,training_seconds,created');
      assert.match(lines[1], /,xgboost,\d+,20\d\d-/);
      assert.strictEqual(lines.length, 251);
      assert.match(lines[1], /^1,abalone-v0-\d{3}-[0-9a-f]{8},Completed,0\.2917381823062897,/);
      const notebook = await panel.openNotebook('dataExploration', dir);
      assert.match(notebook!.cellAt(0).document.getText(), /# Data Exploration of abalone-v0/);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('deploys the best candidate from the leaderboard through the endpoint flow', async () => {
    const api = await workbench();
    api.hosting.context.pollSeconds = 1;
    const panel = api.autopilot.leaderboard('abalone-v0');
    await panel.whenLoaded();
    const best = panel.candidate(panel.model!.rows[0].name)!;
    const source = (await api.hosting.source({ autoMlJobName: 'abalone-v0', candidate: best }))!;
    await clearRequests();
    const result = await api.hosting.deploy(source, { plan: async (_s, d) => ({ ...d, endpointName: 'abalone-v0-best', roleArn: d.roleArn || ROLE }), confirm: async () => true, afterFailure: async () => undefined });
    assert.strictEqual(result.outcome, 'deployed', result.message);
    const model = (await recordedRequests()).find((r) => r.operation === 'CreateModel')!.input as { PrimaryContainer?: { Image: string }; Containers?: unknown[] };
    assert.ok(model.PrimaryContainer?.Image || model.Containers, 'the candidate\'s inference containers');
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation.startsWith('Create')).map((r) => r.operation), ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
  });
});
