// VS Code's quick input (picks and input boxes) as a person finds it: by the title the command gave it.
import type { Locator, Page } from 'playwright-core';

/** The title of the quick input on screen, when it reads `title`. */
export const quickInputTitled = (page: Page, title: string | RegExp): Locator =>
  page.locator('.quick-input-widget .quick-input-title', { hasText: title });
