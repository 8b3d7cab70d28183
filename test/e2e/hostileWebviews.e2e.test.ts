// Every other webview gets hostile strings in the AWS fields it shows, put straight into the emulator (AWS
// would refuse most of them as names; the extension must not trust them either): the Release Review panel
// (commit messages and authors, evaluation.json metric names), the Model Group panel (group description,
// approval note, creator, metric names), the AutoGluon panel (Leaderboard.csv model names,
// Model_Evaluation.txt keys) and Endpoint Metrics (endpoint and variant names). In real VS Code and
// Chromium: no element is made from them, no script runs, and the page keeps its width. (The Batch
// Prediction panel shows no AWS text but the endpoint's name, which AWS checks as the metrics panel shows.)
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACT_BUCKET, evaluationKey, release } from '../emulator/services/codepipeline/releaseModule';
import { hosting } from '../emulator/services/sagemaker/endpointsModule';
import { buildModelArchive, leaderboardCsv } from '../emulator/services/sagemaker/modelArchives';
import { registry } from '../emulator/services/sagemaker/modelRegistryModule';
import { trainingJobs, trainingPhases } from '../emulator/services/sagemaker/trainingJobsModule';
import type { World } from '../emulator/services/world';
import { tally } from '../support/reliabilityTally';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { assertInert, HOSTILE, LONG, SCRIPT, watchDialogs } from './support/hostileStrings';
import { expandRow, openSageMakerSidebar, runContextMenuItem, showOnlyView } from './support/sidebarPanes';

const BUCKET = 'sagemaker-us-east-1-123456789012';
const AUTOGLUON_JOB = 'hostile-autogluon-job';

/** The waiting release: hostile commit messages and author, and an evaluation.json with a hostile metric name. */
function hostileRelease(world: World): void {
  const [waiting] = release(world).executions;
  waiting.main.message = `${HOSTILE} ${SCRIPT}`;
  waiting.main.author = LONG;
  waiting.model.message = SCRIPT;
  world.s3.put(
    ARTIFACT_BUCKET,
    evaluationKey(waiting.id),
    JSON.stringify({
      regression_metrics: { rmse: { value: 1.48 }, [HOSTILE]: { value: 0.5 }, [SCRIPT]: { value: 2 } },
    }),
    'application/json',
  );
}

/** AbalonePackageGroup with a hostile description, v4 with a hostile approval note, creator and metric name. */
function hostileRegistry(world: World): void {
  const group = registry(world).get('AbalonePackageGroup')!;
  group.description = HOSTILE;
  const v4 = group.versions.find((v) => v.version === 4)!;
  v4.approvalDescription = SCRIPT;
  v4.generatedBy = LONG;
  v4.statisticsS3Uri = `s3://${BUCKET}/hostile/evaluation.json`;
  world.s3.put(
    BUCKET,
    'hostile/evaluation.json',
    JSON.stringify({
      regression_metrics: {
        rmse: { value: 1.5, standard_deviation: 1 },
        [HOSTILE]: { value: 3, standard_deviation: 1 },
      },
    }),
    'application/json',
  );
}

