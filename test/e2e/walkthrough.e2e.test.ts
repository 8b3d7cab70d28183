// The Get Started walkthrough as a person opens it from the Command Palette in real VS Code with the packaged
// extension: its four steps, the first one's button and its picture from the real UI, loaded from the .vsix.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';

describe('Get Started walkthrough in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench();

  it('opens from Welcome: Open Walkthrough… with its four steps and a picture of the real UI', async () => {
    const { page } = workbench();
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Welcome: Open Walkthrough');
    // Each pick is made with Enter on the focused row: a row's hover (the walkthrough's description) covers
    // the next row for a pointer.
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open Walkthrough' })
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');
    await input.fill('SageMaker');
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with SageMaker Workbench' })
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');

    const editor = page.locator('.gettingStartedContainer');
    await editor.locator('.getting-started-step', { hasText: 'Review a release' }).first().waitFor({ timeout: 30_000 });
    const titles = (await editor.locator('.getting-started-step .step-title').allTextContents()).map((t) => t.trim());
    assert.deepEqual(titles.slice(0, 4), [
      'Choose a profile and region',
      'Try the local sandbox',
      'Open a notebook on an instance',
      'Review a release',
    ]);
    await editor.getByRole('button', { name: 'Choose Profile and Region' }).first().waitFor({ timeout: 10_000 });
    // The first step's picture, loaded from the installed .vsix.
    const images = () =>
      page.evaluate(`[...document.querySelectorAll('.gettingStartedContainer img')].map((img) =>
        ({ src: decodeURIComponent(img.currentSrc || img.src), width: img.naturalWidth, done: img.complete }))`);
    const deadline = Date.now() + 15_000;
    let seen = (await images()) as Array<{ src: string; width: number; done: boolean }>;
    while (!seen.some((img) => /media\/readme\/sidebar\.png/.test(img.src) && img.done && img.width > 0)) {
      assert.ok(Date.now() < deadline, `the sidebar picture is shown: ${JSON.stringify(seen)}`);
      await page.waitForTimeout(100);
      seen = (await images()) as typeof seen;
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'walkthrough.png') });
  });
});
