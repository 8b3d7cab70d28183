// The Autopilot leaderboard of the seeded abalone-v0 job in real VS Code with the packaged extension:
// open it from the job's inline button, sort by a metric, see the best candidate first, in the dark and
// the light theme.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

async function switchTheme(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
}

describe('Autopilot leaderboard in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 400));

  it('sorts abalone-v0 by a metric and shows the best candidate first, dark and light', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Autopilot');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: /^\s*abalone-v0(?![-\d])/ }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open Leaderboard"]').click();
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.getByRole('heading', { name: 'abalone-v0', exact: true }).waitFor({ timeout: 30_000 });
    await webview.locator('.lb-body .lb-row').first().waitFor({ timeout: 15_000 });
    const firstRow = async () => (await webview.locator('.lb-body .lb-row').first().textContent()) ?? '';
    assert.match(
      await firstRow(),
      /^1★ abalone-v0-\d{3}-[0-9a-f]{8}0\.2917/,
      'ranked by the objective, the best marked',
    );

    // Sort by another metric, then by the objective again: the best candidate comes back first.
    await webview.getByRole('columnheader', { name: /^F1macro/ }).click();
    await webview.getByRole('columnheader', { name: /^F1macro ▼/ }).waitFor({ timeout: 5_000 });
    await webview.getByRole('columnheader', { name: /^Accuracy$/ }).click();
    await webview.getByRole('columnheader', { name: /^Accuracy ▼/ }).waitFor({ timeout: 5_000 });
    assert.match(await firstRow(), /^1★ abalone-v0-/, 'highest Accuracy first');
    assert.equal((await webview.locator('.lb-body .lb-row').count()) < 60, true, 'only the rows in view are drawn');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'leaderboard-dark.png') });
    const explained = webview.getByRole('heading', { name: 'Explainability of the best candidate' });
    await explained.scrollIntoViewIfNeeded();
    assert.ok(
      await webview.getByRole('img', { name: 'Feature importance of the best candidate' }).isVisible(),
      'the feature importance chart is drawn',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'leaderboard-explainability.png') });

    await switchTheme(page, 'Light Modern');
    await page.locator('.monaco-workbench.vs').first().waitFor({ timeout: 15_000 });
    await webview.getByRole('heading', { name: 'abalone-v0', exact: true }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'leaderboard-light.png') });
  });
});