/** A completed AutoGluon job whose archive's leaderboard and evaluation carry hostile names. */
async function hostileAutoGluon(world: World): Promise<void> {
  const created = Date.now() - 3_600_000;
  const outputPath = `s3://${BUCKET}/hostile-autogluon`;
  trainingJobs(world).set(AUTOGLUON_JOB, {
    name: AUTOGLUON_JOB,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${AUTOGLUON_JOB}`,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    volumeSizeInGB: 20,
    roleArn: 'arn:aws:iam::123456789012:role/r',
    hyperParameters: {},
    channels: [],
    outputPath,
    maxRuntimeSeconds: 3600,
    creationTime: created,
    phases: trainingPhases('Completed'),
    finalMetrics: [],
    autoGluon: true,
    historical: true,
    finished: true,
    logged: -1,
  });
  const leaderboard = leaderboardCsv()
    .replace('WeightedEnsemble_L2', HOSTILE)
    .replace('LightGBMXT', `"${SCRIPT}"`)
    .replace('CatBoost', LONG);
  const evaluation = JSON.stringify({ accuracy: 0.23, [HOSTILE]: 0.5 });
  world.s3.put(
    BUCKET,
    `hostile-autogluon/${AUTOGLUON_JOB}/output/model.tar.gz`,
    await buildModelArchive([
      ['Leaderboard.csv', leaderboard],
      ['Model_Evaluation.txt', evaluation],
    ]),
    'application/x-tar',
  );
}

/**
 * An endpoint named with HTML (AWS refuses such names in requests, so the panel shows the refusal) and one with a
 * valid name whose variant is named with a closing script tag; both copy abalone-endpoint's configuration.
 */
function hostileEndpoints(world: World): void {
  const h = hosting(world);
  const seeded = h.endpoints.get('abalone-endpoint')!;
  const config = h.configs.get(seeded.configName)!;
  const arn = (base: string, name: string) => `${base.replace(/[^/]+$/, '')}${name}`;
  h.configs.set('hostile-config', {
    ...config,
    name: 'hostile-config',
    arn: arn(config.arn, 'hostile-config'),
    variants: config.variants.map((v) => ({ ...v, VariantName: SCRIPT })),
  });
  h.endpoints.set(HOSTILE, {
    ...seeded,
    name: HOSTILE,
    arn: arn(seeded.arn, 'hostile-name'),
    configName: 'hostile-config',
  });
  h.endpoints.set('hostile-variant-endpoint', {
    ...seeded,
    name: 'hostile-variant-endpoint',
    arn: arn(seeded.arn, 'hostile-variant-endpoint'),
    configName: 'hostile-config',
  });
}

const newestPanel = (page: Page) => page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');

describe('hostile strings from AWS in every other webview (packaged .vsix, real browser)', function () {
  this.timeout(240_000);
  const workbench = useWorkbench(async (s) => {
    const world = s.world() as World;
    hostileRelease(world);
    hostileRegistry(world);
    await hostileAutoGluon(world);
    hostileEndpoints(world);
    await openSageMakerSidebar(s.page, 460);
  });

  it('draws the release under review with hostile commits and metric names as text', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Pipelines');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'Waiting for approval · EvaluationApproval' })
      .first()
      .waitFor({ timeout: 30_000 });
    await expandRow(page, 'abalone-cicd-pipeline', 'Approval');
    await page.locator('.sidebar .monaco-list-row', { hasText: 'EvaluationApproval' }).nth(1).click();
    const panel = newestPanel(page);
    await panel.getByText('Is the Model Ready for Production?').waitFor({ timeout: 30_000 });
    await panel.locator('canvas').first().waitFor({ timeout: 15_000 });
    const cards = await panel.locator('.card').allTextContents();
    // Card titles are upper-cased like RMSE; the text itself is the metric name.
    assert.ok(
      cards.some((c) => c.startsWith(HOSTILE.toUpperCase())) && cards.some((c) => c.startsWith(SCRIPT.toUpperCase())),
      `metric names are card titles, as text: ${cards.join(' | ')}`,
    );
    const commits = (await panel.locator('.commits li').allTextContents()).join('\n');
    assert.ok(
      commits.includes(`${HOSTILE} ${SCRIPT}`) && commits.includes('𝔞𝔟𝔞𝔩𝔬𝔫𝔢'),
      'commit messages and author are text',
    );
    await assertInert(panel, 'Release Review');
    assert.equal(
      await panel.getByRole('button', { name: 'Approve…' }).isEnabled(),
      true,
      'the buttons are still there to use',
    );
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-release-review.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 5);
    tally('webviews drawn with hostile strings, layout kept', 1);
  });

  it('draws a model group with a hostile description, approval note, creator and metric name as text', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Model Registry');
    const panel = newestPanel(page);
    await runContextMenuItem(
      page,
      page.locator('.sidebar .monaco-list-row', { hasText: /^\s*AbalonePackageGroup/ }).first(),
      'Open Model Group',
      panel.getByRole('heading', { name: 'AbalonePackageGroup' }),
    );
    assert.equal(await panel.locator('p.question').textContent(), HOSTILE, 'the group description is text');
    await panel.getByLabel('Compare version 4').check();
    await panel.getByLabel('Compare version 3').check();
    await panel
      .getByText(/\(v4 vs v3\)/)
      .first()
      .waitFor({ timeout: 15_000 });
    const compared = await panel.locator('tr', { hasText: 'Approval note' }).textContent();
    assert.ok(compared?.includes(SCRIPT), `the approval note is text: ${compared}`);
    assert.ok((await panel.locator('body').textContent())?.includes(HOSTILE), 'the metric name is shown as text');
    await assertInert(panel, 'Model Group');
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-model-group.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 4);
    tally('webviews drawn with hostile strings, layout kept', 1);
  });

  it('draws an AutoGluon leaderboard whose model names and evaluation keys are hostile as text', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Training Jobs');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: AUTOGLUON_JOB }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open AutoGluon Leaderboard"]').click();
    const panel = newestPanel(page);
    await panel.getByRole('heading', { name: `AutoGluon · ${AUTOGLUON_JOB}` }).waitFor({ timeout: 30_000 });
    const rows = (await panel.locator('table.versions tbody tr').allTextContents()).join('\n');
    assert.ok(rows.includes(HOSTILE) && rows.includes(SCRIPT) && rows.includes('𝔞𝔟𝔞𝔩𝔬𝔫𝔢'), 'model names are text');
    assert.ok((await panel.locator('.card-name').allTextContents()).includes(HOSTILE), 'the evaluation key is text');
    await assertInert(panel, 'AutoGluon');
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-autogluon.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 4);
    tally('webviews drawn with hostile strings, layout kept', 1);
  });

  it('draws invocation metrics of endpoints and variants named with HTML as text', async () => {
    const { page } = workbench();
    const dialogs = watchDialogs(page);
    await showOnlyView(page, 'Endpoints');
    const named = page.locator('.sidebar .monaco-list-row', { hasText: HOSTILE }).first();
    await named.waitFor({ timeout: 30_000 });
    const metrics = newestPanel(page);
    await runContextMenuItem(
      page,
      named,
      'Show Invocation Metrics',
      metrics.getByRole('heading', { name: `${HOSTILE} · no variant` }),
    );
    // AWS's own validation refuses the name; the refusal, which quotes it, is text too.
    await metrics.getByText(/failed to satisfy constraint/).waitFor({ timeout: 15_000 });
    await assertInert(metrics, 'Endpoint Metrics (hostile endpoint name)');

    const variant = page.locator('.sidebar .monaco-list-row', { hasText: 'hostile-variant-endpoint' }).first();
    const second = newestPanel(page);
    await runContextMenuItem(
      page,
      variant,
      'Show Invocation Metrics',
      second.getByRole('heading', { name: `hostile-variant-endpoint · ${SCRIPT}` }),
    );
    await assertInert(second, 'Endpoint Metrics (hostile variant name)');
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-endpoint-metrics.png') });
    tally('hostile strings placed in AWS fields and drawn as text, nothing run', 2);
    tally('webviews drawn with hostile strings, layout kept', 2);
  });
});
