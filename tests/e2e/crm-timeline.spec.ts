import { expect, test, type Page } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { fillDate } from './support/date-field';
import { PASSWORD, signIn } from './support/equipment-lab';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Margaret Hamilton', email: 'margaret@lab.example', password: 'apollo-guidance-1969' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A record's page, on one of its tabs, the way a link to it opens it. */
const openRecord = (page: Page, id: string, tab: string) => page.evaluate((hash) => void (window.location.hash = hash), `#/records/${id}/${tab}`);

test('a sales person logs a call on a customer and an email on its contact, and the customer’s page shows both as one timeline', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  const { values } = await runCommands(page, admin, [
    { name: 'people/create', input: { ...sam, password: PASSWORD, roles: ['sales'] } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'orders@kemi.example' } } },
    { name: 'records/create', input: { kind: 'contact', data: { organisationId: '$1', firstName: 'Sara', lastName: 'Lind', email: 'sara@kemi.example' } } },
  ]);
  const [, organisation, contact] = values;

  await signIn(page, sam);
  await openRecord(page, organisation!.id, 'interactions');
  await expect(page.getByText('No interactions logged yet: log the first call, email, meeting or note.')).toBeVisible();

  // A call on the customer; without a summary the field says what is missing.
  await page.getByRole('button', { name: 'Log interaction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(dialog.getByText('Summarise the interaction in a line.')).toBeVisible();
  await dialog.getByLabel('Summary').fill('Intro call about method transfer');
  await expect(dialog.getByText('Summarise the interaction in a line.')).toHaveCount(0);
  // The call was last week; the email below is logged as it happens (the dialog's default: now).
  await fillDate(dialog, 'When', '2026-11-30T10:00');
  await dialog.getByLabel('Details').fill('Kemi moves two HPLC assays to us next year.');
  await fillDate(dialog, 'Next follow-up', '2027-01-15');
  await saveScreenshot(page, 'crm-log-interaction');
  await dialog.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const entries = page.getByTestId('timeline-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Intro call about method transfer');
  await expect(entries.first()).toContainText('Sam Sales');
  await expect(entries.first()).toContainText(/(30 Nov 2026|Nov 30, 2026), 10:00/);
  await expect(entries.first()).toContainText(/Follow up on (15 Jan 2027|Jan 15, 2027)/);

  // An email on the contact, logged from the contact's page.
  await openRecord(page, contact!.id, 'interactions');
  await expect(page.getByText('No interactions logged yet: log the first call, email, meeting or note.')).toBeVisible();
  await page.getByRole('button', { name: 'Log interaction' }).click();
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Email' }).click();
  await dialog.getByLabel('Summary').fill('Sara asked for a quotation');
  await dialog.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Email');

  // The customer's timeline has both, newest first, the contact's named.
  await openRecord(page, organisation!.id, 'interactions');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Sara asked for a quotation');
  await expect(entries.nth(0)).toContainText('about Sara Lind');
  await expect(entries.nth(1)).toContainText('Intro call about method transfer');
  await saveScreenshot(page, 'crm-timeline');
});
