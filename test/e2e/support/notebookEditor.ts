// What the notebook e2e suites do in VS Code's own UI: pick from the open quick pick (the kernel picker, its kernels)
// as a person typing would, and read the notebook editor's outputs.
import type { FrameLocator, Page } from 'playwright-core';

/** The notebook editor's outputs: a webview (an iframe holding the active frame). */
export function outputs(page: Page): FrameLocator {
  return page.frameLocator('.notebookOverlay iframe.webview').frameLocator('iframe#active-frame');
}

/**
 * Picks the item of the open quick pick that `filter` narrows to, as a person typing would: the typed text
 * filters the list and Enter accepts the focused item, checked to be `expected` first. (A click can land on
 * the hover of the row above.)
 */
export async function pick(page: Page, filter: string, expected: RegExp = new RegExp(filter)): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: filter })
    .first()
    .waitFor({ timeout: 30_000 });
  await input.fill(filter);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: expected })
    .waitFor({ timeout: 10_000 });
  await input.press('Enter');
}
