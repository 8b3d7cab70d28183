// Arranging the SageMaker sidebar the way a person would before looking at one view: wider, with only
// that view's pane open.
import type { Locator, Page } from 'playwright-core';

export async function openSageMakerSidebar(page: Page, width = 560): Promise<void> {
  await page
    .locator('.activitybar a[aria-label^="SageMaker"], .activitybar .action-item[aria-label^="SageMaker"]')
    .first()
    .click();
  await page.locator('.sidebar .pane-header', { hasText: 'Pipelines' }).first().waitFor({ timeout: 30_000 });
  await widenSidebar(page, width);
}

/** Drags the sidebar's edge until it is `width` pixels wide, so rows show their descriptions. */
export async function widenSidebar(page: Page, width = 560): Promise<void> {
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

/**
 * Runs a tree row's context-menu item and waits for what it opens. Hover focuses the item and Enter runs it
 * (the menu ignores a mouse-up right after it opened); a row the view re-renders just then can drop the
 * menu, so it is opened again up to three times.
 */
export async function runContextMenuItem(page: Page, row: Locator, item: string, opens: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await row.click({ button: 'right' });
      await page
        .locator('.context-view .monaco-menu .action-item', { hasText: item })
        .first()
        .hover({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      await opens.waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
