// Batch prediction in real VS Code with the packaged extension (seed 002's flow): "Batch Predict CSV…" from the
// Explorer's menu on the workspace's abalone CSV, abalone-endpoint picked, rings as the label. The predictions file
// opens, the Batch Prediction panel beside it shows the error the rows give and draws its two plots in Chromium.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { abaloneRings } from '../emulator/services/sagemaker/inferenceModels';
import { ROOT, SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { quickInputTitled } from './support/quickInput';
import { runContextMenuItem } from './support/sidebarPanes';

const CSV = path.join(ROOT, 'test', 'fixtures', 'workspace', 'abalone', 'abalone_with_headers.csv');

/** The page's canvas, as much of it as the test reads (the e2e tests compile without the DOM's types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

/** The RMSE the endpoint's answers give on the fixture's rows, as the panel prints it (4 significant digits). */
function expectedRmse(): string {
  const rows = fs.readFileSync(CSV, 'utf8').trim().split('\n').slice(1);
  const squares = rows.map((row) => {
    const fields = row.split(',');
    return (abaloneRings(fields.slice(0, 8)) - Number(fields[8])) ** 2;
  });
  return String(Number(Math.sqrt(squares.reduce((a, b) => a + b, 0) / rows.length).toPrecision(4)));
}

describe('batch prediction in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench();

  it('predicts the abalone CSV with abalone-endpoint and draws the error and the plots', async () => {
    const { page } = workbench();
    // The Explorer by its key, which shows it (clicking its icon while it shows would close the sidebar instead).
    await page.keyboard.press('Control+Shift+E');
    const rows = page.locator('.explorer-folders-view .monaco-list-row');
    await rows
      .filter({ hasText: /^abalone$/ })
      .first()
      .click();
    const csv = rows.filter({ hasText: 'abalone_with_headers.csv' }).first();
    await csv.waitFor({ timeout: 30_000 });

    const quickInput = page.locator('.quick-input-widget');
    await runContextMenuItem(page, csv, 'Batch Predict CSV…', quickInputTitled(page, 'Predict with which endpoint?'));
    await quickInput.locator('input').fill('abalone-endpoint');
    await quickInput
      .locator('.monaco-list-row', { hasText: /^abalone-endpoint/ })
      .first()
      .waitFor();
    await quickInput.locator('input').press('Enter');
    await quickInputTitled(page, /^Which column is the label/).waitFor({ timeout: 30_000 });
    const suggested = quickInput.locator('.monaco-list-row', { hasText: 'looks like the label' });
    assert.match((await suggested.textContent()) ?? '', /^rings/, 'rings is offered as the label');
    await quickInput.locator('input').fill('rings');
    await quickInput.locator('input').press('Enter');

    const panel = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await panel.getByRole('heading', { name: 'Batch prediction · abalone-endpoint' }).waitFor({ timeout: 60_000 });
    assert.match(
      (await panel.locator('header p').textContent()) ?? '',
      /^20 of 20 rows of abalone\/abalone_with_headers\.csv predicted$/,
    );
    assert.equal(await panel.locator('a', { hasText: 'abalone_with_headers.predictions.csv' }).count(), 1);
    const cards = await panel.locator('.card').allTextContents();
    assert.equal(cards[0], `RMSE${expectedRmse()}`, cards.join(' | '));
    assert.deepEqual(
      cards.map((c) => c.replace(/[-\d.e]+$/, '')),
      ['RMSE', 'MAE', 'R²'],
    );
    // Both plots drawn: Chart.js painted pixels into each canvas (an unregistered chart part throws before that).
    const canvases = panel.locator('canvas');
    await canvases.nth(1).waitFor({ timeout: 15_000 });
    for (const label of ['Predicted against actual values', 'Histogram of residuals']) {
      const painted = await panel.getByRole('img', { name: label }).evaluate((element) => {
        const canvas = element as unknown as Canvas;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
        return count;
      });
      assert.ok(painted > 1_000, `${label}: ${painted} pixels painted`);
    }
    // The predictions file and the panel side by side, each the tab in view of its group; no group left empty.
    const groups = page.locator('.editor-group-container');
    assert.equal(await groups.count(), 2);
    const shown = (group: number) => groups.nth(group).locator('.tab.active').textContent();
    assert.match((await shown(0)) ?? '', /abalone_with_headers\.predictions\.csv/);
    assert.match((await shown(1)) ?? '', /Predictions: abalone-endpoint/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'batch-prediction.png') });

    // The panel's link brings the predictions forward in the group that has them open: no third group.
    await panel.locator('a', { hasText: 'abalone_with_headers.predictions.csv' }).click();
    await groups.nth(0).and(page.locator('.editor-group-container.active')).waitFor({ timeout: 15_000 });
    assert.equal(await groups.count(), 2);
  });
});
