import { expect, test } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
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

test('a sales manager sets up the pipeline stages and quotation rules; a sales person reads them; the board follows', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const mia = { name: 'Mia Manager', email: 'mia@lab.org' };
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  await runCommands(page, admin, [
    { name: 'people/create', input: { ...mia, password: PASSWORD, roles: ['sales_manager'] } },
    { name: 'people/create', input: { ...sam, password: PASSWORD, roles: ['sales'] } },
  ]);

  // Mia opens the settings: the defaults until anyone saved any.
  await signIn(page, mia);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Sales settings' }).click();
  const form = page.getByRole('form', { name: 'Sales settings' });
  await expect(form.getByTestId('settings-stage')).toHaveCount(4);
  await expect(form.getByLabel('Stage 3', { exact: true })).toHaveValue('Proposal');
  await expect(form.getByLabel('Discounts above this need approval (%)')).toHaveValue('10');

  // Mistakes are named at their fields and nothing is saved.
  await form.getByLabel('Discounts above this need approval (%)').fill('ten');
  await form.getByLabel('Quotations valid for (days)').fill('400');
  await form.getByRole('button', { name: 'Add stage' }).click();
  await form.getByLabel('Stage 5', { exact: true }).fill('proposal');
  await form.getByLabel('Probability of stage 5 (%)').fill('60');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('A percentage from 0 to 100.')).toBeVisible();
  await expect(form.getByText('Whole days from 1 to 365.')).toBeVisible();
  await expect(form.getByText('Two stages have the same name.')).toBeVisible();
  await saveScreenshot(page, 'crm-settings-errors');

  // Corrected: a technical review stage at 60 %, 15 % threshold, 45 days, per-total tax rounding.
  await form.getByLabel('Discounts above this need approval (%)').fill('15');
  await form.getByLabel('Quotations valid for (days)').fill('45');
  await form.getByLabel('Stage 5', { exact: true }).fill('Technical review');
  await form.getByRole('combobox', { name: 'Tax rounding' }).click();
  await page.getByRole('option', { name: 'Per total, by tax rate' }).click();
  await expect(form.getByText('A percentage from 0 to 100.')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The sales settings are saved.')).toBeVisible();
  await saveScreenshot(page, 'crm-settings');
  await page.reload();
  await expect(form.getByLabel('Stage 5', { exact: true })).toHaveValue('Technical review');
  await expect(form.getByLabel('Discounts above this need approval (%)')).toHaveValue('15');
  await expect(form.getByRole('combobox', { name: 'Tax rounding' })).toHaveText('Per total, by tax rate');

  // Sam reads them but cannot change them; the board has the new stage.
  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Sales settings' }).click();
  await expect(page.getByText('Sales managers and administrators change these settings; you can read them.')).toBeVisible();
  await expect(form.getByLabel('Stage 5', { exact: true })).toHaveValue('Technical review');
  await expect(form.getByLabel('Stage 5', { exact: true })).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await saveScreenshot(page, 'crm-settings-read-only');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByTestId('stage-technical_review')).toBeVisible();
});
