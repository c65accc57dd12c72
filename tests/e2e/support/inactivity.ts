import { expect, type Locator, type Page } from '@playwright/test';
import type { ServedHost } from './serve-host';

/** Moves the host's test clock forward (serve mode's test mode only), as idle time would. */
export async function idleFor(page: Page, served: ServedHost, ms: number): Promise<void> {
  const url = new URL(served.url);
  const moved = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data: { advanceMs: ms } });
  expect(moved.status()).toBe(200);
}

/**
 * Half an hour passes; the next thing the window asks the host (opening `nextSection`) finds the
 * session over and the window locks. Returns the lock screen.
 */
export async function lockByInactivity(page: Page, served: ServedHost, nextSection: string): Promise<Locator> {
  await idleFor(page, served, 31 * 60_000);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: nextSection }).click();
  const lockScreen = page.getByRole('form', { name: 'LabFlow is locked' });
  await expect(lockScreen).toBeVisible({ timeout: 30_000 });
  return lockScreen;
}
