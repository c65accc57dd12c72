import { expect, type Browser, type Page } from '@playwright/test';
import { startServeHost, type ServedHost } from './serve-host';
import { createFirstAdministrator } from './first-run';

/** Steps the team-sync specs share: one person (Ada) sets up each PC and joins it to one server. */
export const ada = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

/** A fresh PC: Ada becomes its administrator; it is standalone until it joins. */
export async function firstRun(page: Page) {
  await expect(page.getByRole('heading', { name: 'Welcome to LabFlow' })).toBeVisible();
  await createFirstAdministrator(page, ada);
  await expect(page.getByTestId('sync-status')).toHaveText('Standalone');
}

/** Settings → Team sync: sign this PC in to the server (with the set-up token on a new server) and wait until it is up to date. */
export async function joinTeam(page: Page, serverUrl: string, setupToken?: string) {
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
  // The person who joined is the PC's account: their changes go with their own sign-in.
  await expect(page.getByTestId('team-sync-sent-as')).toHaveText('Your changes go to the server with your own sign-in.');
}

export async function createProject(page: Page, code: string, name: string) {
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  // A new project opens on its page; back to the list, where the other PC's changes are checked.
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Back to projects' }).click();
  await expect(page.getByTestId('project-row').filter({ hasText: name })).toHaveCount(1);
}

/**
 * Two lab PCs (serve-mode hosts that retry sync quickly), each in its own browser context, both set
 * up by Ada and joined to the server — A with the set-up token. `serverUrls` may differ per PC (a
 * proxy in front of the server lets a test cut one PC's network). Started hosts are added to `hosts`.
 */
export async function twoJoinedPcs(browser: Browser, hosts: ServedHost[], serverUrls: { a: string; b: string }, setupToken: string, options: { isBDark?: boolean } = {}) {
  const quickRetries = { LABFLOW_SYNC_RETRY_MS: '300' };
  const [hostA, hostB] = await Promise.all([startServeHost(undefined, quickRetries), startServeHost(undefined, quickRetries)]);
  hosts.push(hostA, hostB);
  const pcA = await (await browser.newContext()).newPage();
  const pcB = await (await browser.newContext(options.isBDark ? { colorScheme: 'dark' } : {})).newPage();
  await pcA.goto(hostA.url);
  await pcB.goto(hostB.url);
  await firstRun(pcA);
  await joinTeam(pcA, serverUrls.a, setupToken);
  await firstRun(pcB);
  await joinTeam(pcB, serverUrls.b);
  return { pcA, pcB };
}
