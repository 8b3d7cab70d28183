// AutoGluon bring-your-own-container runs in the real extension host: the scaffold written into the
// workspace and read back as the wizard's defaults, the start checks (bad values and empty channels refused
// with nothing sent, the plan kept for the retry), a job started, followed in its panel until its metric
// curve and final metric are in, its log followed in an editor, stopped, cloned, compared with others, and
// SummaryOfModels.html opened with scripts off.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ScaffoldPrompts } from '../../../src/commands/training/newAutoGluonProjectCommand';
import { NEXT_TRAINING_JOB, type StartTrainingPrompts } from '../../../src/commands/training/startTrainingJobCommand';
import type { TrainingPlan } from '../../../src/model/trainingJobPlan';
import { TrainingJobPanel } from '../../../src/webviews/trainingJob/trainingJobPanel';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { until, workbench } from '../support/workbench';

const BUCKET = 'sagemaker-us-east-1-123456789012';
const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';
const XGBOOST = 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a';
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest';

function plan(over: Partial<TrainingPlan> = {}): TrainingPlan {
  return {
    jobName: 'abalone-autogluon-wizard-run',
    image: IMAGE,
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    volumeSizeInGB: 20,
    maxRuntimeSeconds: 3600,
    roleArn: ROLE,
    channels: [
      { name: 'training', s3Uri: `s3://${BUCKET}/${DONE}/input/training.csv`, contentType: 'text/csv' },
      { name: 'testing', s3Uri: `s3://${BUCKET}/${DONE}/input/testing.csv`, contentType: 'text/csv' },
    ],
    outputS3Uri: `s3://${BUCKET}/abalone-autogluon/output`,
    hyperParameters: { label: 'rings', time_limit: '600' },
    metricDefinitions: [{ name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' }],
    ...over,
  };
}

function prompts(over: Partial<TrainingPlan> | ((defaults: TrainingPlan) => TrainingPlan), seen: { defaults?: TrainingPlan; detail?: string; images?: string[] } = {}): StartTrainingPrompts {
  return {
    plan: async (defaults, helpers) => {
      seen.defaults = defaults;
      const repos = await helpers.repositories();
      const repo = repos.find((r) => r.name === 'autogluon-training');
      seen.images = repo ? (await helpers.images(repo)).map((i) => i.uri) : [];
      return typeof over === 'function' ? over(defaults) : plan(over);
    },
    confirm: async (_q, detail) => ((seen.detail = detail), true),
  };
}

const creates = async () => (await recordedRequests()).filter((r) => r.operation === 'CreateTrainingJob');

describe('AutoGluon container runs: scaffold, start, follow, compare', function () {
  this.timeout(90_000);
  let folder: vscode.Uri;
  before(() => {
    TrainingJobPanel.pollMs = 200;
    folder = vscode.Uri.file(path.join(os.tmpdir(), `smw-scaffold-${process.pid}`));
  });
  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    (await workbench()).trainingJobs.context.retryPlans.done(NEXT_TRAINING_JOB);
  });

  it('scaffolds the AutoGluon container project and starts the wizard from its files', async () => {
    const api = await workbench();
    let asked: string[] | undefined;
    const scaffold = (name: string, replace = true): ScaffoldPrompts => ({
      parent: async () => folder,
      name: async () => name,
      account: async (value) => value ?? '123456789012',
      replace: async (existing) => ((asked = existing), replace),
    });
    const refused = await api.trainingJobs.scaffold(scaffold('Abalone_AutoGluon'));
    assert.strictEqual(refused.outcome, 'refused');
    assert.match(refused.message!, /lower-case letters, digits/);
    const created = await api.trainingJobs.scaffold(scaffold('abalone-autogluon'));
    assert.strictEqual(created.outcome, 'created', created.message);
    const project = vscode.Uri.joinPath(folder, 'abalone-autogluon');
    const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project, file)));
    assert.deepStrictEqual(created.files!.sort(), ['Dockerfile', 'README.md', 'buildspec.yml', 'hyperparameters.json', 'requirements.txt', 'sagemaker-training.json', 'serve.py', 'train.py']);
    assert.match(await read('Dockerfile'), /^FROM 763104351884\.dkr\.ecr\.\$\{REGION\}\.amazonaws\.com\/autogluon-training:/m);
    const train = await read('train.py');
    assert.match(train, /input", "config", "hyperparameters\.json"/);
    for (const output of ['Leaderboard.csv', 'Model_Evaluation.txt', 'Fit_Summary.txt']) assert.ok(train.includes(output), `train.py writes ${output}`);
    assert.match(await read('buildspec.yml'), /docker push \$REGISTRY\/\$REPOSITORY:latest/);
    // Scaffolding again asks before replacing; saying no keeps the user's edits.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(project, 'hyperparameters.json'), new TextEncoder().encode('{"label": "rings", "presets": "best_quality"}'));
    assert.strictEqual((await api.trainingJobs.scaffold(scaffold('abalone-autogluon', false))).outcome, 'cancelled');
    assert.strictEqual(asked?.length, 8);
    const defaults = await api.trainingJobs.folderPlan(project);
    assert.strictEqual(defaults.problem, undefined);
    assert.match(defaults.plan.jobName, /^abalone-autogluon-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/);
    assert.strictEqual(defaults.plan.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest');
    assert.deepStrictEqual(defaults.plan.hyperParameters, { label: 'rings', presets: 'best_quality' }, 'the edited hyperparameters.json');
    assert.deepStrictEqual(defaults.plan.channels.map((c) => c.name), ['training', 'testing']);
    assert.deepStrictEqual(defaults.plan.metricDefinitions, [{ name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' }]);
  });

  it('refuses bad values and channels without data, sending no CreateTrainingJob, and keeps the plan for the retry', async () => {
    const api = await workbench();
    await clearRequests();
    const refusals: Array<[Partial<TrainingPlan>, RegExp]> = [
      [{ jobName: 'abalone_autogluon' }, /letters, digits and single or repeated hyphens/],
      [{ image: 'autogluon-training:latest' }, /ECR image URI like/],
      [{ image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training' }, /Add a tag/],
      [{ instanceCount: 0 }, /instance count is from 1/],
      [{ spot: { maxWaitSeconds: 600, checkpointS3Uri: `s3://${BUCKET}/checkpoints` } }, /maximum wait \(600 s\) is at least the maximum runtime \(3600 s\)/],
      [{ outputS3Uri: 'my-bucket/output' }, /output path must be an S3 location/],
      [{ metricDefinitions: [{ name: 'validation:accuracy', regex: 'Validation score' }] }, /needs a capture group/],
    ];
    for (const [over, message] of refusals) {
      const outcome = await api.trainingJobs.start(undefined, prompts(over));
      assert.strictEqual(outcome.outcome, 'refused', JSON.stringify(over));
      assert.match(outcome.message!, message);
    }
    const seen: { defaults?: TrainingPlan } = {};
    const empty = await api.trainingJobs.start(undefined, prompts({ channels: [{ name: 'training', s3Uri: `s3://${BUCKET}/nothing-here/training.csv` }] }));
    assert.strictEqual(empty.message, `No data at s3://${BUCKET}/nothing-here/training.csv (channel training); upload it or correct the location.`);
    // The next start offers what was entered, so a fix is one change, not a retyped wizard.
    await api.trainingJobs.start(undefined, { plan: async (defaults) => ((seen.defaults = defaults), undefined), confirm: async () => true });
    assert.strictEqual(seen.defaults?.channels[0].s3Uri, `s3://${BUCKET}/nothing-here/training.csv`);
    assert.deepStrictEqual(await creates(), []);
    const listed = (await recordedRequests()).filter((r) => r.operation === 'ListObjectsV2').map((r) => (r.input as { MaxKeys?: number }).MaxKeys);
    assert.ok(listed.length === 1 && listed[0] === 1, 'the channel is checked with one ListObjectsV2 of one key');
  });

  it('starts a job from the ECR image list and follows it in its panel until the metric curve and final metric are in', async () => {
    const api = await workbench();
    await clearRequests();
    const seen: { detail?: string; images?: string[] } = {};
    const outcome = await api.trainingJobs.start(undefined, prompts({}, seen));
    assert.strictEqual(outcome.outcome, 'started', outcome.message);
    assert.deepStrictEqual(seen.images, [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:0.3.1-abalone-2021-07-05',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:0.3.1-abalone-2021-07-04',
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training@${seen.images![3].split('@')[1]}`,
    ], 'tags newest first, the untagged image by digest');
    assert.match(seen.detail!, /training ← s3:\/\/.*training\.csv; testing ← /);
    const [create] = await creates();
    const input = create.input as { AlgorithmSpecification: { MetricDefinitions: unknown[] }; HyperParameters: Record<string, string>; InputDataConfig: unknown[] };
    assert.deepStrictEqual(input.AlgorithmSpecification.MetricDefinitions, [{ Name: 'validation:accuracy', Regex: '([0-9.]+)\\s+= Validation score' }]);
    assert.deepStrictEqual(input.HyperParameters, { label: 'rings', time_limit: '600' });
    const panel = api.trainingJobs.open('abalone-autogluon-wizard-run');
    const done = await until('the job completes in its panel', () => (panel.model?.status === 'Completed' && panel.model.finalMetrics.length ? panel.model : undefined), 30_000);
    assert.deepStrictEqual(done.finalMetrics, [{ name: 'validation:accuracy', value: 0.307229 }]);
    assert.strictEqual(done.series[0].points.length, 14, 'one validation score per AutoGluon model');
    assert.deepStrictEqual(done.transitions.map((t) => t.status), ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
    assert.strictEqual(done.logTail.at(-1)?.endsWith('Training complete. Saving model artifacts to /opt/ml/model'), true);
    assert.match(panel.html, /default-src 'none'/);
    // Log documents other suites left following read other groups; this job's group is read with its prefix.
    const polls = (await recordedRequests()).filter((r) => r.operation === 'FilterLogEvents' && (r.input as { logGroupName?: string }).logGroupName === '/aws/sagemaker/TrainingJobs');
    assert.ok(polls.length >= 1 && polls.every((r) => (r.input as { logStreamNamePrefix?: string }).logStreamNamePrefix === 'abalone-autogluon-wizard-run/'), 'the panel reads only this job\'s streams');
    panel.dispose();
  });

  it('follows a running job\'s log in an editor, and stops the job after confirmation', async () => {
    const api = await workbench();
    await vscode.workspace.getConfiguration('sagemakerWorkbench').update('logs.followIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual((await api.trainingJobs.start(undefined, prompts({ jobName: 'abalone-autogluon-followed', maxRuntimeSeconds: 3600 }))).outcome, 'started');
      const document = await api.trainingJobs.openLogs('abalone-autogluon-followed');
      await until('the log shows the end of training', () => (document.getText().includes('AutoGluon Job Complete') ? true : undefined), 30_000);
      assert.match(document.getText(), /abalone-autogluon-followed\/algo-1-\d+\s+Loading Parameters/);
      const stopOutcome = await api.trainingJobs.stop('abalone-autogluon-followed', { confirm: async () => true });
      assert.strictEqual(stopOutcome.outcome, 'failed', 'a completed job cannot be stopped');
      assert.match(stopOutcome.message!, /status Completed/);
      assert.strictEqual((await api.trainingJobs.start(undefined, prompts({ jobName: 'abalone-autogluon-stopped' }))).outcome, 'started');
      let question = '';
      assert.strictEqual((await api.trainingJobs.stop('abalone-autogluon-stopped', { confirm: async (q) => ((question = q), false) })).outcome, 'cancelled');
      assert.strictEqual(question, 'Stop training job abalone-autogluon-stopped?');
      assert.strictEqual((await api.trainingJobs.stop('abalone-autogluon-stopped', { confirm: async () => true })).outcome, 'stopped');
      const panel = api.trainingJobs.open('abalone-autogluon-stopped');
      const stopped = await until('the panel shows the stop', () => (panel.model?.status === 'Stopped' ? panel.model : undefined), 20_000);
      assert.strictEqual(stopped.transitions.at(-1)?.status, 'Stopped');
    } finally {
      await vscode.workspace.getConfiguration('sagemakerWorkbench').update('logs.followIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('clones a job with its settings under a new name', async () => {
    const api = await workbench();
    await clearRequests();
    const seen: { defaults?: TrainingPlan } = {};
    const outcome = await api.trainingJobs.clone(DONE, prompts((d) => d, seen));
    assert.strictEqual(outcome.outcome, 'started', outcome.message);
    const d = seen.defaults!;
    assert.match(d.jobName, /^abalone-autogluon-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/);
    assert.notStrictEqual(d.jobName, DONE);
    assert.deepStrictEqual([d.image, d.instanceType, d.hyperParameters.label, d.channels.length, d.metricDefinitions.length], [IMAGE, 'ml.m5.xlarge', 'rings', 2, 1]);
    assert.strictEqual((await creates()).length, 1);
  });

  it('compares jobs side by side: differences marked, shared metrics charted', async () => {
    const api = await workbench();
    const mixed = api.trainingJobs.compare([DONE, XGBOOST]);
    await mixed.whenLoaded();
    const rows = mixed.model!.rows;
    const rowOf = (name: string) => rows.find((r) => r.name === name)!;
    assert.deepStrictEqual(mixed.model!.jobs.map((j) => j.name), [DONE, XGBOOST]);
    assert.strictEqual(rowOf('Image').differs, true);
    assert.deepStrictEqual(rowOf('label').values, ['rings', undefined]);
    assert.deepStrictEqual(rowOf('Spot').values, ['no', 'yes']);
    assert.deepStrictEqual(mixed.model!.shared, [], 'accuracy and RMSE are not comparable');
    mixed.dispose();
    assert.strictEqual((await api.trainingJobs.start(undefined, prompts({ jobName: 'abalone-autogluon-second', hyperParameters: { label: 'rings', time_limit: '1200' } }))).outcome, 'started');
    const second = api.trainingJobs.open('abalone-autogluon-second');
    await until('the second run completes', () => (second.model?.status === 'Completed' ? true : undefined), 30_000);
    const same = api.trainingJobs.compare([DONE, 'abalone-autogluon-second']);
    await same.whenLoaded();
    const sameRows = same.model!.rows;
    assert.deepStrictEqual(sameRows.filter((r) => r.section === 'Hyperparameters' && r.differs).map((r) => r.name).sort(), ['bucket', 'time_limit', 'training_job']);
    assert.deepStrictEqual(same.model!.shared, [{ name: 'validation:accuracy', values: [0.307229, 0.307229] }]);
  });

  it('opens SummaryOfModels.html with scripts off and a policy that loads nothing', async () => {
    const api = await workbench();
    const panel = await api.trainingJobs.summaryOfModels(DONE);
    assert.strictEqual(panel.webview.options.enableScripts, false);
    assert.match(panel.webview.html, /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(panel.webview.html, /<td>WeightedEnsemble_L2<\/td>/);
    panel.dispose();
    await assert.rejects(api.trainingJobs.summaryOfModels(XGBOOST), /has no SummaryOfModels\.html/);
    // From the AutoGluon panel, which has read the artefact already: only the archive is read.
    const results = api.trainingJobs.autoGluon(DONE);
    await results.whenLoaded();
    await clearRequests();
    const fromPanel = await api.trainingJobs.summaryOfModels(DONE, results.model!.artefact);
    assert.match(fromPanel.webview.html, /<td>WeightedEnsemble_L2<\/td>/);
    const calls = (await recordedRequests()).map((r) => r.operation);
    assert.ok(calls.includes('GetObject') && !calls.includes('DescribeTrainingJob'), `the archive is read and the job not described again (${calls.join(', ')})`);
    fromPanel.dispose();
    results.dispose();
  });
});
