import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
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

const invoiceRow = (page: Page, text: string | RegExp) => page.getByTestId('invoice-row').filter({ hasText: text });

test('finance invoices a sales order, issues it, records a partial payment, sees it in receivables, and matches the rest from a bank statement', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const today = new Date().toISOString().slice(0, 10);
  // The customer and its order, as CRM's screens would make them; Fay works in finance.
  const made = await runCommands(page, admin, [
    { name: 'people/create', input: { ...fay, password: PASSWORD, roles: ['finance'] } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'ap@kemi.example' } } },
  ]);
  await runCommands(page, admin, [{
    name: 'records/create',
    input: {
      kind: 'sales_order',
      data: {
        organisationId: made.values[1]!.id, ownerId: made.personId, currency: 'EUR', orderedOn: today, customerReference: 'PO 4711',
        lines: [{ id: 'l1', description: 'Method transfer, HPLC assay', quantity: 1, unit: 'each', unitPriceMinor: 1_000_000, discountPercent: 0, taxRatePercent: 19 }],
        total: { amountMinor: 1_190_000, currency: 'EUR' },
      },
    },
  }]);

  // Fay makes the invoice from the order in CRM.
  await signIn(page, fay);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Quotations & orders' }).click();
  await page.getByTestId('Sales orders-row').filter({ hasText: 'Method transfer' }).getByRole('button', { name: 'Create invoice' }).click();
  await expect(page.getByText(/A draft invoice is made from SO-\d{4}-0001/)).toBeVisible({ timeout: 15_000 });

  // In Finance the draft waits to be issued; issuing gives it the first number of the year and its due date.
  await page.getByRole('button', { name: 'Finance' }).click();
  const invoice = invoiceRow(page, 'Method transfer');
  await expect(invoice).toContainText('Not issued');
  await expect(invoice).toContainText('Draft');
  await expect(invoice).toContainText('€11,900.00');
  await invoice.getByRole('button', { name: 'Issue' }).click();
  await expect(page.getByText(/Invoice INV-\d{4}-0001 is issued, due/)).toBeVisible({ timeout: 15_000 });
  await expect(invoice).toContainText(/INV-\d{4}-0001/);
  await expect(invoice).toContainText('Issued');
  await expect(invoice.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);

  // Sent to the customer: the PDF goes by email through the outbox (the host's first PDF takes a while to render).
  await invoice.getByRole('button', { name: 'Send invoice' }).click();
  await expect(page.getByText(/Invoice INV-\d{4}-0001 is on its way to ap@kemi\.example, its PDF attached\./)).toBeVisible({ timeout: 90_000 });

  // A partial payment: the invoice is partly paid and still owes the rest.
  await invoice.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog', { name: /Record payment for INV-/ });
  await expect(payment.getByText('Kemi AB still owes €11,900.00 of €11,900.00.')).toBeVisible();
  await payment.getByLabel('Amount received (EUR)').fill('12.505');
  await expect(payment.getByText('At most 2 decimals in EUR.')).toBeVisible();
  await payment.getByLabel('Amount received (EUR)').fill('abc');
  await expect(payment.getByText('Enter an amount, e.g. 1250.00.')).toBeVisible();
  await payment.getByLabel('Amount received (EUR)').fill('5000.00');
  await saveScreenshot(page, 'finance-record-payment');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText(/Payment PAY-\d{4}-0001 of €5,000.00 is recorded against INV-/)).toBeVisible({ timeout: 15_000 });
  await expect(invoice).toContainText('Partly paid');
  await expect(invoice.getByTestId('invoice-outstanding')).toHaveText('€6,900.00');
  await saveScreenshot(page, 'finance-invoices');

  // Receivables: the rest is owed, not yet due.
  await page.getByRole('tab', { name: 'Receivables' }).click();
  const ageing = page.getByTestId('ageing-row').filter({ hasText: 'Kemi AB' });
  await expect(ageing).toContainText('€6,900.00');
  await expect(page.getByRole('table', { name: 'Receivables ageing in EUR' })).toContainText('Not yet due');
  await saveScreenshot(page, 'finance-receivables');

  // The rest arrives on the bank statement: imported, matched by the invoice number, confirmed by Fay.
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByRole('button', { name: 'Import bank statement…' }).click();
  const statement = page.getByRole('dialog', { name: 'Import bank statement' });
  const csv = `Buchungstag;Betrag;Verwendungszweck;Auftraggeber\r\n${today.split('-').reverse().join('.')};6.900,00;Rechnung INV ${today.slice(0, 4)} 0001;Kemi AB\r\n${today.split('-').reverse().join('.')};-120,00;Kontoführung;Bank\r\n`;
  await statement.getByLabel('Statement file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(statement.getByRole('combobox', { name: 'Amount' })).toHaveText('Betrag');
  await statement.getByRole('button', { name: 'Find matches' }).click();
  const lineIn = statement.getByTestId('statement-line').filter({ hasText: '€6,900.00' });
  await expect(lineIn.getByRole('combobox', { name: 'Invoice' })).toContainText(/INV-\d{4}-0001 — Kemi AB, owes €6,900.00 \(number and amount agree\)/);
  await expect(statement.getByTestId('statement-line').filter({ hasText: '-€120.00' })).toContainText('Money out: not an invoice payment');
  await saveScreenshot(page, 'finance-statement-import');
  await lineIn.getByRole('button', { name: 'Record payment' }).click();
  await expect(lineIn).toContainText(/Recorded as PAY-\d{4}-0002/, { timeout: 15_000 });
  await statement.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('1 statement line is recorded as payments.')).toBeVisible();
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  await expect(page.getByTestId('payment-row').first()).toContainText(/INV-\d{4}-0001/);
  await saveScreenshot(page, 'finance-payments');
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  await expect(invoice).toContainText('Paid', { timeout: 15_000 });
  await expect(invoice.getByTestId('invoice-outstanding')).toHaveText('€0.00');
  await expect(invoice.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Receivables' }).click();
  await expect(page.getByText('Nothing is owed: every issued invoice is paid or credited.')).toBeVisible();

  // The bank takes the 6,900.00 back (a booking error on their side): Fay voids that payment with the
  // reason, and the invoice owes it again.
  await page.getByRole('tab', { name: 'Payments' }).click();
  const bounced = page.getByTestId('payment-row').filter({ hasText: /PAY-\d{4}-0002/ });
  await bounced.getByRole('button', { name: 'Void' }).click();
  const voiding = page.getByRole('dialog', { name: /^Void payment PAY-\d{4}-0002$/ });
  await expect(voiding).toContainText('€6,900.00 from Kemi AB, settling INV-');
  await voiding.getByRole('textbox', { name: 'Reason' }).fill('Returned by the bank: booked to us by mistake');
  await saveScreenshot(page, 'finance-void-payment');
  await voiding.getByRole('button', { name: 'Void payment' }).click();
  await expect(page.getByText(/PAY-\d{4}-0002 is voided; INV-\d{4}-0001 owes that money again\./)).toBeVisible({ timeout: 15_000 });
  await expect(bounced).toContainText('Voided');
  await expect(bounced.getByRole('button', { name: 'Void' })).toHaveCount(0);
  await saveScreenshot(page, 'finance-payments-voided');
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  await expect(invoice).toContainText('Partly paid', { timeout: 15_000 });
  await expect(invoice.getByTestId('invoice-outstanding')).toHaveText('€6,900.00');

  // An ad hoc invoice: totals follow the lines as they are typed.
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  await page.getByRole('button', { name: 'New invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'New invoice' });
  await editor.getByRole('combobox', { name: 'Customer' }).click();
  await page.getByRole('option', { name: 'Kemi AB' }).click();
  await editor.getByLabel('Line 1 description').fill('Extra stability timepoint');
  await editor.getByLabel('Line 1 quantity').fill('3');
  await editor.getByLabel('Line 1 unit price').fill('333.33');
  await editor.getByLabel('Line 1 tax').fill('7.7');
  await expect(editor.getByTestId('invoice-total')).toContainText('1,076.99'); // 999.99 + 77.00 tax (76.99923 → 77.00)
  await saveScreenshot(page, 'finance-invoice-editor');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(invoiceRow(page, 'Extra stability timepoint')).toContainText('Draft');
  await expect(invoiceRow(page, 'Extra stability timepoint').getByRole('button', { name: 'Send invoice' })).toHaveCount(0);

  // The invoice's page: its activity says it was emailed, and Print / PDF prints it on the letterhead.
  await invoice.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByTestId('comment')).toContainText(/Emailed INV-\d{4}-0001 to ap@kemi\.example with Invoice-INV-\d{4}-0001\.pdf attached\./, { timeout: 15_000 });
  await saveScreenshot(page, 'finance-invoice-activity');
  // Its history names the customer and the order, and says what changed in words, never ids or JSON.
  const history = page.getByRole('list', { name: 'History' });
  await expect(history).toContainText(/Customer: ORG-\d{4} Kemi AB/);
  await expect(history).toContainText('Tax rounding: Per line');
  await expect(history).not.toContainText('amountMinor');
  // Its payment state follows the payments: no button sets it by hand.
  await expect(page.getByRole('button', { name: /^Mark as/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Invoice', 'Summary']);
  await page.getByRole('menuitem', { name: 'Invoice' }).click();
  const generated = page.getByRole('dialog', { name: /Invoice-INV-\d{4}-0001\.pdf/ });
  await expect(generated.getByTestId('pdf-pages')).toHaveText('1 page', { timeout: 30_000 });
  await saveScreenshot(page, 'finance-invoice-pdf');
  const [saved] = await Promise.all([page.waitForEvent('download'), generated.getByRole('button', { name: 'Save' }).click()]);
  const text = execFileSync('pdftotext', ['-layout', await saved.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toMatch(/Invoice INV-\d{4}-0001/);
  expect(text).toContain('Kemi AB');
  expect(text).toContain('Your reference PO 4711');
  expect(text).toContain('Tax 19 % EUR 1,900.00');
  expect(text).toContain('Total due EUR 11,900.00');
  expect(text).toContain('Bank details are not set up (Settings → Organisation → Bank details).');
});
