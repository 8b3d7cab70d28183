// Autopilot in the real extension host, driven through its commands as the palette, the explorer and the
// Autopilot view run them: the start wizard's plan checked (bad name, unknown target, objectives of the
// problem type only) with nothing sent, a valid plan starting CreateAutoMLJobV2 on the abalone CSV (header
// read with a ranged GET), the job live in its leaderboard as candidates appear, stop; a workspace CSV
// uploaded then started; the leaderboard of the seeded abalone-v0 job ranked best first with every metric,
// exported as CSV, its reports and notebooks opened, and a candidate deployed from it.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AutoMlOutcome } from '../../../src/commands/autopilot/startAutoMlCommand';
import { pace } from '../../../src/ui/pace';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { LeaderboardPanel } from '../../../src/webviews/leaderboard/leaderboardPanel';
import { answerAutopilotWizard, type AutopilotWizardPlan } from '../support/answers/autopilot';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';

const BUCKET = 'sagemaker-us-east-1-123456789012';
const DATA = `s3://${BUCKET}/abalone-v1/input/`;
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const PLAN: AutopilotWizardPlan = {
  jobName: 'abalone-v3',
  inputS3Uri: DATA,
  target: 'rings',
  problemType: 'Regression',
  objective: 'MSE',
  mode: 'ENSEMBLING',
  maxCandidates: 8,
  roleArn: ROLE,
};

const creates = async () => (await recordedRequests()).filter((r) => r.operation === 'CreateAutoMLJobV2');

/** The job's node in the Autopilot view, once the view lists it. */
async function jobNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.autopilot as unknown as { getChildren(): Promise<ExplorerNode[]> };
  return until(`${name} in the Autopilot view`, async () =>
    (await provider.getChildren()).find((n) => n.resource?.kind === 'automl-job' && n.resource.name === name),
  );
}

/** Opens a job's leaderboard as its inline button does and waits for its first read. */
async function openLeaderboard(name: string): Promise<LeaderboardPanel> {
  const panel = await run<LeaderboardPanel>('openLeaderboard', await jobNode(name));
  await panel.whenLoaded();
  return panel;
}

