import type { Page } from '@playwright/test';

/** Saves what a person sees of a main view (git-ignored), so anyone can look at the UI. */
export const saveScreenshot = (page: Page, name: string) => page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
