// The packaged extension as a user meets it: the SageMaker container, its views, the profile and
// region in the status bar, and the seeded notebook instances listed from the emulator.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { widenSidebar } from './support/sidebarPanes';

describe('SageMaker sidebar in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench();

  it('shows the SageMaker container with its eight views, in order', async () => {
    const { page } = workbench();
    const views = [
      'Notebook Instances',
      'Studio',
      'Autopilot',
      'Training Jobs',
      'Model Registry',
      'Endpoints',
      'Pipelines',
      'Running Now',
    ];
    await page
      .locator('.activitybar a[aria-label^="SageMaker"], .activitybar .action-item[aria-label^="SageMaker"]')
      .first()
      .click();
    for (const view of views)
      await page.locator('.pane-header', { hasText: view }).first().waitFor({ timeout: 30_000 });
    const headers = await page.locator('.sidebar .pane-header h3.title').allTextContents();
    assert.deepEqual(
      headers.map((h) => h.trim()),
      views,
    );
  });

  it('lists the seeded notebook instances from the emulator', async () => {
    const { page } = workbench();
    await page
      .locator('.monaco-list-row', { hasText: 'FraudDetectionNotebookInstance' })
      .first()
      .waitFor({ timeout: 30_000 });
    const rows = await page.locator('.sidebar .monaco-list-row').allTextContents();
    assert.ok(
      rows.some((r) => r.includes('ml-pipeline-lab-notebook')),
      rows.join(' | '),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar.png') });
    // The README's and the Marketplace's picture (media/readme/sidebar.png): rows with their descriptions, and no
    // tooltip of the SageMaker icon (the pointer rested on it since the click) over the Studio view.
    await widenSidebar(page);
    await page.mouse.move(1000, 450);
    await page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 10_000 });
    // The edge just dragged stays lit while the pointer is on it.
    await page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'hidden', timeout: 10_000 });
    // The whole window: the walkthrough shows it too, where a picture is the full window (walkthrough.test.ts).
    await page.screenshot({ path: path.join(SCREENSHOTS, 'readme-sidebar.png') });
  });

  it('shows the profile and region in the status bar', async () => {
    const { page } = workbench();
    const item = page.locator('.statusbar-item', { hasText: 'us-east-1' }).first();
    await item.waitFor({ timeout: 30_000 });
    assert.match((await item.textContent()) ?? '', /default · us-east-1/);
  });
});
