import { expect, test } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

/**
 * Notifications → Preferences → This computer (issue 17, item 3): in serve mode — LabFlow in a
 * browser, which the computer does not start — "Start LabFlow when I sign in to this computer" is
 * off, cannot be switched on, and says it applies to the installed desktop app.
 */
const admin = { name: 'Marie Curie', email: 'marie@lab.example', password: 'polonium-radium-1898' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('the start-at-sign-in setting explains that it belongs to the installed desktop app', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  await page.getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('tab', { name: 'Preferences' }).click();
  const startAtSignIn = page.getByRole('switch', { name: 'Start LabFlow when I sign in to this computer' });
  await expect(startAtSignIn).toBeVisible({ timeout: 10_000 });
  await expect(startAtSignIn).toBeDisabled();
  await expect(startAtSignIn).not.toBeChecked();
  await expect(startAtSignIn).toHaveAccessibleDescription(/applies to the installed LabFlow desktop app/);
  // The tray setting beside it still works here (it is kept for when the desktop app runs).
  const keepInTray = page.getByRole('switch', { name: /Keep LabFlow running in the tray/ });
  await expect(keepInTray).toBeEnabled();
  await startAtSignIn.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'notifications-this-computer');
});
