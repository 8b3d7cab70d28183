// The strings the hostile-input end-to-end tests put into AWS fields, and the checks every panel drawn with
// them must pass: no element made from them, no script run (alert() would open a dialog), no wider page.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const SCRIPT = '</script><script>alert(2)</script>';
export const LONG = `\u202E${'𝔞𝔟𝔞𝔩𝔬𝔫𝔢 '.repeat(400)}`;

/** Collects the dialogs the page opens (and dismisses them); a test asserts none came. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing made from AWS text: no <img>, no script carrying it, and no page wider than its window. */
export async function assertInert(panel: FrameLocator, what: string): Promise<void> {
  assert.equal(await panel.locator('img').count(), 0, `${what}: no element was made from AWS text`);
  const scripts = await panel.locator('script').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  assert.ok(
    scripts.every((text) => !text.includes('alert(')),
    `${what}: no script was made from AWS text`,
  );
  const overflow = await panel.locator('body').evaluate((body) => body.scrollWidth - body.clientWidth);
  assert.ok(overflow <= 1, `${what}: long text wraps or clips instead of widening the page (${overflow}px)`);
}
