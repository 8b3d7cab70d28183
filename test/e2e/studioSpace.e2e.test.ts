// Seed 003's stopped Studio space put to work from VS Code, with the packaged extension in real VS Code: expand
// the Quick-setup domain and its user profile in the Studio view, start autogluon-image-build from its inline
// button and watch the row turn InService, then open a new notebook, pick the space in VS Code's kernel picker
// (and its kernel when asked), and run cells whose text and matplotlib plot the space's Jupyter kernel sent back.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { quickInputTitled } from './support/quickInput';
import { outputs, pick } from './support/notebookEditor';
import { expandRow, openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

const DOMAIN_ID = 'd-abcdefghijkl';
const PROFILE = 'default-1625508201457';
const SPACE = 'autogluon-image-build';

/** What the notebook runs: the space's Python makes the data and matplotlib draws it there. */
const CELLS = [
  'import numpy as np\nrings = np.random.default_rng(7).poisson(9.9, 4177)\nprint(f"{rings.size} abalone, mean rings {rings.mean():.1f}")',
  '%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.figure(figsize=(7, 3.5))\nplt.hist(rings, bins=range(25))\nplt.title("Rings per abalone")\nplt.show()',
];

describe('a Studio space started from the sidebar runs a notebook in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(300_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 540));

  it(`starts ${SPACE} from the Studio view, picks it as the kernel and shows the cells' text and plot`, async () => {
    const { page } = workbench();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await showOnlyView(page, 'Studio');
    await expandRow(page, DOMAIN_ID, PROFILE);
    await expandRow(page, PROFILE, SPACE);
    const row = (state: string) =>
      page.locator('.sidebar .monaco-list-row', {
        hasText: new RegExp(`^\\s*${SPACE}\\s*JupyterLab · private · ${state}`),
      });
    const stopped = row('Stopped').first();
    await stopped.waitFor({ timeout: 30_000 });
    await stopped.hover();
    await stopped.locator('.action-label[aria-label="Start Space"]').click();
    await page
      .locator('.notifications-toasts', { hasText: `Starting ${SPACE}: JupyterLab on ml.m5.large` })
      .first()
      .waitFor({ timeout: 15_000 });
    await row('InService').first().waitFor({ timeout: 90_000 });
    await page
      .locator('.notifications-toasts', { hasText: `${SPACE} is InService.` })
      .first()
      .waitFor({ timeout: 30_000 });

    // A new notebook, as from the Command Palette.
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('>Create: New Jupyter Notebook');
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'New Jupyter Notebook' })
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');
    const editor = page.locator('.notebook-editor');
    await editor.locator('.code-cell-row').first().waitFor({ timeout: 30_000 });

    const kernelPicker = page.locator('.notebook-toolbar-container .kernel-action-view-item').first();
    await kernelPicker.click();
    await pick(page, 'SageMaker Workbench');
    await pick(
      page,
      SPACE,
      new RegExp(`^\\s*${SPACE}\\s*InService · ml\\.m5\\.large\\s*SageMaker Studio JupyterLab space \\(private\\)`),
    );
    await quickInputTitled(page, `Kernel on ${SPACE}`).waitFor({ timeout: 60_000 });
    await pick(page, 'conda_python3', /^\s*conda_python3\s*The server’s default kernel/);
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page
      .locator('.notebook-toolbar-container .kernel-action-view-item', { hasText: SPACE })
      .first()
      .waitFor({ timeout: 30_000 });

    // Two cells typed as a person would (pasted text keeps its own brackets and quotes): Shift+Enter runs the
    // first and opens the next, the second's run button runs it.
    await editor.locator('.code-cell-row .monaco-editor .view-lines').first().click();
    await page.keyboard.insertText(CELLS[0]);
    await page.keyboard.press('Shift+Enter');
    await editor.locator('.code-cell-row').nth(1).waitFor({ timeout: 15_000 });
    await page.keyboard.insertText(CELLS[1]);
    const second = editor.locator('.code-cell-row').nth(1);
    await second.hover();
    await second.locator('.run-button-container .action-label').first().click();

    const shown = outputs(page);
    const text = shown.getByText(/4177 abalone, mean rings \d+\.\d/).first();
    await text.waitFor({ timeout: 90_000 });
    const plot = shown.locator('img[src^="data:image/png"], img[src^="blob:"]').first();
    await plot.waitFor({ timeout: 90_000 });
    const box = await plot.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, `plot size ${JSON.stringify(box)}`);
    // Back to the top of the notebook, as a person would to read it; then both cells ran, in order, on the
    // space (read with no pointer over a cell, which shows its run button instead).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.waitForFunction(`(() => {
      const list = document.querySelector('.notebook-editor .cell-list-container')?.getBoundingClientRect();
      const first = document.querySelector('.notebook-editor .code-cell-row')?.getBoundingClientRect();
      return !!list && !!first && first.top >= list.top;
    })()`);
    await page.mouse.move(1, 1);
    await editor.locator('.code-cell-row .execution-count-label', { hasText: '[1]' }).waitFor({ timeout: 30_000 });
    await editor.locator('.code-cell-row .execution-count-label', { hasText: '[2]' }).waitFor({ timeout: 30_000 });
    assert.equal(
      (await page.locator('.notebook-toolbar-container .kernel-action-view-item').first().textContent())?.trim(),
      SPACE,
      'the kernel picker shows the space',
    );

    // The start's announcement is read; the picture shows the tree, the kernel and the outputs.
    await page.keyboard.press('Control+Shift+P');
    await input.fill('>Notifications: Clear All Notifications');
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Clear All Notifications' })
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');
    await page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 });
    await row('InService').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'studio-space-notebook.png') });
  });
});
