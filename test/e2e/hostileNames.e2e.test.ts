// Data from AWS is text, never markup or code: an Autopilot job whose candidates' names carry HTML and
// script has its leaderboard drawn in real VS Code, and a training job whose hyperparameters, metric name
// and log carry HTML, a closing script tag and a very long right-to-left Unicode string has its panel and a
// comparison drawn; nothing of it runs and the pages keep their layout.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createJob } from '../emulator/services/sagemaker/autoMlModule';
import type { World } from '../emulator/services/world';
import { trainingJobs, trainingPhases } from '../emulator/services/sagemaker/trainingJobsModule';
import { tally } from '../support/reliabilityTally';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { assertInert, HOSTILE, LONG, SCRIPT, watchDialogs } from './support/hostileStrings';
import { openSageMakerSidebar, runContextMenuItem, showOnlyView } from './support/sidebarPanes';

const JOB = 'hostile-training-job';

/** A completed AutoGluon job with hostile hyperparameters, metric name and log lines, straight into the emulator. */
function addHostileJob(world: World): void {
  const created = Date.now() - 3_600_000;
  trainingJobs(world).set(JOB, {
    name: JOB,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${JOB}`,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    volumeSizeInGB: 20,
    roleArn: 'arn:aws:iam::123456789012:role/r',
    hyperParameters: { [HOSTILE]: SCRIPT, label: LONG },
    channels: [],
    outputPath: 's3://sagemaker-us-east-1-123456789012/hostile',
    maxRuntimeSeconds: 3600,
    creationTime: created,
    phases: trainingPhases('Completed'),
    finalMetrics: [],
    autoGluon: true,
    historical: true,
    metricDefinitions: [{ Name: HOSTILE, Regex: '([0-9.]+)\\s+= Validation score' }],
  });
  world.logs.append(
    '/aws/sagemaker/TrainingJobs',
    `${JOB}/algo-1-1`,
    [HOSTILE, SCRIPT, LONG].map((message, i) => ({ message, timestamp: created + 200_000 + i })),
  );
}

describe('hostile strings from AWS in real VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench(async (s) => {
    // Names AWS would refuse, put straight into the emulator: the extension must not trust them either.
    createJob(s.world() as World, 'us-east-1', {
      name: 'hostile-names',
      candidateNamePrefix: HOSTILE,
      v2: true,
      mode: 'HYPERPARAMETER_TUNING',
      problemType: 'Regression',
      objective: { MetricName: 'MSE', Type: 'Minimize' },
      targetAttribute: 'rings',
      inputS3Uri: 's3://sagemaker-us-east-1-123456789012/abalone-v1/input',
      outputS3Uri: 's3://sagemaker-us-east-1-123456789012/hostile/output',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      maxCandidates: 5,
      creationTime: Date.now() - 86_400_000,
    });
    addHostileJob(s.world() as World);
    await openSageMakerSidebar(s.page, 400);
  });

  it('shows candidates named with HTML as text in the leaderboard', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Autopilot');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: 'hostile-names' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open Leaderboard"]').click();
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.getByRole('heading', { name: 'hostile-names', exact: true }).waitFor({ timeout: 30_000 });
    await webview.locator('.lb-body .lb-row').first().waitFor({ timeout: 15_000 });
    const names = await webview.locator('.lb-body .lb-row .col-name').allTextContents();
    assert.ok(names.length === 5 && names.every((n) => n.includes(`${HOSTILE}-`)), names.join(' | '));
    // The selected candidate's details pane shows the name as a heading, as text.
    assert.equal(
      await webview.getByRole('heading', { name: new RegExp(`^★ #1 ${HOSTILE.replace(/[()]/g, '\\$&')}-`) }).count(),
      1,
    );
    await assertInert(webview, 'Autopilot leaderboard');
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-names.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 5);
    tally('webviews drawn with hostile strings, layout kept', 1);
  });

  it('draws a training job with hostile hyperparameters, metric name and log as text, in its panel and a comparison', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Training Jobs');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: JOB }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open Training Job"]').click();
    const panel = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await panel.getByRole('heading', { name: new RegExp(`Training job · ${JOB}`) }).waitFor({ timeout: 30_000 });
    await panel.locator('canvas').first().waitFor({ timeout: 15_000 });
    assert.ok(
      (await panel.locator('table th.mono').allTextContents()).includes(HOSTILE),
      'the hyperparameter name is text',
    );
    assert.ok((await panel.locator('table td.mono').allTextContents()).includes(SCRIPT), 'its value is text');
    assert.ok((await panel.locator('.card-name').allTextContents()).includes(HOSTILE), 'the metric name is text');
    const log = (await panel.locator('pre.log').textContent()) ?? '';
    assert.ok(log.includes(HOSTILE) && log.includes(SCRIPT) && log.includes('𝔞𝔟𝔞𝔩𝔬𝔫𝔢'), 'the log lines are text');
    await assertInert(panel, 'Training job');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-training-job.png') });

    const other = page
      .locator('.sidebar .monaco-list-row', { hasText: 'abalone-autogluon-2021-07-05-18-03-21-457' })
      .first();
    await row.click();
    await other.click({ modifiers: ['Control'] });
    const compare = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await runContextMenuItem(
      page,
      other,
      'Compare Training Jobs',
      compare.getByRole('heading', { name: 'Compare 2 training jobs' }),
    );
    assert.ok(
      (await compare.locator('td.mono').allTextContents()).includes(HOSTILE),
      'the hyperparameter name is a row label, as text',
    );
    await assertInert(compare, 'Training comparison');
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-compare.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 7);
    tally('webviews drawn with hostile strings, layout kept', 2);
  });
});
