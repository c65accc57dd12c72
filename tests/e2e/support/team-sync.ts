import { expect, type Page } from '@playwright/test';
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
  await expect(page.getByTestId('project-row').filter({ hasText: name })).toHaveCount(1);
}
