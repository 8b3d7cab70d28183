// The AutoGluon leaderboard of the seeded abalone training job in real VS Code with the packaged extension,
// opened from the job's inline button: the best model first, the evaluation metrics, the score chart. Then
// the job's own panel (final metric, metric curve, status timeline) and two jobs selected together and
// compared from the context menu.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { openSageMakerSidebar, runContextMenuItem, showOnlyView } from './support/sidebarPanes';

describe('AutoGluon leaderboard in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 420));

  it('shows the leaderboard read out of model.tar.gz, best model first', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Training Jobs');
    const row = page
      .locator('.sidebar .monaco-list-row', { hasText: 'abalone-autogluon-2021-07-05-18-03-21-457' })
      .first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open AutoGluon Leaderboard"]').click();
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview
      .getByRole('heading', { name: 'AutoGluon · abalone-autogluon-2021-07-05-18-03-21-457' })
      .waitFor({ timeout: 30_000 });
    const first = (await webview.locator('table.versions tbody tr').first().textContent()) ?? '';
    assert.match(first, /^★ WeightedEnsemble_L20\.30720\.2297/);
    assert.ok((await webview.locator('.card').allTextContents()).some((c) => c.startsWith('accuracy0.2297')));
    await webview.locator('canvas').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'autogluon-leaderboard.png') });
  });

  it("opens the job's panel: final metric, the validation curve, the status timeline", async () => {
    const { page } = workbench();
    const row = page
      .locator('.sidebar .monaco-list-row', { hasText: 'abalone-autogluon-2021-07-05-18-03-21-457' })
      .first();
    await row.hover();
    await row.locator('.action-label[aria-label="Open Training Job"]').click();
    const webview = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await webview
      .getByRole('heading', { name: /Training job · abalone-autogluon-2021-07-05-18-03-21-457/ })
      .waitFor({ timeout: 30_000 });
    assert.ok((await webview.locator('.card').allTextContents()).includes('validation:accuracy0.3072'));
    await webview
      .locator('canvas[aria-label="validation:accuracy over the job\'s runtime"]')
      .waitFor({ timeout: 10_000 });
    assert.match(
      (await webview.getByRole('figure').first().textContent()) ?? '',
      /validation:accuracy \(14 values; last 0\.3072\)/,
    );
    const timeline = await webview
      .locator('section', { hasText: 'Status timeline' })
      .locator('tbody tr')
      .allTextContents();
    assert.deepEqual(
      timeline.map((t) => t.match(/^(Starting|Downloading|Training|Uploading|Completed)/)?.[1]),
      ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed'],
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'training-job.png') });
  });

  it('compares two jobs selected together in the tree', async () => {
    const { page } = workbench();
    const done = page
      .locator('.sidebar .monaco-list-row', { hasText: 'abalone-autogluon-2021-07-05-18-03-21-457' })
      .first();
    const xgboost = page
      .locator('.sidebar .monaco-list-row', { hasText: 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a' })
      .first();
    await done.click();
    await xgboost.click({ modifiers: ['Control'] });
    const webview = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    const heading = webview.getByRole('heading', { name: 'Compare 2 training jobs' });
    await runContextMenuItem(page, xgboost, 'Compare Training Jobs', heading);
    const image = await webview
      .locator('tr', { hasText: /^Image/ })
      .locator('td.diff')
      .count();
    assert.equal(image, 2, 'the images differ, both cells highlighted');
    assert.match((await webview.locator('header p').textContent()) ?? '', /^\d+ of \d+ rows differ/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'training-compare.png') });
  });
});