describe('Autopilot experiments and leaderboard', function () {
  this.timeout(90_000);
  let followSeconds: number;
  before(() => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await host()).views.providers.autopilot.refresh();
  });

  it('refuses a bad name, an unknown target and an objective of another problem type, sending nothing', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox(/^Job name/, async (p) => {
        refusal = await p.type('abalone_v3');
        p.cancel();
      });
      const cancelled = await run<AutoMlOutcome>('startAutopilot');
      assert.match(refusal!, /letters, digits and hyphens/);
      assert.strictEqual(cancelled.outcome, 'cancelled');

      answerAutopilotWizard(ui, { ...PLAN, target: 'Rings', confirm: 'none' });
      const unknown = await run<AutoMlOutcome>('startAutopilot');
      const columns =
        'The data has no column "Rings"; columns: sex, length, diameter, height, whole_weight, shucked_weight, viscera_weight, shell_weight, rings';
      assert.deepStrictEqual([unknown.outcome, unknown.message], ['refused', columns]);
      assert.deepStrictEqual(ui.shown('warning'), [columns], 'the user is told which columns there are');

      // The objective step offers the Regression objectives only: Accuracy cannot be chosen for it.
      const seen = answerAutopilotWizard(ui, { ...PLAN, confirm: 'cancel' });
      assert.strictEqual((await run<AutoMlOutcome>('startAutopilot')).outcome, 'cancelled');
      assert.ok(
        seen.objectives?.includes('MSE') && !seen.objectives.includes('Accuracy'),
        `objectives offered for Regression: ${seen.objectives?.join(', ')}`,
      );

      const nowhere = answerAutopilotWizard(ui, { ...PLAN, inputS3Uri: `s3://${BUCKET}/nowhere/`, confirm: 'none' });
      const unreadable = await run<AutoMlOutcome>('startAutopilot');
      assert.match(unreadable.message!, /^The training data cannot be read: There is no CSV file under/);
      assert.match(ui.shown('warning').at(-1)!, /^The training data cannot be read: There is no CSV file under/);
      assert.match(
        nowhere.targetPlaceholder!,
        /There is no CSV file under .* type the target column/,
        'the wizard said why it offers no columns',
      );
    });
    assert.deepStrictEqual(await creates(), []);
    const ranged = (await recordedRequests())
      .filter((r) => r.operation === 'GetObject')
      .map((r) => (r.input as { Range?: string }).Range);
    assert.ok(
      ranged.length > 0 && ranged.every((range) => range === 'bytes=0-65535'),
      'the header is read with a ranged GET, never the whole object',
    );
  });

  it('starts the abalone regression experiment and shows candidates live in its leaderboard; stops it', async () => {
    await clearRequests();
    const { started, seen, confirmDetail } = await withWindow(async (ui) => {
      const answered = answerAutopilotWizard(ui, PLAN);
      const outcome = await run<AutoMlOutcome>('startAutopilot');
      assert.ok(ui.shown('info').includes(outcome.message!), 'the start is reported');
      return {
        started: outcome,
        seen: answered,
        confirmDetail: ui.messages.find((m) => m.modal && /^Start Autopilot experiment abalone-v3\?$/.test(m.message))
          ?.detail,
      };
    });
    assert.strictEqual(started.outcome, 'started', started.message);
    assert.deepStrictEqual(seen.columns?.slice(-2), ['shell_weight', 'rings']);
    assert.ok(seen.roles?.includes('AmazonSageMaker-ExecutionRole-20210705T170715'));
    assert.match(confirmDetail!, /target rings/);
    const [create] = await creates();
    const input = create.input as {
      AutoMLProblemTypeConfig: { TabularJobConfig: Record<string, unknown> };
      AutoMLJobObjective: { MetricName: string };
    };
    assert.deepStrictEqual(
      [
        input.AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName,
        input.AutoMLProblemTypeConfig.TabularJobConfig.ProblemType,
        input.AutoMLProblemTypeConfig.TabularJobConfig.Mode,
        input.AutoMLJobObjective.MetricName,
      ],
      ['rings', 'Regression', 'ENSEMBLING', 'MSE'],
    );

    // The start opened the job's leaderboard; its button in the view reveals that same panel.
    const panel = await openLeaderboard('abalone-v3');
    assert.match(panel.html, /default-src 'none'; script-src 'nonce-/);
    assert.strictEqual(panel.jobName, 'abalone-v3');
    assert.strictEqual(panel.model?.status, 'InProgress');
    const first = panel.model!.rows.length;
    const status = () => panel.model!.status as string;
    await until(
      'more candidates as the job trains',
      async () => (await panel.load(), panel.model!.rows.length > first || status() !== 'InProgress') || undefined,
      20_000,
    );
    assert.ok(panel.model!.rows.length > first || status() === 'Completed');

    const node = await jobNode('abalone-v3');
    await clearRequests();
    const stopped = await withWindow(async (ui) => {
      ui.onMessage(/^Stop Autopilot experiment abalone-v3\?$/, 'Stop');
      return run<AutoMlOutcome>('stopAutopilot', node);
    });
    assert.ok(['stopped', 'failed'].includes(stopped.outcome), stopped.message);
    if (stopped.outcome === 'stopped')
      assert.deepStrictEqual(
        (await recordedRequests()).filter((r) => r.operation === 'StopAutoMLJob').map((r) => r.input),
        [{ AutoMLJobName: 'abalone-v3' }],
      );
  });

  it('uploads a CSV from the explorer to the S3 location asked, then starts from it', async () => {
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `smw-autopilot-upload-${process.pid}`));
    const csv = vscode.Uri.joinPath(dir, 'abalone-small.csv');
    await vscode.workspace.fs.writeFile(csv, Buffer.from('sex,length,rings\nM,0.455,15\nF,0.53,9\n'));
    try {
      await clearRequests();
      const { outcome, seen } = await withWindow(async (ui) => {
        ui.onInputBox(/^Upload .*abalone-small\.csv for Autopilot$/, `s3://${BUCKET}/abalone-upload/input/`);
        const answered = answerAutopilotWizard(ui, {
          jobName: 'abalone-upload',
          target: 'rings',
          problemType: 'Regression',
          objective: 'MSE',
          roleArn: ROLE,
          confirm: 'cancel',
        });
        return { outcome: await run<AutoMlOutcome>('startAutopilot', csv), seen: answered };
      });
      assert.strictEqual(outcome.outcome, 'cancelled');
      const put = (await recordedRequests()).find((r) => r.operation === 'PutObject')?.input as {
        Bucket?: string;
        Key?: string;
        ContentType?: string;
      };
      assert.deepStrictEqual(
        [put?.Bucket, put?.Key, put?.ContentType],
        [BUCKET, 'abalone-upload/input/abalone-small.csv', 'text/csv'],
      );
      assert.deepStrictEqual(
        seen.columns,
        ['sex', 'length', 'rings'],
        "the wizard offered the uploaded file's columns",
      );
      assert.deepStrictEqual(await creates(), [], 'cancelled at the confirmation: nothing started');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('ranks the seeded abalone-v0 candidates best first with every metric, exports them and opens the notebooks', async () => {
    const node = await jobNode('abalone-v0');
    await clearRequests();
    const panel = await run<LeaderboardPanel>('openLeaderboard', node);
    await panel.whenLoaded();
    const m = panel.model!;
    assert.strictEqual(m.rows.length, 250, 'every page of candidates');
    const lists = (await recordedRequests()).filter((r) => r.operation === 'ListCandidatesForAutoMLJob');
    assert.strictEqual(lists.length, 3, '250 candidates in pages of 100');
    assert.deepStrictEqual(
      [m.objectiveName, m.maximize, m.rows[0].objective, m.rows[0].best],
      ['Accuracy', true, 0.2917381823062897, true],
    );
    assert.deepStrictEqual(m.metricNames, ['Accuracy', 'BalancedAccuracy', 'F1macro', 'LogLoss']);
    assert.ok(
      m.rows.every((r, i) => i === 0 || r.objective! <= m.rows[i - 1].objective!),
      'best first',
    );
    assert.strictEqual(
      m.explainability?.features?.[0].feature,
      'shell_weight',
      "the best candidate's feature importance, largest first",
    );
    assert.match(m.explainability!.location, /abalone-v0\/documentation\/explainability\/output\/analysis\.json$/);
    assert.deepStrictEqual(
      m.modelQuality?.metrics?.map((x) => x.name),
      ['Accuracy', 'BalancedAccuracy', 'F1macro', 'LogLoss'],
    );
    assert.strictEqual(
      m.modelQuality?.metrics?.[0].value,
      0.2917381823062897,
      "the best candidate's validation metrics",
    );
    // The page's "Open analysis" button.
    await panel.receive({ type: 'openExplainability' });
    const analysis = await until('the analysis opened as a document', () =>
      vscode.workspace.textDocuments.find((d) => /"global_shap_values"/.test(d.getText())),
    );
    assert.strictEqual(analysis.languageId, 'json');
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `smw-leaderboard-${process.pid}`));
    await vscode.workspace.fs.createDirectory(dir);
    try {
      const csv = await panel.exportCsv(vscode.Uri.joinPath(dir, 'abalone-v0.csv'));
      const lines = Buffer.from(await vscode.workspace.fs.readFile(csv!))
        .toString('utf8')
        .trim()
        .split('\n');
      assert.strictEqual(
        lines[0],
        'rank,candidate,status,Accuracy,BalancedAccuracy,F1macro,LogLoss,algorithm,training_seconds,created',
      );
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
    const panel = await openLeaderboard('abalone-v0');
    const best = panel.model!.rows[0].name;
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(/^Name of the new endpoint/, 'abalone-v0-best');
      ui.onQuickPick(/^Instance type/, (p) => p.pick('ml.m5.large'));
      ui.onInputBox(/^Number of ml\.m5\.large instances/, async (p) => assert.strictEqual(await p.accept(), undefined));
      ui.onQuickPick(/^Data capture/, (p) => p.pick('Off'));
      ui.onInputBox(/^Execution role the model runs with/, async (p) =>
        assert.strictEqual(await p.type(p.value || ROLE), undefined),
      );
      ui.onMessage(/^Deploy Autopilot candidate .* to a new endpoint abalone-v0-best\?$/, 'Deploy');
      // The page's Deploy button on the best row: the panel hands the candidate to the endpoint flow.
      await panel.receive({ type: 'deploy', candidate: best });
      assert.deepStrictEqual(ui.shown('error'), []);
      assert.ok(
        ui.shown('info').some((text) => /^Endpoint abalone-v0-best is InService/.test(text)),
        ui.shown().join(' | '),
      );
    });
    const model = (await recordedRequests()).find((r) => r.operation === 'CreateModel')!.input as {
      PrimaryContainer?: { Image: string };
      Containers?: unknown[];
    };
    assert.ok(model.PrimaryContainer?.Image || model.Containers, "the candidate's inference containers");
    assert.deepStrictEqual(
      (await recordedRequests()).filter((r) => r.operation.startsWith('Create')).map((r) => r.operation),
      ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'],
    );
  });
});
