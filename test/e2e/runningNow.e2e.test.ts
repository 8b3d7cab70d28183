// The Running Now view of the packaged extension in real VS Code: what runs in the seeded account with its price
// per hour, running time and cost so far, the total on top and in the status bar ("SageMaker: $…/h"), and the
// running Studio space's app with Stop on its row. Photographed for the README.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

const SPACE_ROW = 'autopilot-experiments (JupyterLab space)';

/** The Running Now pane (its header and its rows), apart from the collapsed panes above it. */
const runningNowPane = (page: Page): Locator =>
  page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Running Now' }) });

describe('Running Now in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(240_000);
  // Wide enough that a row's price, running time and cost so far are read without being cut.
  const workbench = useWorkbench(async ({ page }) => {
    await page.setViewportSize({ width: 1500, height: 640 });
    await openSageMakerSidebar(page, 1180);
  });

  it('lists each running resource with its price and the total, the status bar says the total per hour', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Running Now');
    const pane = runningNowPane(page);
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text }).first();
    await row('Total $').waitFor({ timeout: 60_000 });
    // The seeded instance that is starting joins the bill once InService: Refresh (the pane's title action) until then.
    for (let attempt = 0; !(await row('abalone-autopilot-notebook').isVisible()); attempt++) {
      assert.ok(attempt < 30, 'abalone-autopilot-notebook is billed once it is InService');
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header .action-label[aria-label="Refresh Running Now"]').click();
      await row('abalone-autopilot-notebook')
        .waitFor({ timeout: 2_000 })
        .catch(() => undefined);
    }

    const space = await row(SPACE_ROW).textContent();
    assert.match(space ?? '', /ml\.t3\.medium · \$0\.05\/h · running \d+m.* · \$[0-9.]+ so far/);
    assert.match(
      (await row('fraud-detection-endpoint / AllTraffic').textContent()) ?? '',
      /ml\.m4\.xlarge · \$0\.24\/h · running /,
    );
    assert.match((await row('abalone-autopilot-notebook').textContent()) ?? '', /ml\.m5\.xlarge · \$0\.23\/h/);
    assert.match(
      (await row('abalone-serverless-endpoint').textContent()) ?? '',
      /serverless: billed per millisecond of inference/,
    );
    assert.match(
      (await row('cmapss-XGBoostEndpoint').textContent()) ?? '',
      /idle 24 h: no invocations, \$0\.23 an idle hour/,
    );

    const total = /Total \$(\d+\.\d\d)\/h in us-east-1/.exec((await row('Total $').textContent()) ?? '');
    assert.ok(total, 'the total row');
    const statusItem = page.locator('.statusbar-item', { hasText: 'SageMaker: $' }).first();
    await statusItem.waitFor({ timeout: 30_000 });
    assert.equal((await statusItem.textContent())?.trim(), `SageMaker: $${total[1]}/h`);

    // Stop on the space's row: the Studio view's Stop Space…, shown when the row is hovered.
    await row(SPACE_ROW).hover();
    await row(SPACE_ROW).locator('.actions .action-label[aria-label="Stop Space…"]').waitFor({ timeout: 10_000 });
    // Away from the rows, so no hover or inline button covers them in the picture.
    await page.mouse.move(1400, 300);
    await page.locator('.monaco-hover').waitFor({ state: 'hidden', timeout: 10_000 });

    // The window up to the sidebar's edge: the views, the rows and the status bar, not the empty editor.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar, 'the sidebar is shown');
    const size = page.viewportSize()!;
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'running-now.png'),
      clip: { x: 0, y: 0, width: Math.min(size.width, sidebar.x + sidebar.width + 4), height: size.height },
    });
    const rows = await pane.locator('.monaco-list-row').allTextContents();
    assert.ok(rows.length >= 9, `the total and the running resources: ${rows.join(' | ')}`);
  });
});
