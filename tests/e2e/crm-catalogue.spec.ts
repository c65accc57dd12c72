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

test('a sales manager keeps the catalogue with prices per currency, and a sales person quotes from it beside a free-text line', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const mia = { name: 'Mia Manager', email: 'mia@lab.org' };
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  // The people and a Swiss customer's opportunity (in CHF), as other screens would make them.
  await runCommands(page, admin, [
    { name: 'people/create', input: { ...mia, password: PASSWORD, roles: ['sales_manager'] } },
    { name: 'people/create', input: { ...sam, password: PASSWORD, roles: ['sales'] } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Basel Biotech AG', roles: ['customer'], email: 'orders@basel-biotech.example' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Basel stability programme', organisationId: '$2', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 3_000_000, currency: 'CHF' }, expectedCloseOn: '2026-12-31', ownerId: '$1' } } },
  ]);

  // Mia adds a service with a price in euros and in Swiss francs; a mistyped price is named at its field.
  await signIn(page, mia);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  await expect(page.getByText('The catalogue is empty.')).toBeVisible();
  await page.getByRole('button', { name: 'New item' }).click();
  const dialog = page.getByRole('dialog', { name: 'New catalogue item' });
  await dialog.getByLabel('Code').fill('STAB-40');
  await dialog.getByLabel('Name').fill('Stability study per batch');
  await dialog.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'Batch' }).click();
  await dialog.getByLabel('Default tax rate (%)').fill('7.7');
  await dialog.getByLabel('Price 1', { exact: true }).fill('1250');
  await dialog.getByRole('button', { name: 'Add a price in another currency' }).click();
  await dialog.getByLabel('Currency 2', { exact: true }).fill('chf');
  await dialog.getByLabel('Price 2', { exact: true }).fill('11 90,5x');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Enter an amount, e.g. 1250.00.')).toBeVisible();
  await dialog.getByLabel('Price 2', { exact: true }).fill('1190');
  await expect(dialog.getByText('Enter an amount, e.g. 1250.00.')).toHaveCount(0);
  await saveScreenshot(page, 'crm-catalogue-item');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('Catalogue-row').filter({ hasText: 'STAB-40' });
  await expect(row).toContainText('Stability study per batch');
  await expect(row).toContainText('1,250.00');
  await expect(row).toContainText('1,190.00');
  await expect(row).toContainText('7.7 %');
  await expect(row.getByTestId('record-status')).toHaveText('Offered');
  await saveScreenshot(page, 'crm-catalogue');

  // Sam reads the catalogue but does not keep it.
  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  await expect(page.getByText('Sales managers keep the catalogue; you can pick its items in a quotation.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New item' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // The quotation (in francs) takes the item's CHF price, unit and tax; a free-text line goes beside it.
  await page.getByRole('tab', { name: 'Quotations & orders' }).click();
  await page.getByRole('button', { name: 'New quotation' }).click();
  const editor = page.getByRole('dialog', { name: 'New quotation' });
  await editor.getByRole('combobox', { name: 'Opportunity' }).click();
  await page.getByRole('option', { name: /Basel stability programme/ }).click();
  await editor.getByRole('combobox', { name: 'Add from catalogue' }).fill('STAB');
  await expect(page.getByRole('option', { name: /STAB-40 Stability study per batch — CHF/ })).toBeVisible();
  await page.getByRole('option', { name: /STAB-40/ }).click();
  await expect(editor.getByLabel('Line 1 description')).toHaveValue('Stability study per batch');
  await expect(editor.getByLabel('Line 1 unit', { exact: true })).toHaveValue('batch');
  await expect(editor.getByLabel('Line 1 unit price')).toHaveValue('1190.00');
  await expect(editor.getByLabel('Line 1 tax')).toHaveValue('7.7');
  await editor.getByLabel('Line 1 quantity').fill('2');
  // 2 × 1,190.00 = 2,380.00 plus 7.7 % tax (183.26) = 2,563.26.
  await expect(editor.getByTestId('quotation-total')).toContainText('2,563.26');
  await editor.getByRole('button', { name: 'Add line' }).click();
  await editor.getByLabel('Line 2 description').fill('Report in German and English');
  await editor.getByLabel('Line 2 unit price').fill('300');
  // 300.00 plus 19 % = 357.00.
  await expect(editor.getByTestId('quotation-total')).toContainText('2,920.26');
  await expect(editor.getByRole('button', { name: 'Save draft' })).toBeEnabled({ timeout: 5_000 });
  await saveScreenshot(page, 'crm-quotation-catalogue-lines');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toHaveCount(0);
  const quotation = page.getByTestId('Quotations-row').filter({ hasText: 'Stability study per batch' });
  await expect(quotation).toContainText('2,920.26');
  await expect(quotation.getByTestId('record-status')).toHaveText('Draft');
});
