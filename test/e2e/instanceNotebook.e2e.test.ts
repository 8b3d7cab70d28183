// The seeds' lab notebook run in VS Code on the notebook instance, with the packaged extension in real VS Code:
// start the lab instance from the sidebar, Open Instance Files (the multi-root window gains
// sagemaker-notebook://ml-pipeline-lab-notebook/), open Lab1-data-preparation.ipynb from the Explorer (it runs on
// the instance, its saved conda_python3 kernel), see the instance picked in VS Code's kernel picker, Run All, and
// see the pandas table and the matplotlib plot the instance's real Jupyter kernel sent back.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { outputs, pick } from './support/notebookEditor';
import { openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

const LAB = 'ml-pipeline-lab-notebook';
const NOTEBOOK = 'Lab1-data-preparation.ipynb';

/** Whether the element is laid out inside the window (outputs live in the notebook's webview, offset as it scrolls). */
async function onScreen(page: Page, element: Locator): Promise<boolean> {
  if (!(await element.count())) return false;
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  return !!box && !!viewport && box.height > 0 && box.y >= 0 && box.y + box.height <= viewport.height;
}

describe('a notebook on the instance in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(300_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 380), { multiRoot: true });

  it(`opens ${NOTEBOOK} from ${LAB}'s files, runs it on conda_python3 and shows the table and the plot`, async () => {
    const { page } = workbench();
    // Tall enough for the table and the plot on one screen.
    await page.setViewportSize({ width: 1400, height: 1000 });
    await showOnlyView(page, 'Notebook Instances');
    const stopped = page
      .locator('.sidebar .monaco-list-row', { hasText: new RegExp(`^\\s*${LAB}\\s*Stopped`) })
      .first();
    await stopped.waitFor({ timeout: 30_000 });
    await stopped.hover();
    await stopped.locator('.action-label[aria-label="Start Notebook Instance"]').click();
    const inService = page.locator('.sidebar .monaco-list-row', { hasText: new RegExp(`^\\s*${LAB}\\s*InService`) });
    await inService.first().waitFor({ timeout: 90_000 });

    // The window holds a multi-root workspace, so adding the instance's folder does not reload it; the folder
    // is in the Explorer afterwards (the menu is not retried: it ran once).
    await inService.first().click({ button: 'right' });
    await page
      .locator('.context-view .monaco-menu .action-item', { hasText: 'Open Instance Files' })
      .first()
      .hover({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.activitybar .action-label[aria-label^="Explorer"]').first().click();
    const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: `${LAB} (SageMaker)` });
    await folder.first().waitFor({ timeout: 60_000 });
    await folder.first().click();
    // A root folder of a multi-root workspace opens with the arrow key (a click only selects it once loaded).
    await page.keyboard.press('ArrowRight');
    const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: NOTEBOOK }).first();
    await file.waitFor({ timeout: 30_000 });
    await file.dblclick();
    const editor = page.locator('.notebook-editor');
    await editor.locator('.code-cell-row', { hasText: 'read_csv' }).first().waitFor({ timeout: 30_000 });

    // Opened from the instance's folder, the notebook runs there on its saved kernel (conda_python3): VS Code's
    // kernel picker shows the instance selected, with this extension's detail; picking it keeps it.
    const kernelPicker = page.locator('.notebook-toolbar-container .kernel-action-view-item').first();
    await page
      .locator('.notebook-toolbar-container .kernel-action-view-item', { hasText: LAB })
      .first()
      .waitFor({ timeout: 30_000 });
    await kernelPicker.click();
    await pick(page, LAB, new RegExp(`^\\s*${LAB}\\s*InService.*Currently Selected\\s*SageMaker notebook instance`));
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    await page
      .locator('.notebook-toolbar-container .action-item', { hasText: /^\s*Run All\s*$/ })
      .first()
      .click();
    const shown = outputs(page);
    await shown.getByText('20 abalone, 9 columns').first().waitFor({ timeout: 90_000 });

    // VS Code renders the outputs of the cells in view: scroll down to the plot as a person would, until the
    // table and the plot are both on screen.
    const list = await editor.locator('.cell-list-container').first().boundingBox();
    assert.ok(list, 'the notebook shows its cells');
    await page.mouse.move(list.x + 12, list.y + list.height / 2);
    const table = shown.locator('table.dataframe').first();
    const plot = shown.locator('img[src^="data:image/png"], img[src^="blob:"]').first();
    const deadline = Date.now() + 90_000;
    while (!((await onScreen(page, plot)) && (await onScreen(page, table)))) {
      assert.ok(Date.now() < deadline, 'the table and the plot came on screen');
      if (!(await onScreen(page, plot))) await page.mouse.wheel(0, 120);
      await plot.waitFor({ state: 'attached', timeout: 1_000 }).catch(() => undefined);
    }

    // What a person sees: the first rows of the table and a plot of a sensible size.
    const header = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    assert.deepEqual(header.slice(1, 4), ['sex', 'length', 'diameter']);
    assert.equal(await table.locator('tbody tr').count(), 5);
    const box = await plot.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, `plot size ${JSON.stringify(box)}`);
    // The table's cell ran second (read with no pointer over a cell, which would show its run button instead).
    await page.mouse.move(1, 1);
    await editor.locator('.code-cell-row .execution-count-label', { hasText: '[2]' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'instance-notebook.png') });
  });
});
