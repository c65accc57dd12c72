import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { actOnMyWork, lab, openInstrument, signIn, startSeededHost } from './support/equipment-lab';
import { saveScreenshot } from './support/screenshots';
import type { ServedHost } from './support/serve-host';

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('an instrument bought, qualified, calibrated and booked is decommissioned through an approved request, and its history card PDF lists every step', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startSeededHost('full-life');
  await page.goto(host.url);

  // The custodian asks to retire the balance and starts the approval.
  await signIn(page, lab.cara);
  await openInstrument(page, /Open EQ-0001/);
  await expect(page.getByTestId('fitness')).toContainText('Fit for use');
  await page.getByRole('tab', { name: 'Decommissioning' }).click();
  await page.getByLabel('Why is it retired').fill('Replaced by the new XPR balance');
  await page.getByRole('button', { name: 'Request decommissioning' }).click();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByTestId('status-chip').filter({ hasText: 'Awaiting approval' })).toBeVisible();
  await page.getByRole('button', { name: 'Start approval' }).click();
  await expect(page.getByRole('tab', { name: 'My work' })).toBeVisible();

  // QA reviews and approves it in the workflow, with an electronic signature.
  await signIn(page, lab.quinn);
  await actOnMyWork(page, 'Review the request', 'Complete');
  await actOnMyWork(page, 'QA approval', 'Approve…');

  // Back on the instrument: the decision is applied, the checks done, QA decommissions.
  await openInstrument(page, /Open EQ-0001/);
  await page.getByRole('tab', { name: 'Decommissioning' }).click();
  await page.getByRole('button', { name: 'Apply the approval’s decision' }).click();
  await expect(page.getByTestId('status-chip').filter({ hasText: 'Approved' })).toBeVisible();
  await page.getByRole('button', { name: 'Decommission the instrument' }).click();
  await expect(page.getByText('Before the instrument is decommissioned: archive its data; choose how it will be disposed of.')).toBeVisible();
  await page.getByLabel('Its data is archived').check();
  await page.getByLabel('Archive location').fill('LIMS archive, volume 7');
  await page.getByLabel('Disposal method').click();
  await page.getByRole('option', { name: 'Recycled (WEEE)' }).click();
  await page.getByRole('button', { name: 'Save checks' }).click();
  await expect(page.getByText('Before the instrument is decommissioned')).toHaveCount(0);
  await page.getByRole('button', { name: 'Decommission the instrument' }).click();
  await expect(page.getByTestId('status-chip').filter({ hasText: 'Completed' })).toBeVisible();
  await expect(page.getByTestId('fitness')).toContainText('has been decommissioned');
  await saveScreenshot(page, 'equipment-decommissioned');

  // The history card on the page, then as a PDF.
  await page.getByRole('tab', { name: 'History card' }).click();
  const events = page.getByTestId('history-event');
  await expect(events.first()).toContainText('In service → Decommissioned');
  await saveScreenshot(page, 'equipment-history-card');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'History card PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('History-card-EQ-0001.pdf');
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  for (const step of [
    'Purchase request PR-', 'RFQ-', 'sent to 3 suppliers', 'Awarded to Sartorius Lab Instruments', 'Purchase order PO-', 'Received on PO-',
    'Installed by Cara Custodian', 'SAT executed', 'SAT reviewed', 'SAT approved', 'Signed: Approved by Quinn QA', 'In qualification → In service',
    'Calibration CAL-', 'passed', 'certificate MT-CERT-2231', '1 booking in', 'Decommissioning requested', 'Open bookings cancelled', 'In service → Decommissioned',
  ]) expect(text).toContain(step);
  // In the order of the instrument's life.
  const order = ['Purchase request PR-', 'Purchase order PO-', 'Received on PO-', 'Installed by', 'SAT approved', 'In qualification → In service', 'Calibration CAL-', 'In service → Decommissioned'].map((step) => text.indexOf(step));
  expect(order).toEqual([...order].sort((a, b) => a - b));
});
