// AutoGluon bring-your-own-container runs in the real extension host, driven through the commands as a user
// drives them (palette, the Training Jobs view's nodes, the explorer's folder menu) with every prompt answered
// in the scripted window: the scaffold written into the workspace and read back as the wizard's defaults, the
// start checks (bad values and empty channels refused with nothing sent, the plan kept for the retry), a job
// started, followed in its panel until its metric curve and final metric are in, its log followed in an editor,
// stopped, cloned, compared with others, and SummaryOfModels.html opened with scripts off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  NEXT_TRAINING_JOB,
  trainingRetryPlans,
  type TrainingOutcome,
} from '../../../src/commands/training/startTrainingJobCommand';
import type { TrainingPlan } from '../../../src/model/trainingJobPlan';
import { pace } from '../../../src/ui/pace';
import type { AutoGluonPanel } from '../../../src/webviews/autoGluon/autoGluonPanel';
import { openSummaryOfModelsPanel } from '../../../src/webviews/autoGluon/summaryOfModelsPanel';
import type { TrainingComparisonPanel } from '../../../src/webviews/trainingJob/trainingComparisonPanel';
import type { TrainingJobPanel } from '../../../src/webviews/trainingJob/trainingJobPanel';
import {
  answerNewAutoGluonProject,
  answerTrainingWizard,
  confirmations,
  ROLE,
  trainingJobNode,
} from '../support/answers/training';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host, until } from '../support/workbench';

const BUCKET = 'sagemaker-us-east-1-123456789012';
const DONE = 'abalone-autogluon-2021-07-05-18-03-21-457';
const XGBOOST = 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest';
const DATED = /^abalone-autogluon-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/;

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

/** Starts a job from the palette with the wizard answered from `p`, confirmed. */
async function startFromPalette(p: Partial<TrainingPlan>): Promise<TrainingOutcome> {
  return withWindow(async (ui) => {
    answerTrainingWizard(ui, p);
    return run<TrainingOutcome>('startTrainingJob');
  });
}

const creates = async () => (await recordedRequests()).filter((r) => r.operation === 'CreateTrainingJob');

