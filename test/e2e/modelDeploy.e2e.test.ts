// The registry-to-endpoint flow in real VS Code with the packaged extension: approve AbalonePackageGroup v4
// from its context menu (comment, then VS Code's modal), deploy it through the five-step wizard, and see the
// new endpoint InService in the Endpoints view. Then the Model Group panel with its charts and the
// endpoint's invocation metrics.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { quickInputTitled } from './support/quickInput';
import { expandRow, openSageMakerSidebar, runContextMenuItem, showOnlyView } from './support/sidebarPanes';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';

/** Runs a context-menu item of the first tree row matching `row`. */
function contextMenu(page: Page, row: RegExp, item: string, opens: Locator): Promise<void> {
  return runContextMenuItem(page, page.locator('.sidebar .monaco-list-row', { hasText: row }).first(), item, opens);
}

async function acceptQuickInput(page: Page, expectTitle: RegExp, value?: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await quickInputTitled(page, expectTitle).waitFor({ timeout: 30_000 });
  const input = widget.locator('input');
  if (value !== undefined) await input.fill(value);
  await input.press('Enter');
}

describe('approve a model version and deploy it in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 460));

  it('approves AbalonePackageGroup v4 and deploys it to a new endpoint that comes InService', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Model Registry');
    await expandRow(page, 'AbalonePackageGroup', 'PendingManualApproval');

    await contextMenu(
      page,
      /^\s*v4/,
      'Approve Model Version…',
      quickInputTitled(page, /Approve AbalonePackageGroup v4/),
    );
    await acceptQuickInput(page, /Approve AbalonePackageGroup v4/, 'RMSE 1.52 is within the 1.6 acceptance criterion');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /Currently approved: v3 — mse 2\.202 · rmse 1\.484/);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page
      .locator('.sidebar .monaco-list-row', { hasText: /^\s*v4.*Approved/ })
      .first()
      .waitFor({ timeout: 30_000 });

    await contextMenu(
      page,
      /^\s*v4/,
      'Deploy to New Endpoint…',
      quickInputTitled(page, /Deploy AbalonePackageGroup v4/),
    );
    // Each step is waited for by its counter, so an Enter never lands on the step before.
    const step = (n: number) => new RegExp(`Deploy AbalonePackageGroup v4 \\(${n}/5\\)`);
    await acceptQuickInput(page, step(1)); // name: abalonepackagegroup-v4-endpoint
    await acceptQuickInput(page, step(2)); // ml.m5.large
    await acceptQuickInput(page, step(3)); // 1 instance
    await acceptQuickInput(page, step(4)); // no data capture
    await quickInputTitled(page, step(5)).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deploy-wizard-role.png') });
    await acceptQuickInput(page, step(5), ROLE);
    await dialog.waitFor({ timeout: 15_000 });
    const confirm = (await dialog.textContent()) ?? '';
    assert.match(confirm, /Deploy AbalonePackageGroup v4 to a new endpoint abalonepackagegroup-v4-endpoint\?/);
    assert.match(confirm, /variant AllTraffic, 1 × ml\.m5\.large/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deploy-confirm.png') });
    await dialog.getByRole('button', { name: 'Deploy' }).click();

    await page
      .locator('.notifications-toasts', {
        hasText:
          'Endpoint abalonepackagegroup-v4-endpoint is InService (1 × ml.m5.large), serving AbalonePackageGroup v4.',
      })
      .waitFor({ timeout: 60_000 });
    await showOnlyView(page, 'Endpoints');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: /abalonepackagegroup-v4-endpoint.*InService/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deployed-endpoint.png') });

    await showOnlyView(page, 'Model Registry');
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await contextMenu(
      page,
      /^\s*AbalonePackageGroup/,
      'Open Model Group',
      webview.getByRole('heading', { name: 'AbalonePackageGroup' }),
    );
    await webview.getByRole('heading', { name: 'AbalonePackageGroup' }).waitFor({ timeout: 30_000 });
    await webview.getByLabel('Compare version 4').check();
    await webview.getByLabel('Compare version 3').check();
    await webview
      .getByText(/\(v4 vs v3\)/)
      .first()
      .waitFor({ timeout: 15_000 });
    assert.ok((await webview.locator('canvas').count()) >= 2, 'a chart per metric');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'model-group.png') });

    // The endpoint's invocation metrics from CloudWatch (the seeded day of traffic).
    await showOnlyView(page, 'Endpoints');
    const metrics = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await contextMenu(
      page,
      /^\s*abalone-endpoint(?!-)/,
      'Show Invocation Metrics',
      metrics.getByRole('heading', { name: 'abalone-endpoint · AllTraffic' }),
    );
    await metrics.locator('canvas').nth(1).waitFor({ timeout: 15_000 });
    const totals = await metrics.locator('.card').allTextContents();
    assert.ok(
      totals.some((t) => /^INVOCATIONS\d{4,}$/.test(t)),
      totals.join(' | '),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'endpoint-metrics.png') });
  });
});
