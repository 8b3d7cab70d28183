// The seeds' daily start in real VS Code with the packaged extension: start the stopped, lifecycle-configured
// lab instance from the sidebar and watch it turn InService; its lifecycle script is one click away.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { expandRow, openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

describe('start a notebook instance in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 460));

  it('starts ml-pipeline-lab-notebook from its inline button and sees it InService', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Notebook Instances');
    const row = page
      .locator('.sidebar .monaco-list-row', { hasText: /^\s*ml-pipeline-lab-notebook\s*Stopped/ })
      .first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Start Notebook Instance"]').click();
    await page
      .locator('.notifications-toasts', { hasText: 'Starting ml-pipeline-lab-notebook' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-starting.png') });
    await page
      .locator('.sidebar .monaco-list-row', { hasText: /^\s*ml-pipeline-lab-notebook\s*InService/ })
      .first()
      .waitFor({ timeout: 90_000 });
    await page
      .locator('.notifications-toasts', { hasText: 'ml-pipeline-lab-notebook is InService.' })
      .first()
      .waitFor({ timeout: 30_000 });

    // The lifecycle script behind the start opens as a file.
    await expandRow(page, 'ml-pipeline-lab-notebook', 'foo');
    await expandRow(page, 'foo', 'On start');
    await page.locator('.sidebar .monaco-list-row', { hasText: 'On start' }).first().click();
    await page.locator('.tab', { hasText: 'on-start.sh' }).first().waitFor({ timeout: 15_000 });
    await page
      .locator('.view-lines', { hasText: 's3://ml-pipeline-bucket/lab-1/scripts/' })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.equal(
      await page.locator('.notifications-toasts', { hasText: 'Pending → InService' }).count(),
      0,
      'the start is announced once, by the command',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-inservice.png') });
  });
});