describe('AutoGluon container runs: scaffold, start, follow, compare', function () {
  this.timeout(90_000);
  let project: vscode.Uri;
  let panelPollMs: number;
  before(() => {
    panelPollMs = pace.panelPollMs;
    pace.panelPollMs = 200;
    project = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'abalone-autogluon');
  });
  after(async () => {
    pace.panelPollMs = panelPollMs;
    await vscode.workspace.fs.delete(project, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetEmulator();
    trainingRetryPlans.done(NEXT_TRAINING_JOB);
  });

  it('scaffolds the AutoGluon container project and starts the wizard from its files', async () => {
    await vscode.workspace.fs.delete(project, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await withWindow(async (ui) => {
      const seen = answerNewAutoGluonProject(ui, { name: 'Abalone_AutoGluon', refused: true });
      assert.strictEqual((await run<{ outcome: string }>('newAutoGluonProject')).outcome, 'cancelled');
      assert.match(seen.refusals[0], /lower-case letters, digits/);
    });
    const created = await withWindow(async (ui) => {
      answerNewAutoGluonProject(ui, { name: 'abalone-autogluon', account: '123456789012' });
      const outcome = await run<{ outcome: string; message?: string; files?: string[] }>('newAutoGluonProject');
      assert.deepStrictEqual(ui.shown('info'), [outcome.message]);
      return outcome;
    });
    assert.strictEqual(created.outcome, 'created', created.message);
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      vscode.Uri.joinPath(project, 'train.py').toString(),
      'train.py opened',
    );
    const read = async (file: string) =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project, file)));
    assert.deepStrictEqual(created.files!.sort(), [
      'Dockerfile',
      'README.md',
      'buildspec.yml',
      'hyperparameters.json',
      'requirements.txt',
      'sagemaker-training.json',
      'serve.py',
      'train.py',
    ]);
    assert.match(
      await read('Dockerfile'),
      /^FROM 763104351884\.dkr\.ecr\.\$\{REGION\}\.amazonaws\.com\/autogluon-training:/m,
    );
    const train = await read('train.py');
    assert.match(train, /input", "config", "hyperparameters\.json"/);
    for (const output of ['Leaderboard.csv', 'Model_Evaluation.txt', 'Fit_Summary.txt'])
      assert.ok(train.includes(output), `train.py writes ${output}`);
    assert.match(await read('buildspec.yml'), /docker push \$REGISTRY\/\$REPOSITORY:latest/);
    // Scaffolding again asks before replacing; saying no keeps the user's edits.
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(project, 'hyperparameters.json'),
      new TextEncoder().encode('{"label": "rings", "presets": "best_quality"}'),
    );
    await withWindow(async (ui) => {
      answerNewAutoGluonProject(ui, { name: 'abalone-autogluon', account: '123456789012', replace: 'keep' });
      assert.strictEqual((await run<{ outcome: string }>('newAutoGluonProject')).outcome, 'cancelled');
      const [question] = confirmations(ui);
      assert.strictEqual(question.question, 'Replace 8 existing file(s)?');
      assert.strictEqual(question.detail.split(', ').length, 8);
    });
    assert.match(await read('hyperparameters.json'), /best_quality/);
    // Right-click the folder → Start Training Job: the wizard offers the folder's files, step by step.
    await withWindow(async (ui) => {
      const answers = answerTrainingWizard(ui, {}, { cancelAt: 'metrics' });
      assert.strictEqual((await run<TrainingOutcome>('startTrainingJob', project)).outcome, 'cancelled');
      assert.deepStrictEqual(ui.shown('warning'), [], "the folder's files are read without a problem");
      const o = answers.offered;
      assert.match(o.name!, DATED);
      assert.strictEqual(o.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest');
      assert.strictEqual(o.hyperparameters, 'label=rings, presets=best_quality', 'the edited hyperparameters.json');
      assert.deepStrictEqual(
        o.channels!.split(' ').map((c) => c.split('=')[0]),
        ['training', 'testing'],
      );
      assert.strictEqual(o.metrics, 'validation:accuracy=([0-9.]+)\\s+= Validation score');
    });
  });

  it('refuses bad values and channels without data, sending no CreateTrainingJob, and keeps the plan for the retry', async () => {
    await clearRequests();
    const refusals: Array<[Partial<TrainingPlan>, Parameters<typeof answerTrainingWizard>[2], RegExp]> = [
      [{ jobName: 'abalone_autogluon' }, { refusedAt: 'name' }, /letters, digits and single or repeated hyphens/],
      [{ image: 'autogluon-training:latest' }, { refusedAt: 'image' }, /ECR image URI like/],
      [
        { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training' },
        { refusedAt: 'image' },
        /Add a tag/,
      ],
      [{ instanceCount: 0 }, { refusedAt: 'instanceCount' }, /instance count is from 1/],
      [
        { spot: { maxWaitSeconds: 600, checkpointS3Uri: `s3://${BUCKET}/checkpoints` } },
        { refusedAt: 'spotWait' },
        /maximum wait \(600 s\) is at least the maximum runtime \(3600 s\)/,
      ],
      [{ outputS3Uri: 'my-bucket/output' }, { refusedAt: 'output' }, /output path must be an S3 location/],
      [
        { metricDefinitions: [{ name: 'validation:accuracy', regex: 'Validation score' }] },
        { refusedAt: 'metrics' },
        /needs a capture group/,
      ],
    ];
    for (const [over, options, message] of refusals) {
      await withWindow(async (ui) => {
        const answers = answerTrainingWizard(ui, plan(over), options);
        const outcome = await run<TrainingOutcome>('startTrainingJob');
        assert.strictEqual(outcome.outcome, 'cancelled', JSON.stringify(over));
        assert.strictEqual(answers.refusals.length, 1, JSON.stringify(over));
        assert.match(answers.refusals[0], message);
      });
    }
    await withWindow(async (ui) => {
      answerTrainingWizard(
        ui,
        plan({ channels: [{ name: 'training', s3Uri: `s3://${BUCKET}/nothing-here/training.csv` }] }),
        { then: 'none' },
      );
      const empty = await run<TrainingOutcome>('startTrainingJob');
      assert.strictEqual(empty.outcome, 'refused');
      assert.strictEqual(
        empty.message,
        `No data at s3://${BUCKET}/nothing-here/training.csv (channel training); upload it or correct the location.`,
      );
      assert.deepStrictEqual(ui.shown('warning'), [empty.message]);
    });
    // The next start offers what was entered, so a fix is one change, not a retyped wizard.
    await withWindow(async (ui) => {
      const answers = answerTrainingWizard(ui, {}, { cancelAt: 'channels' });
      assert.strictEqual((await run<TrainingOutcome>('startTrainingJob')).outcome, 'cancelled');
      assert.strictEqual(answers.offered.name, 'abalone-autogluon-wizard-run');
      assert.strictEqual(answers.offered.channels, `training=s3://${BUCKET}/nothing-here/training.csv`);
    });
    assert.deepStrictEqual(await creates(), []);
    const listed = (await recordedRequests())
      .filter((r) => r.operation === 'ListObjectsV2')
      .map((r) => (r.input as { MaxKeys?: number }).MaxKeys);
    assert.ok(listed.length === 1 && listed[0] === 1, 'the channel is checked with one ListObjectsV2 of one key');
  });

  it('starts a job from the ECR image list and follows it in its panel until the metric curve and final metric are in', async () => {
    await clearRequests();
    const outcome = await withWindow(async (ui) => {
      const answers = answerTrainingWizard(ui, plan());
      const started = await run<TrainingOutcome>('startTrainingJob');
      assert.deepStrictEqual(
        answers.images?.slice(0, 3),
        ['latest', '0.3.1-abalone-2021-07-05', '0.3.1-abalone-2021-07-04'],
        'tags newest first',
      );
      assert.strictEqual(answers.images?.length, 4);
      assert.match(answers.images[3], /^sha256:[a-f0-9]{64}$/, 'the untagged image by digest');
      const [confirmation] = confirmations(ui);
      assert.strictEqual(confirmation.question, 'Start training job abalone-autogluon-wizard-run?');
      assert.match(confirmation.detail, /training ← s3:\/\/.*training\.csv; testing ← /);
      assert.deepStrictEqual(ui.shown('info'), ['Started training job abalone-autogluon-wizard-run.']);
      return started;
    });
    assert.strictEqual(outcome.outcome, 'started', outcome.message);
    const [create] = await creates();
    const input = create.input as {
      AlgorithmSpecification: { MetricDefinitions: unknown[] };
      HyperParameters: Record<string, string>;
      InputDataConfig: unknown[];
    };
    assert.deepStrictEqual(input.AlgorithmSpecification.MetricDefinitions, [
      { Name: 'validation:accuracy', Regex: '([0-9.]+)\\s+= Validation score' },
    ]);
    assert.deepStrictEqual(input.HyperParameters, { label: 'rings', time_limit: '600' });
    const panel = await run<TrainingJobPanel>('openTrainingJob', await trainingJobNode('abalone-autogluon-wizard-run'));
    const done = await until(
      'the job completes in its panel',
      () => (panel.model?.status === 'Completed' && panel.model.finalMetrics.length ? panel.model : undefined),
      30_000,
    );
    assert.deepStrictEqual(done.finalMetrics, [{ name: 'validation:accuracy', value: 0.307229 }]);
    assert.strictEqual(done.series[0].points.length, 14, 'one validation score per AutoGluon model');
    assert.deepStrictEqual(
      done.transitions.map((t) => t.status),
      ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed'],
    );
    assert.strictEqual(
      done.logTail.at(-1)?.endsWith('Training complete. Saving model artifacts to /opt/ml/model'),
      true,
    );
    assert.match(panel.html, /default-src 'none'/);
    // Log documents other suites left following read other groups; this job's group is read with its prefix.
    const polls = (await recordedRequests()).filter(
      (r) =>
        r.operation === 'FilterLogEvents' &&
        (r.input as { logGroupName?: string }).logGroupName === '/aws/sagemaker/TrainingJobs',
    );
    assert.ok(
      polls.length >= 1 &&
        polls.every(
          (r) => (r.input as { logStreamNamePrefix?: string }).logStreamNamePrefix === 'abalone-autogluon-wizard-run/',
        ),
      "the panel reads only this job's streams",
    );
    panel.dispose();
  });

  it("follows a running job's log in an editor, and stops the job after confirmation", async () => {
    await vscode.workspace
      .getConfiguration('sagemakerWorkbench')
      .update('logs.followIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(
        (await startFromPalette(plan({ jobName: 'abalone-autogluon-followed', maxRuntimeSeconds: 3600 }))).outcome,
        'started',
      );
      const followed = await trainingJobNode('abalone-autogluon-followed');
      const document = await run<vscode.TextDocument>('openTrainingJobLogs', followed);
      await until(
        'the log shows the end of training',
        () => (document.getText().includes('AutoGluon Job Complete') ? true : undefined),
        30_000,
      );
      assert.match(document.getText(), /abalone-autogluon-followed\/algo-1-\d+\s+Loading Parameters/);
      await withWindow(async (ui) => {
        ui.onMessage(/^Stop training job abalone-autogluon-followed\?$/, 'Stop');
        const stopOutcome = await run<TrainingOutcome>('stopTrainingJob', followed);
        assert.strictEqual(stopOutcome.outcome, 'failed', 'a completed job cannot be stopped');
        assert.match(stopOutcome.message!, /status Completed/);
        assert.strictEqual(ui.shown('error')[0], stopOutcome.message!.split('\n')[0]);
      });
      assert.strictEqual((await startFromPalette(plan({ jobName: 'abalone-autogluon-stopped' }))).outcome, 'started');
      const running = await trainingJobNode('abalone-autogluon-stopped');
      await withWindow(async (ui) => {
        ui.onMessage(/^Stop training job/, undefined);
        assert.strictEqual((await run<TrainingOutcome>('stopTrainingJob', running)).outcome, 'cancelled');
        assert.strictEqual(confirmations(ui)[0].question, 'Stop training job abalone-autogluon-stopped?');
      });
      await withWindow(async (ui) => {
        ui.onMessage(/^Stop training job abalone-autogluon-stopped\?$/, 'Stop');
        const stopped = await run<TrainingOutcome>('stopTrainingJob', running);
        assert.strictEqual(stopped.outcome, 'stopped');
        assert.deepStrictEqual(ui.shown('info'), ['Stopping abalone-autogluon-stopped.']);
      });
      const panel = await run<TrainingJobPanel>('openTrainingJob', running);
      const stopped = await until(
        'the panel shows the stop',
        () => (panel.model?.status === 'Stopped' ? panel.model : undefined),
        20_000,
      );
      assert.strictEqual(stopped.transitions.at(-1)?.status, 'Stopped');
    } finally {
      await vscode.workspace
        .getConfiguration('sagemakerWorkbench')
        .update('logs.followIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('clones a job with its settings under a new name', async () => {
    await clearRequests();
    await withWindow(async (ui) => {
      const answers = answerTrainingWizard(ui, {});
      const outcome = await run<TrainingOutcome>('cloneTrainingJob', await trainingJobNode(DONE));
      assert.strictEqual(outcome.outcome, 'started', outcome.message);
      assert.match(answers.offered.name!, DATED);
      assert.notStrictEqual(answers.offered.name, DONE);
      assert.strictEqual(answers.offered.image, IMAGE);
      assert.strictEqual(outcome.jobName, answers.offered.name);
    });
    const [create] = await creates();
    const input = create.input as {
      TrainingJobName: string;
      AlgorithmSpecification: { TrainingImage: string; MetricDefinitions: unknown[] };
      ResourceConfig: { InstanceType: string };
      HyperParameters: Record<string, string>;
      InputDataConfig: unknown[];
    };
    assert.match(input.TrainingJobName, DATED);
    assert.deepStrictEqual(
      [
        input.AlgorithmSpecification.TrainingImage,
        input.ResourceConfig.InstanceType,
        input.HyperParameters.label,
        input.InputDataConfig.length,
        input.AlgorithmSpecification.MetricDefinitions.length,
      ],
      [IMAGE, 'ml.m5.xlarge', 'rings', 2, 1],
    );
    assert.strictEqual((await creates()).length, 1);
  });

  it('compares jobs side by side: differences marked, shared metrics charted', async () => {
    const done = await trainingJobNode(DONE);
    await withWindow(async (ui) => {
      assert.strictEqual(
        (await run<{ outcome: string }>('compareTrainingJobs', done, [done])).outcome,
        'needs-selection',
      );
      assert.deepStrictEqual(ui.shown('info'), [
        'Select two or more training jobs in the Training Jobs view (Ctrl/Cmd+click), then Compare.',
      ]);
    });
    const mixed = await run<TrainingComparisonPanel>('compareTrainingJobs', done, [
      done,
      await trainingJobNode(XGBOOST),
    ]);
    await mixed.whenLoaded();
    const rows = mixed.model!.rows;
    const rowOf = (name: string) => rows.find((r) => r.name === name)!;
    assert.deepStrictEqual(
      mixed.model!.jobs.map((j) => j.name),
      [DONE, XGBOOST],
    );
    assert.strictEqual(rowOf('Image').differs, true);
    assert.deepStrictEqual(rowOf('label').values, ['rings', undefined]);
    assert.deepStrictEqual(rowOf('Spot').values, ['no', 'yes']);
    assert.deepStrictEqual(mixed.model!.shared, [], 'accuracy and RMSE are not comparable');
    mixed.dispose();
    assert.strictEqual(
      (
        await startFromPalette(
          plan({ jobName: 'abalone-autogluon-second', hyperParameters: { label: 'rings', time_limit: '1200' } }),
        )
      ).outcome,
      'started',
    );
    const secondNode = await trainingJobNode('abalone-autogluon-second');
    const second = await run<TrainingJobPanel>('openTrainingJob', secondNode);
    await until('the second run completes', () => (second.model?.status === 'Completed' ? true : undefined), 30_000);
    const same = await run<TrainingComparisonPanel>('compareTrainingJobs', secondNode, [
      await trainingJobNode(DONE),
      secondNode,
    ]);
    await same.whenLoaded();
    const sameRows = same.model!.rows;
    assert.deepStrictEqual(
      sameRows
        .filter((r) => r.section === 'Hyperparameters' && r.differs)
        .map((r) => r.name)
        .sort(),
      ['bucket', 'time_limit', 'training_job'],
    );
    assert.deepStrictEqual(same.model!.shared, [{ name: 'validation:accuracy', values: [0.307229, 0.307229] }]);
  });

  it('opens SummaryOfModels.html with scripts off and a policy that loads nothing', async () => {
    const done = await trainingJobNode(DONE);
    const panel = await run<vscode.WebviewPanel>('openSummaryOfModels', done);
    assert.strictEqual(panel.webview.options.enableScripts, false);
    assert.match(
      panel.webview.html,
      /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    );
    assert.match(panel.webview.html, /<td>WeightedEnsemble_L2<\/td>/);
    panel.dispose();
    await withWindow(async (ui) => {
      const missing = await run<{ outcome: string; message?: string }>(
        'openSummaryOfModels',
        await trainingJobNode(XGBOOST),
      );
      assert.strictEqual(missing.outcome, 'failed');
      assert.match(missing.message!, /has no SummaryOfModels\.html/);
      assert.deepStrictEqual(ui.shown('error'), [missing.message]);
    });
    // From the AutoGluon panel, which has read the artefact already: only the archive is read.
    const results = await run<AutoGluonPanel>('openAutoGluonResults', done);
    await results.whenLoaded();
    await clearRequests();
    await results.receive({ type: 'openSummary' });
    const fromPanel = openSummaryOfModelsPanel((await host()).session.current.region, DONE);
    assert.ok(fromPanel, 'the page opened from the leaderboard');
    assert.match(fromPanel.webview.html, /<td>WeightedEnsemble_L2<\/td>/);
    const calls = (await recordedRequests()).map((r) => r.operation);
    assert.ok(
      calls.includes('GetObject') && !calls.includes('DescribeTrainingJob'),
      `the archive is read and the job not described again (${calls.join(', ')})`,
    );
    fromPanel.dispose();
    results.dispose();
  });
});
