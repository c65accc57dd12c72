import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { fillDate } from './date-field';
import { startServeHost, type ServedHost } from './serve-host';

/** The lab the equipment specs run in (seeded through the host's commands: seed-equipment.ts). */
export const PASSWORD = 'long enough password';
export const lab = {
  pia: { name: 'Pia Procure', email: 'pia@lab.org' },
  quinn: { name: 'Quinn QA', email: 'quinn@lab.org' },
  hugo: { name: 'Hugo Head', email: 'hugo@lab.org' },
  cara: { name: 'Cara Custodian', email: 'cara@lab.org' },
  ben: { name: 'Ben Bench', email: 'ben@lab.org' },
} as const;
export type LabPerson = (typeof lab)[keyof typeof lab];

/** A serve-mode host on a data folder seeded with `scenario`. */
export async function startSeededHost(scenario: 'people' | 'received' | 'full-life' | 'dashboard' | 'step-instrument'): Promise<ServedHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/seed-equipment.ts', dataDir, scenario], { stdio: 'pipe', timeout: 120_000 });
  return startServeHost(dataDir);
}

export async function signIn(page: Page, who: { name: string; email: string }) {
  const locked = page.getByRole('form', { name: 'LabFlow is locked' });
  // A window locked after inactivity: someone else signs in through "Switch person".
  if (await locked.isVisible()) await locked.getByRole('button', { name: /Switch person$/ }).click();
  else if (await page.getByRole('button', { name: 'Sign out' }).isVisible()) await page.getByRole('button', { name: 'Sign out' }).click();
  // An assertion, not a wait until the test's limit: a sign-in form that never comes fails here, saying so.
  await expect(page.getByLabel('Email')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(who.name);
}

export async function openEquipment(page: Page, tab: 'Dashboard' | 'Instruments' | 'Bookings' | 'Procurement' | 'Qualification protocols') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Equipment' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

export async function openInstrument(page: Page, label: RegExp | string) {
  await openEquipment(page, 'Instruments');
  await page.getByRole('button', { name: label }).click();
}

/** Bookings tab → New booking of EQ-0001 for two hours from `start`; returns the dialog (gone when the booking was taken). */
export async function bookFirstInstrument(page: Page, start: Date) {
  await openEquipment(page, 'Bookings');
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByLabel('Instrument').click();
  await page.getByRole('option', { name: /EQ-0001/ }).click();
  await fillDate(dialog, 'From', localInput(start));
  await fillDate(dialog, 'Until', localInput(new Date(start.getTime() + 2 * 3_600_000)));
  await dialog.getByLabel('Purpose').fill('Stability assay weighing');
  await dialog.getByRole('button', { name: 'Book' }).click();
  return dialog;
}

/** Moves serve mode's clock (test mode only), as if that much time had passed. */
export async function advanceClock(page: Page, served: ServedHost, advanceMs: number) {
  const url = new URL(served.url);
  const response = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data: { advanceMs } });
  expect(response.status()).toBe(200);
}

/** A workflow step waiting for `who` in My work: opened, then completed or approved with an e-signature. */
export async function actOnMyWork(page: Page, rowText: string, action: 'Complete' | 'Approve…') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'My work' }).click();
  await page.getByTestId('my-work-row').filter({ hasText: rowText }).first().click();
  await page.getByRole('button', { name: action, exact: true }).click();
  if (action === 'Complete') {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Comments' }).press('Enter');
    await expect(dialog).toHaveCount(0);
  } else {
    const sign = page.getByRole('dialog', { name: /^Sign:/ });
    await sign.getByLabel('Your password').fill(PASSWORD);
    await sign.getByLabel('Your password').press('Enter');
    await expect(sign).toHaveCount(0);
  }
}

/** Local datetime-local value for an instant (the browser's time zone). */
export const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
