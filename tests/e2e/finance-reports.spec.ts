import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { PASSWORD, signIn } from './support/equipment-lab';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Margaret Hamilton', email: 'margaret@lab.example', password: 'apollo-guidance-1969' };
const fay = { name: 'Fay Finance', email: 'fay@lab.org' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('finance enters exchange rates, sets the overdue reminder days, and reads and saves cash received by month', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const year = new Date().getFullYear();
  const made = await runCommands(page, admin, [
    { name: 'people/create', input: { ...fay, password: PASSWORD, roles: ['finance'] } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } } },
  ]);
  // Money received in January and in March of this year, in two currencies.
  await runCommands(page, { email: fay.email, password: PASSWORD }, [
    { name: 'finance/payments/record', input: { organisationId: made.values[1]!.id, amount: { amountMinor: 125_000, currency: 'EUR' }, paidOn: `${year}-01-15`, reference: 'Kemi 1' } },
    { name: 'finance/payments/record', input: { organisationId: made.values[1]!.id, amount: { amountMinor: 30_050, currency: 'EUR' }, paidOn: `${year}-03-02`, reference: 'Kemi 2' } },
    { name: 'finance/payments/record', input: { organisationId: made.values[1]!.id, amount: { amountMinor: 99_900, currency: 'CHF' }, paidOn: `${year}-03-20`, reference: 'Kemi 3' } },
  ]);

  await signIn(page, fay);
  await page.getByRole('button', { name: 'Finance' }).click();

  // Exchange rates: a rate that is not a number is caught as typed, one is entered, the same pair and day again is refused.
  await page.getByRole('tab', { name: 'Exchange rates' }).click();
  await expect(page.getByText(/No exchange rates yet/)).toBeVisible({ timeout: 15_000 });
  const form = page.getByRole('form', { name: 'Enter an exchange rate' });
  await form.getByRole('textbox', { name: 'From', exact: true }).fill('USD');
  await form.getByRole('textbox', { name: 'To', exact: true }).fill('EUR');
  await form.getByRole('textbox', { name: 'Rate', exact: true }).fill('0,92');
  await expect(form.getByText('A number above zero, at most nine decimals')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Enter rate' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Rate', exact: true }).fill('0.9231');
  await form.getByRole('button', { name: 'Enter rate' }).click();
  await expect(page.getByText(/1 USD = 0\.9231 EUR from .* is entered\./)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('exchange-rate-row')).toHaveCount(1);
  await expect(page.getByTestId('exchange-rate-row')).toContainText('1 USD = 0.9231 EUR');
  await form.getByRole('textbox', { name: 'Rate', exact: true }).fill('0.95');
  await form.getByRole('button', { name: 'Enter rate' }).click();
  await expect(page.getByText(/A rate from USD to EUR for that day is entered already/)).toBeVisible({ timeout: 15_000 });
  await saveScreenshot(page, 'finance-exchange-rates');

  // Overdue reminders: days after the due date, kept with the expense policy.
  await page.getByRole('tab', { name: 'Expense policy' }).click();
  const days = page.getByLabel('Remind customers of an overdue invoice (days after the due date)');
  await expect(days).toHaveValue('7, 14, 30', { timeout: 15_000 });
  await days.fill('10, twenty');
  await page.getByRole('button', { name: 'Save the policy' }).click();
  await expect(page.getByTestId('policy-refusal')).toHaveText(/whole days after the due date/);
  await days.fill('10, 20, 45');
  await page.getByRole('button', { name: 'Save the policy' }).click();
  await expect(page.getByTestId('policy-saved')).toBeVisible({ timeout: 15_000 });

  // Reports: cash received per month and currency, never added across currencies; CSV and Excel.
  await page.getByRole('tab', { name: 'Reports' }).click();
  const cash = page.getByRole('table', { name: 'Cash received by month' });
  await expect(cash.getByTestId('cash-month-row')).toHaveCount(3, { timeout: 15_000 });
  await expect(cash.getByTestId('cash-month-row').nth(0)).toContainText('€1,250.00');
  await expect(cash.getByTestId('cash-month-row').nth(1)).toContainText('CHF');
  await expect(cash.getByTestId('cash-month-row').nth(2)).toContainText('€300.50');
  await expect(page.getByText(`No approved budgets for ${year} that you may see.`)).toBeVisible();
  await saveScreenshot(page, 'finance-reports');
  const section = page.getByRole('region', { name: 'Cash received by month' });
  const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Save as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(new RegExp(`^Cash received by month ${year} \\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('Month,Currency,Payments,Received');
  expect(text).toContain('€1,250.00');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Save as Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
});
