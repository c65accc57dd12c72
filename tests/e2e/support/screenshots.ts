import type { Page } from '@playwright/test';

/**
 * Saves what a person sees of a main view (git-ignored), so anyone can look at the UI. The page is
 * scrolled to the top first: a full-page capture of a scrolled page paints the fixed app bar where
 * the scroll left it, across the middle of the content.
 */
export async function saveScreenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
