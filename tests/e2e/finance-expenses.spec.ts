import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { tinyPdf } from '../integration/files/file-fixture';
import { fillDate } from './support/date-field';
import { admin, createFinanceLab, fay, max, mia, openSection, publishTemplate, signAndApprove } from './support/finance-lab';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #15: an expense claim with a receipt, approved by the claimant's manager and by finance
// (it is above the 250.00 finance level), then reimbursed by finance, through the Finance section
// and My work in serve mode. Finance's policy speaks under each line while Max types it.

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const eur = (minor: number) => formatMoney(minor, 'EUR');

test('a claim with a receipt is approved by the manager and finance, and finance records its reimbursement', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await createFinanceLab(page);

  // The administrator publishes the expense claim workflow from its template.
  await publishTemplate(page, /Expense Claim/);

  // Fay in finance lowers the accommodation limit to 180.00 a line.
  await signInAs(page, fay);
  await openSection(page, 'Finance', 'Expense policy');
  await page.getByRole('textbox', { name: 'Accommodation: most a line may claim' }).fill('180.00');
  await page.getByRole('button', { name: 'Save the policy' }).click();
  await expect(page.getByTestId('policy-saved')).toBeVisible();
  await saveScreenshot(page, 'finance-expense-policy');

  // Max starts a claim for his audit trip.
  await signInAs(page, max);
  await openSection(page, 'Finance', 'My expenses');
  await expect(page.getByText('You have not claimed any expenses yet.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Purpose' }).fill('Audit visit in Berlin');
  await page.getByRole('button', { name: 'Start a claim' }).click();
  const claim = page.getByRole('region', { name: /^Expense claim / });
  await expect(claim.getByRole('heading', { name: /^Expense claim EXP-\d{4}-\d{4}$/ })).toBeVisible();

  // A hotel line above the accommodation limit, and without its receipt: policy speaks as he types.
  await claim.getByRole('button', { name: 'Add a line' }).click();
  const hotel = claim.getByRole('group', { name: 'Line 1' });
  await hotel.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Accommodation' }).click();
  await hotel.getByRole('textbox', { name: 'What for' }).fill('Hotel, two nights');
  await hotel.getByRole('textbox', { name: 'Amount (EUR)' }).fill('240.00');
  await hotel.getByRole('textbox', { name: 'Cost centre' }).fill('QC');
  await expect(hotel.getByTestId('policy-note')).toHaveText([
    `Accommodation: at most ${eur(18_000)} a line; this line is ${eur(24_000)}.`,
    'Accommodation: every line needs a receipt; attach it to the claim and choose it for this line.',
  ]);
  await expect(claim.getByRole('button', { name: 'Send for approval' })).toBeDisabled();
  await saveScreenshot(page, 'finance-claim-policy-warnings');

  // Within the limit, the receipt attached to the claim and chosen on the line.
  await hotel.getByRole('textbox', { name: 'Amount (EUR)' }).fill('175.00');
  const receipt = join(tmpdir(), `hotel-receipt-${Date.now()}.pdf`);
  writeFileSync(receipt, tinyPdf('Hotel Adlon, 2 nights, EUR 175.00'));
  const files = claim.getByTestId('attachments-panel');
  await files.getByTestId('attachment-input').setInputFiles(receipt);
  await expect(files.getByRole('listitem').filter({ hasText: receipt.split('/').pop()! })).toBeVisible({ timeout: 30_000 });
  await hotel.getByRole('combobox', { name: 'Receipt' }).click();
  await page.getByRole('option', { name: receipt.split('/').pop()! }).click();
  await expect(hotel.getByTestId('policy-note')).toHaveCount(0);

  // His own car to the airport and back: 300 km at the rate finance set, costed as he types.
  await claim.getByRole('button', { name: 'Add a line' }).click();
  const drive = claim.getByRole('group', { name: 'Line 2' });
  await drive.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Mileage (own car)' }).click();
  await drive.getByRole('textbox', { name: 'What for' }).fill('To the airport and back');
  await drive.getByRole('textbox', { name: 'Kilometres' }).fill('300');
  await drive.getByRole('textbox', { name: 'Cost centre' }).fill('QC');
  await expect(drive.getByText(`${eur(9_000)} at ${eur(30)} a km`)).toBeVisible();
  await expect(claim.getByTestId('claim-total')).toHaveText(`Total ${eur(26_500)}`);
  await saveScreenshot(page, 'finance-claim-filled-in');

  // Sent for approval and confirmed where he filed it.
  await claim.getByRole('button', { name: 'Send for approval' }).click();
  await claim.getByTestId('claim-confirm').getByRole('button', { name: 'Confirm and send' }).click();
  const confirm = page.getByRole('dialog', { name: 'Complete: Submit claim with receipts' });
  await confirm.getByRole('checkbox', { name: 'The receipts attached are the originals, and nothing was claimed before' }).check();
  await confirm.getByRole('button', { name: 'Complete' }).click();
  await expect(confirm).toHaveCount(0, { timeout: 30_000 });
  await expect(claim.getByTestId('claim-status')).toHaveText('Submitted');
  await saveScreenshot(page, 'finance-claim-submitted');

  // Mia, head of his department, approves first; then finance, both signing.
  await signInAs(page, mia);
  await signAndApprove(page, 'Manager and finance approval', mia.password);
  await signInAs(page, fay);
  await signAndApprove(page, 'Manager and finance approval', fay.password);

  // Fay pays it from Finance → Payments: the outgoing payment to Max is recorded and the claim's
  // payment step completed with the same date and reference.
  const today = new Date().toISOString().slice(0, 10);
  await openSection(page, 'Finance', 'Payments');
  const waiting = page.getByTestId('claim-to-reimburse');
  await expect(waiting).toHaveCount(1, { timeout: 30_000 });
  await expect(waiting).toContainText(max.name);
  await expect(waiting).toContainText(eur(26_500));
  await waiting.getByRole('button', { name: 'Reimburse' }).click();
  const payment = page.getByRole('dialog', { name: /^Reimburse EXP-/ });
  await fillDate(payment, 'Paid on', today);
  await payment.getByRole('textbox', { name: 'Bank payment reference' }).fill('SEPA-2026-0815');
  await saveScreenshot(page, 'finance-claim-payment');
  await payment.getByRole('button', { name: 'Record the payment' }).click();
  await expect(payment).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: /is reimbursed: payment PAY-/ })).toBeVisible({ timeout: 30_000 });
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  const paidOut = page.getByTestId('payment-row');
  await expect(paidOut).toHaveCount(1);
  await expect(paidOut).toContainText(`Paid out ${formatDay(today)}`);
  await expect(paidOut).toContainText(max.name);
  await expect(paidOut).toContainText(/Expense claim EXP-\d{4}-\d{4}/);
  await saveScreenshot(page, 'finance-reimbursement-paid');

  // Finance's report counts the paid claim by cost centre and category, with its chart.
  await openSection(page, 'Finance', 'Expense report');
  const reportRows = page.getByTestId('expense-report-row');
  await expect(reportRows).toHaveCount(2);
  await expect(reportRows.nth(0)).toHaveText(['Cost centre QC', 'Mileage (own car)', '1', eur(9_000)].join(''));
  await expect(reportRows.nth(1)).toHaveText(['Cost centre QC', 'Accommodation', '1', eur(17_500)].join(''));
  await expect(page.getByRole('region', { name: 'Expenses by category' }).locator('svg').first()).toBeVisible();
  await saveScreenshot(page, 'finance-expense-report');

  // Max sees it reimbursed, with the date and the reference.
  await signInAs(page, max);
  await openSection(page, 'Finance', 'My expenses');
  const row = page.getByTestId('expense-claim-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Reimbursed');
  await expect(row).toContainText(eur(26_500));
  await row.click();
  await expect(page.getByTestId('claim-reimbursed')).toHaveText(`Reimbursed on ${formatDay(today)}, payment reference SEPA-2026-0815.`);
  await saveScreenshot(page, 'finance-claim-reimbursed');
});
