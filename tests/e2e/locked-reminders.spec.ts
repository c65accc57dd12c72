import { expect, test } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { lockByInactivity } from './support/inactivity';
import { startServeHost, type ServedHost } from './support/serve-host';

/**
 * Reminders that keep coming while the window is locked (issue 17, item 2), in serve mode: the
 * notice over the lock screen says only that something came, "Open after unlocking" keeps the
 * item's place behind the lock, and the password leads to it.
 */
const admin = { name: 'Gertrude Elion', email: 'gertrude@lab.example', password: 'purine-analogues-1988' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a reminder reaches the locked window without detail and opens after unlocking', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tasks' }).click();

  const lockScreen = await lockByInactivity(page, host, 'Projects');

  // Something for this person arrives while the window is locked (sent from another connection).
  const { personId } = await runCommands(page, admin, []);
  await runCommands(page, admin, [{ name: 'notifications/send-test', input: { recipientId: personId, subject: 'Deviation DEV-7 needs your signature', body: 'Batch 42 failed assay' } }]);
  const notice = page.getByTestId('notification-toast');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('LabFlow');
  await expect(notice).toContainText('1 new reminder');
  await expect(page.getByText(/DEV-7|Batch 42/)).toHaveCount(0);
  await saveScreenshot(page, 'sessions-locked-reminder');

  await notice.getByRole('button', { name: 'Open after unlocking' }).click();
  await expect(lockScreen).toBeVisible();
  await lockScreen.getByLabel('Password').fill(admin.password);
  await lockScreen.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name, { timeout: 15_000 });
  await expect(page).toHaveURL(/#\/notifications$/);
  await expect(page.getByTestId('notification-item').first()).toContainText('Deviation DEV-7 needs your signature', { timeout: 10_000 });
});
