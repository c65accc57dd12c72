import { expect, test, type Page } from '@playwright/test';
import { quotationTotals } from '../../src-shared/crm/quotation-money';
import { runCommands } from './support/bridge-commands';
import { PASSWORD, signIn } from './support/equipment-lab';
import { saveScreenshot } from './support/screenshots';
import { useCrmLab } from './support/crm-lab';

const openRecord = (page: Page, id: string, tab: string) => page.evaluate((hash) => void (window.location.hash = hash), `#/records/${id}/${tab}`);

const openLab = useCrmLab();

const lines = [{ id: 'l1', description: 'Stability study', quantity: 2, unit: 'each', unitPriceMinor: 100_000, discountPercent: 0, taxRatePercent: 19 }];
const total = { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' };

test('finance invoices a sales order from its page; the order and the customer show the invoice, the payment and what is still open; sales reads why they cannot see it', async ({ page }) => {
  test.setTimeout(90_000);
  const fay = { name: 'Fay Finance', email: 'fay@lab.org' };
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  const values = await openLab(page, [{ ...fay, roles: ['finance'] }, { ...sam, roles: ['sales'] }], [
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Nordpharma GmbH', roles: ['customer'] } } },
    { name: 'records/create', input: { kind: 'sales_order', data: { organisationId: '$2', ownerId: '$1', currency: 'EUR', lines, total, orderedOn: '2026-05-01', customerReference: 'PO 4711' } } },
  ]);
  const [, , customer, order] = values as [unknown, unknown, { id: string }, { id: string }];

  // Fay makes the order's invoice from the order's page, issues it, and the customer pays part.
  await signIn(page, fay);
  await openRecord(page, order.id, 'account');
  await expect(page.getByText('Nothing invoiced yet.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page.getByRole('tab', { name: 'Details' })).toBeVisible();
  await expect(page).toHaveURL(/#\/records\/[^/]+/);
  const invoiceId = new URL(page.url()).hash.split('/')[2]!;
  expect(invoiceId).not.toBe(order.id);
  // Issued and paid today, so that it is not overdue yet on the host's clock.
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  await runCommands(page, { email: fay.email, password: PASSWORD }, [
    { name: 'finance/invoices/issue', input: { id: invoiceId, issuedOn: today } },
    { name: 'finance/payments/record', input: { organisationId: customer.id, amount: { amountMinor: 100_000, currency: 'EUR' }, paidOn: today, reference: 'Transfer 881', allocations: [{ invoiceId, amountMinor: 100_000 }] } },
  ]);
  await openRecord(page, order.id, 'account');
  const open = page.getByTestId('open-amount');
  await expect(open).toContainText('Still open (EUR)');
  await expect(open).toContainText('1,380.00');
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText('Partly paid');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Transfer 881');
  await expect(page.getByRole('button', { name: 'Create invoice' })).toHaveCount(0);
  await saveScreenshot(page, 'crm-order-account');
  await openRecord(page, customer.id, 'account');
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText(/INV-\d{4}-\d{4}/);
  await expect(open).toContainText('1,380.00');

  // Sam sells to them but does not read invoices: a sentence, not an error.
  await signIn(page, sam);
  await openRecord(page, order.id, 'account');
  await expect(page.getByText('Invoices and payments are kept by finance', { exact: false })).toBeVisible({ timeout: 15_000 });
  await saveScreenshot(page, 'crm-order-account-sales');
});
