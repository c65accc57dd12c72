import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { lockByInactivity } from './support/inactivity';
import { startServeHost, type ServedHost } from './support/serve-host';

/** Sessions that fit a workstation (issue 17, item 1): restarts, bookmarks, and locking after inactivity. */

const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1983' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A port free now, so the restarted host listens where the open tab expects it. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

test('an open tab stays signed in across a restart of the host, and the bare address works from a bookmark', async ({ page, browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-'));
  const port = String(await freePort());
  host = await startServeHost(dataDir, {}, ['--port', port]);
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tasks' }).click();

  // The host restarts on the same data folder: the tab reconnects, takes its sign-in up and stays where it was.
  await host.stop();
  await expect(page.getByTestId('connection-status')).toHaveText('Reconnecting…');
  host = await startServeHost(dataDir, {}, ['--port', port]);
  // The window retries with backoff up to 10 s apart.
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 30_000 });
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name);
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(page.getByText('Sign in to LabFlow')).toHaveCount(0);

  // A bookmark is the bare address: opened in a new tab of this browser, which has the key, it
  // opens LabFlow (signing in is the tab's own: a new tab asks who is there).
  const bookmark = await page.context().newPage();
  await bookmark.goto(`${new URL(host.url).origin}/`);
  await expect(bookmark.getByRole('heading', { name: 'Sign in to LabFlow' })).toBeVisible();
  await bookmark.close();

  // Another browser without the key is told how to get in, not left spinning.
  const stranger = await browser.newPage();
  await stranger.goto(`${new URL(host.url).origin}/`);
  await expect(stranger.getByRole('heading', { name: 'Open LabFlow with the address it gave you' })).toBeVisible();
  await saveScreenshot(stranger, 'sessions-no-access-key');
  await stranger.close();
});

test('inactivity locks the window: the same person continues with the password, switching person is separate', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tasks' }).click();

  // Half an hour passes; the next thing the window asks the host finds the session over.
  const lockScreen = await lockByInactivity(page, host, 'Projects');
  await expect(lockScreen).toContainText(`${admin.name}, enter your password to continue`);
  await saveScreenshot(page, 'sessions-locked');

  // A reload keeps it locked; a wrong password is refused; the right one continues where they were.
  await page.reload();
  await expect(lockScreen).toBeVisible();
  await lockScreen.getByLabel('Password').fill('not-the-password');
  await lockScreen.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockScreen.getByText('That email and password do not match')).toBeVisible();
  await lockScreen.getByLabel('Password').fill(admin.password);
  await lockScreen.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name);
  await expect(page).toHaveURL(/#\/projects$/);

  // Locked again, someone else switches person: the ordinary sign-in form, nobody's name on it.
  await lockByInactivity(page, host, 'Tasks');
  await lockScreen.getByRole('button', { name: `Not ${admin.name}? Switch person` }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to LabFlow' })).toBeVisible();
  await expect(page.getByText(admin.name)).toHaveCount(0);
});
