import { expect, test, type Page } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { PASSWORD, signIn } from './support/equipment-lab';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Margaret Hamilton', email: 'margaret@lab.example', password: 'apollo-guidance-1969' };
const fay = { name: 'Fay Finance', email: 'fay@lab.org' };
const pia = { name: 'Pia Procurement', email: 'pia@lab.org' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const supplierInvoiceRow = (page: Page, text: string | RegExp) => page.getByTestId('supplier-invoice-row').filter({ hasText: text });

test('finance enters a supplier invoice for a purchase order, approves it, pays it in two parts, and opens its record', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  // Procurement's supplier and its sent order, charged to a project, as their screens would make them.
  const made = await runCommands(page, admin, [
    { name: 'people/create', input: { ...fay, password: PASSWORD, roles: ['finance'] } },
    { name: 'people/create', input: { ...pia, password: PASSWORD, roles: ['procurement_manager'] } },
    { name: 'projects/create', input: { code: 'PCR-26', name: 'PCR assay validation' } },
  ]);
  const projectId = made.values[2]!.id;
  const supplier = await runCommands(page, { email: pia.email, password: PASSWORD }, [{ name: 'records/create', input: { kind: 'supplier', data: { name: 'Biozym GmbH' } } }]);
  const orderLine = { id: 'line-1', description: 'Primers, 96-well plate', quantity: 1, unitPriceMinor: 119_000, taxRatePercent: 0, isEquipment: false };
  const order = await runCommands(page, { email: pia.email, password: PASSWORD }, [{ name: 'records/create', input: { kind: 'purchase_order', data: { supplierId: supplier.values[0]!.id, projectId, budgetCategory: 'consumables', currency: 'EUR', lines: [orderLine], total: { amountMinor: 119_000, currency: 'EUR' }, sentAt: new Date().toISOString() } } }]);
  await runCommands(page, { email: pia.email, password: PASSWORD }, [{ name: 'records/transition', input: { id: order.values[0]!.id, to: 'sent' } }]);

  await signIn(page, fay);
  await page.getByRole('button', { name: 'Finance' }).click();
  await page.getByRole('tab', { name: 'Supplier invoices' }).click();
  await expect(page.getByText('No supplier invoices yet')).toBeVisible({ timeout: 15_000 });

  // The invoice as it arrived: the order brings its currency and the project it is charged to.
  await page.getByRole('button', { name: 'Enter supplier invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'Enter a supplier invoice' });
  await editor.getByRole('combobox', { name: 'Supplier' }).click({ timeout: 15_000 });
  await page.getByRole('option', { name: 'Biozym GmbH' }).click({ timeout: 15_000 });
  await editor.getByRole('textbox', { name: 'Supplier’s invoice number' }).fill('BZ-88121');
  await editor.getByRole('combobox', { name: 'Purchase order' }).click({ timeout: 15_000 });
  await page.getByRole('option', { name: /PO-\d{4}-0001 Primers/ }).click({ timeout: 15_000 });
  await expect(editor.getByRole('combobox', { name: 'Budget charged' })).toHaveText(/Project PCR-26 PCR assay validation/, { timeout: 10_000 });
  await expect(editor.getByRole('combobox', { name: 'Budget category' })).toHaveText('Consumables');
  await editor.getByLabel('Line 1 description').fill('Primers, 96-well plate');
  await editor.getByLabel('Line 1 unit price').fill('1000.00');
  await editor.getByLabel('Line 1 tax').fill('19');
  await expect(editor.getByTestId('invoice-total')).toContainText('€1,190.00');
  await saveScreenshot(page, 'finance-supplier-invoice-editor');
  await editor.getByRole('button', { name: 'Enter as received' }).click();
  await expect(page.getByText(/Supplier invoice SIN-\d{4}-0001 is entered as received/)).toBeVisible({ timeout: 15_000 });
  const row = supplierInvoiceRow(page, 'BZ-88121');
  await expect(row).toContainText('Received');
  await expect(row).toContainText(/PO-\d{4}-0001/);
  await expect(row.getByRole('button', { name: 'Pay', exact: true })).toHaveCount(0);

  // Approved for payment, then paid in part and in full.
  await row.getByRole('button', { name: 'Approve for payment' }).click();
  await expect(row).toContainText('Approved for payment', { timeout: 15_000 });
  await row.getByRole('button', { name: 'Pay', exact: true }).click({ timeout: 15_000 });
  const pay = page.getByRole('dialog', { name: /Pay SIN-/ });
  await expect(pay.getByText('The lab still owes Biozym GmbH €1,190.00 of €1,190.00 (their invoice BZ-88121).')).toBeVisible();
  await pay.getByLabel('Amount paid (EUR)').fill('500.005');
  await expect(pay.getByText('At most 2 decimals in EUR.')).toBeVisible();
  await pay.getByLabel('Amount paid (EUR)').fill('500.00');
  await saveScreenshot(page, 'finance-supplier-invoice-pay');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText(/Payment PAY-\d{4}-0001 of €500.00 to Biozym GmbH is recorded against SIN-/)).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId('supplier-invoice-owed')).toHaveText('€690.00');
  await expect(row).toContainText('Approved for payment');
  await row.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.getByRole('dialog', { name: /Pay SIN-/ }).getByRole('button', { name: 'Record payment' }).click();
  await expect(row).toContainText('Paid', { timeout: 15_000 });
  await expect(row.getByTestId('supplier-invoice-owed')).toHaveText('€0.00');
  await saveScreenshot(page, 'finance-supplier-invoices');

  // The payments list names the supplier and the invoice paid.
  await page.getByRole('tab', { name: 'Payments' }).click();
  await expect(page.getByTestId('payment-row').filter({ hasText: 'PAY-' }).first()).toContainText('Biozym GmbH');
  await expect(page.getByTestId('payment-row').first()).toContainText(/SIN-\d{4}-0001/);

  // Its record: details in words, the supplier and the order linked, no button to mark it paid by hand.
  await page.getByRole('tab', { name: 'Supplier invoices' }).click();
  await supplierInvoiceRow(page, 'BZ-88121').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText('Supplier’s invoice number')).toBeVisible({ timeout: 15_000 });
  const details = page.getByRole('main');
  await expect(details.getByText(/Biozym GmbH/).first()).toBeVisible({ timeout: 10_000 });
  await expect(details.getByText(/PO-\d{4}-0001 Primers, 96-well plate/)).toBeVisible();
  await expect(details.getByText('Consumables').first()).toBeVisible();
  // Linked records are named, never shown by their ids.
  await expect(details).not.toContainText(/\b[0-9A-Z]{26}\b/);
  await expect(page.getByRole('button', { name: /^Mark as/ })).toHaveCount(0);
  await saveScreenshot(page, 'finance-supplier-invoice-record');
});
