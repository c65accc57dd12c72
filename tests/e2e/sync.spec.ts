import { expect, test, type Page } from '@playwright/test';
import { startServeHost, type ServedHost } from './support/serve-host';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { saveScreenshot } from './support/screenshots';

/**
 * Team sync end to end: one sync server, two serve-mode hosts (two lab PCs) and a browser context
 * on each. Both sign in to the server from Settings → Team sync; a project created or renamed on
 * one appears on the other.
 */
const ada = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

let server: RunningSyncServer | undefined;
const hosts: ServedHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
  await server?.stop();
  server = undefined;
});

async function firstRun(page: Page) {
  await expect(page.getByRole('heading', { name: 'Welcome to LabFlow' })).toBeVisible();
  await page.getByLabel('Your name').fill(ada.name);
  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password (at least 10 characters)').fill(ada.password);
  await page.getByLabel('Repeat the password').fill(ada.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(ada.name);
  await expect(page.getByTestId('sync-status')).toHaveText('Standalone');
}

async function joinTeam(page: Page, serverUrl: string, setupToken?: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Team sync' }).click();
  const form = page.getByRole('form', { name: 'Sign in to a sync server' });
  await form.getByLabel('Server address').fill(serverUrl);
  await form.getByLabel('Email').fill(ada.email);
  await form.getByLabel('Password').fill(ada.password);
  await form.getByRole('button', { name: 'Sign in to server' }).click();
  if (setupToken) {
    // A new server asks for the token it printed, next to the field.
    await expect(form.getByText(/set-up token it printed/)).toBeVisible();
    await form.getByLabel('Set-up token (printed by a new server)').fill(setupToken);
    await form.getByRole('button', { name: 'Sign in to server' }).click();
  }
  await expect(page.getByTestId('team-sync-phase')).toHaveText('Up to date', { timeout: 30_000 });
  await expect(page.getByTestId('sync-status')).toHaveText('Up to date');
}

test('two PCs signed in to one server see each other’s projects', async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startSyncServer();
  const [hostA, hostB] = await Promise.all([startServeHost(), startServeHost()]);
  hosts.push(hostA, hostB);
  const pcA = await (await browser.newContext()).newPage();
  const pcB = await (await browser.newContext()).newPage();
  await pcA.goto(hostA.url);
  await pcB.goto(hostB.url);

  await firstRun(pcA);
  await joinTeam(pcA, server.url, server.setupToken);
  await saveScreenshot(pcA, 'settings-team-sync');

  // PC B was set up on its own by the same person: joining matches her account by email.
  await firstRun(pcB);
  await joinTeam(pcB, server.url);

  // A project created on A appears on B.
  await pcA.getByRole('button', { name: 'Projects' }).click();
  await pcA.getByRole('button', { name: 'New project' }).click();
  await pcA.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('SYNC-1');
  await pcA.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Shared through the server');
  await pcA.getByRole('button', { name: 'Create project' }).click();
  await pcB.getByRole('button', { name: 'Projects' }).click();
  await expect(pcB.getByTestId('project-row').filter({ hasText: 'Shared through the server' })).toHaveCount(1, { timeout: 20_000 });

  // Renamed on B, it changes on A.
  await pcB.getByRole('button', { name: 'Rename Shared through the server' }).click();
  await pcB.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Renamed on PC B');
  await pcB.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(pcA.getByTestId('project-row').filter({ hasText: 'Renamed on PC B' })).toHaveCount(1, { timeout: 20_000 });
  await expect(pcA.getByTestId('sync-status')).toHaveText('Up to date');
  await saveScreenshot(pcA, 'projects-synced');
});
