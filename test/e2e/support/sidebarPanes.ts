// Arranging the SageMaker sidebar the way a person would before looking at one view: wider, with only
// that view's pane open.
import type { Page } from 'playwright-core';

export async function openSageMakerSidebar(page: Page, width = 560): Promise<void> {
  await page.locator('.activitybar a[aria-label^="SageMaker"], .activitybar .action-item[aria-label^="SageMaker"]').first().click();
  await page.locator('.sidebar .pane-header', { hasText: 'Pipelines' }).first().waitFor({ timeout: 30_000 });
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar && sidebar.width < width - 10) {
    await page.mouse.move(sidebar.x + sidebar.width + 1, 400);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + width, 400, { steps: 5 });
    await page.mouse.up();
  }
}

/** Collapses every pane but `title`'s, which it expands. */
export async function showOnlyView(page: Page, title: string): Promise<void> {
  const headers = page.locator('.sidebar .pane-header');
  const count = await headers.count();
  for (let i = 0; i < count; i++) {
    const header = headers.nth(i);
    const name = (await header.locator('h3.title').textContent())?.trim();
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    if ((name === title) !== expanded) await header.click();
  }
}

/** Clicks a tree row by its text (expanding it) and waits for a row that only its children show. */
export async function expandRow(page: Page, text: string, childText: string): Promise<void> {
  await page.locator('.sidebar .monaco-list-row', { hasText: text }).first().click();
  await page.locator('.sidebar .monaco-list-row', { hasText: childText }).first().waitFor({ timeout: 30_000 });
}
