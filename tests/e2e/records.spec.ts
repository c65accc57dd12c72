import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { tinyPdf } from '../integration/files/file-fixture';
import { createFirstAdministrator } from './support/first-run';
import { addPerson, signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

// Issue #10 part 6: registers, record pages and Ctrl+K search, through the UI against serve mode.

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
const barbara = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1950' };
const dorothy = { name: 'Dorothy Hodgkin', email: 'dorothy@lab.example', password: 'penicillin-structure-1945' };

// Dates and money are written in the person's language: fix it so the expected text is known.
test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function start(page: Page) {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await section(page, 'Settings');
  await addPerson(page, barbara);
  await addPerson(page, dorothy);
}

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
/** The HR section opens on the person's own leave; the generic registers are its Registers tab. */
async function openLeaveRegister(page: Page) {
  await section(page, 'HR');
  await page.getByRole('tab', { name: 'Registers' }).click();
  await page.getByRole('tab', { name: 'Leave requests' }).click();
}
/** Equipment → Registers: the purchase-request register is the first of the equipment registers. */
async function openPurchaseRegister(page: Page) {
  await section(page, 'Equipment');
  await page.getByRole('tablist', { name: 'Equipment views' }).getByRole('tab', { name: 'Registers' }).click();
  await expect(page).toHaveURL(/#\/equipment\/purchase_request$/);
}
const grid = (page: Page) => page.getByTestId('register-grid');
const gridRows = (page: Page) => grid(page).locator('.MuiDataGrid-row');
const titlesInGrid = (page: Page) => gridRows(page).locator('[data-field="itemName"]').allTextContents();

/** The create dialog of the open register: fills the fields given (by label) and creates. */
async function createPurchase(page: Page, fields: { item: string; quantity?: string; cost?: string; supplier?: string; neededBy?: string }) {
  await page.getByRole('button', { name: 'New purchase request' }).click();
  const dialog = page.getByRole('dialog', { name: 'New purchase request' });
  await dialog.getByRole('textbox', { name: 'Item' }).fill(fields.item);
  if (fields.quantity) await dialog.getByRole('textbox', { name: 'Quantity' }).fill(fields.quantity);
  if (fields.cost) await dialog.getByRole('textbox', { name: 'Estimated cost', exact: true }).fill(fields.cost);
  if (fields.supplier) await dialog.getByRole('textbox', { name: 'Supplier' }).fill(fields.supplier);
  if (fields.neededBy) await fillDate(dialog, 'Needed by', fields.neededBy);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('record-title')).toHaveText(fields.item);
}

const backToRegister = (page: Page) => page.getByRole('navigation', { name: 'Where this record belongs' }).getByRole('link', { name: 'Purchase requests' }).click();

test('a purchase request from the register to its record page: create, sort, filter, save a view, export, edit, link, comment, cancel, find', async ({ page }) => {
  // A long walk through the UI: three requests, a view, an export, every tab, a second person.
  test.setTimeout(240_000);
  await start(page);
  await openPurchaseRegister(page);
  await expect(page.getByRole('heading', { name: 'Purchase requests' })).toBeVisible();
  await expect(grid(page)).toContainText('No purchase requests yet');

  // The create dialog explains a missing item at the field, then files the request.
  await page.getByRole('button', { name: 'New purchase request' }).click();
  const dialog = page.getByRole('dialog', { name: 'New purchase request' });
  await expect(dialog.getByRole('combobox', { name: 'Requested by' })).toHaveValue(admin.name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Say what should be bought.')).toBeVisible();
  await saveScreenshot(page, 'records-create-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await createPurchase(page, { item: 'Analytical balance', quantity: '2', cost: '4500', supplier: 'Sartorius', neededBy: '2026-05-04' });
  await expect(page).toHaveURL(/#\/records\/[^/]+$/);
  const balanceUrl = page.url();
  await backToRegister(page);
  await createPurchase(page, { item: 'pH meter', cost: '350' });
  await backToRegister(page);
  await createPurchase(page, { item: 'Centrifuge', cost: '12000.50', neededBy: '2026-06-01' });
  await backToRegister(page);
  await expect(gridRows(page)).toHaveCount(3);
  // Labels, not codes: the requester by name, money with its currency, the status's label, one date format.
  const balanceRow = gridRows(page).filter({ hasText: 'Analytical balance' });
  await expect(balanceRow).toContainText(admin.name);
  await expect(balanceRow).toContainText('€4,500.00');
  await expect(balanceRow).toContainText('4 May 2026');
  await expect(balanceRow).toContainText('Draft');

  // Sort by the estimated cost, both ways.
  await grid(page).getByRole('columnheader', { name: 'Estimated cost' }).click();
  await expect.poll(() => titlesInGrid(page)).toEqual(['pH meter', 'Analytical balance', 'Centrifuge']);
  await grid(page).getByRole('columnheader', { name: 'Estimated cost' }).click();
  await expect.poll(() => titlesInGrid(page)).toEqual(['Centrifuge', 'Analytical balance', 'pH meter']);

  // Filter: costs above 1,000.
  await page.getByRole('button', { name: 'Add filter' }).click();
  const filter = page.getByRole('dialog', { name: 'Add a filter' });
  await filter.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Estimated cost' }).click();
  await filter.getByRole('combobox', { name: 'Condition' }).click();
  await page.getByRole('option', { name: 'is more than' }).click();
  await filter.getByRole('textbox', { name: 'Amount' }).fill('1000');
  await filter.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByTestId('filter-chip')).toHaveText('Estimated cost is more than €1,000.00');
  await expect.poll(() => titlesInGrid(page)).toEqual(['Centrifuge', 'Analytical balance']);
  await expect(page.getByTestId('register-total')).toHaveText('2 matching');

  // Save the view; after a reload (the register starts standard) it brings the filter and sort back.
  await page.getByTestId('views-button').click();
  await page.getByRole('menuitem', { name: 'Save view…' }).click();
  await page.getByRole('dialog', { name: 'Save this view' }).getByRole('textbox', { name: 'View name' }).fill('Big purchases');
  await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('views-button')).toHaveText('Big purchases');
  await saveScreenshot(page, 'records-register');
  await page.reload();
  await expect(gridRows(page)).toHaveCount(3);
  await page.getByTestId('views-button').click();
  await page.getByRole('menuitem', { name: 'Big purchases' }).click();
  await expect.poll(() => titlesInGrid(page)).toEqual(['Centrifuge', 'Analytical balance']);

  // Export the whole filtered register as CSV, with the register's labels.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Purchase requests \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toBe('Number,Item,Quantity,Estimated cost,Needed by,Requested by,Status');
  expect(csv).toHaveLength(3);
  expect(csv[1]).toMatch(/^PR-\d{4}-0003,Centrifuge,1,"€12,000.50",1 Jun 2026,Ada Lovelace,Draft$/);
  expect(csv[2]).toMatch(/^PR-\d{4}-0001,Analytical balance,2,"€4,500.00",4 May 2026,Ada Lovelace,Draft$/);
  await expect(page.getByText('Exported 2 records')).toBeVisible();
  // And as a workbook whose amounts and dates are cells Excel can add up.
  await page.getByRole('button', { name: 'Export' }).click();
  const [workbookDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Excel workbook/ }).click()]);
  expect(workbookDownload.suggestedFilename()).toMatch(/^Purchase requests \d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await workbookDownload.path());
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).values).toEqual([undefined, 'Number', 'Item', 'Quantity', 'Estimated cost', 'Needed by', 'Requested by', 'Status']);
  expect(sheet?.getRow(2).getCell(2).value).toBe('Centrifuge');
  expect(sheet?.getRow(2).getCell(4).value).toBe(12000.5);
  expect(sheet?.getRow(2).getCell(5).value).toEqual(new Date(Date.UTC(2026, 5, 1)));
  expect(sheet?.getRow(3).getCell(2).value).toBe('Analytical balance');
  expect(sheet?.rowCount).toBe(3);

  // The record page: edit a field (a refused value is explained at the field).
  await gridRows(page).filter({ hasText: 'Analytical balance' }).click();
  await expect(page).toHaveURL(balanceUrl);
  await expect(page.getByTestId('record-status')).toHaveText('Draft');
  await page.getByRole('textbox', { name: 'Quantity' }).fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Order at least one.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('3');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await saveScreenshot(page, 'records-page-details');

  // Link it to the pH meter; the link shows on both records.
  await page.getByRole('tab', { name: 'Linked records' }).click();
  await page.getByRole('button', { name: 'Link…' }).click();
  const linking = page.getByRole('dialog', { name: /^Link PR/ });
  await linking.getByRole('combobox', { name: 'Record, project or task' }).fill('pH');
  await page.getByRole('option', { name: /pH meter/ }).click();
  await linking.getByRole('button', { name: 'Link' }).click();
  await expect(page.getByTestId('linked-record')).toContainText('pH meter');
  await saveScreenshot(page, 'records-page-links');
  await page.getByTestId('linked-record').getByRole('link', { name: 'pH meter' }).click();
  await expect(page.getByTestId('record-title')).toHaveText('pH meter');
  await page.getByRole('tab', { name: 'Linked records' }).click();
  await expect(page.getByTestId('linked-record')).toContainText('Analytical balance');
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('record-title')).toHaveText('Analytical balance');

  // The workflows tab offers the kind's workflow for this record.
  await page.getByRole('tab', { name: 'Workflows' }).click();
  await expect(page.getByText('No workflow has run for this purchase request yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Start workflow' }).click();
  await expect(page.getByRole('dialog', { name: 'Start a workflow' }).getByRole('textbox', { name: 'About' })).toHaveValue(/^Purchase request PR-\d{4}-0001$/);
  await saveScreenshot(page, 'records-page-workflows');
  await page.getByRole('dialog', { name: 'Start a workflow' }).getByRole('button', { name: 'Cancel' }).click();

  // A comment mentioning Barbara.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const comment = page.getByRole('textbox', { name: 'Comment' });
  await comment.fill('Please check the budget line with ');
  await comment.pressSequentially('@barb');
  await page.getByRole('option', { name: /Barbara McClintock/ }).click();
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByTestId('comment')).toContainText('Please check the budget line with @barbara');
  await expect(page.getByTestId('history-entry').first()).toContainText('Quantity: 2 → 3');

  // Cancel with a reason: asked for first, then kept in the history.
  await page.getByRole('button', { name: 'Cancel request' }).click();
  const cancelling = page.getByRole('dialog', { name: /^Cancel request/ });
  await cancelling.getByRole('button', { name: 'Cancel request' }).click();
  await expect(cancelling.getByText('Give a reason to cancel request.')).toBeVisible();
  await cancelling.getByRole('textbox', { name: 'Reason' }).fill('Bought through the framework contract instead');
  await cancelling.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByTestId('record-status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
  await expect(page.getByTestId('history-entry').first()).toContainText('Draft → Cancelled');
  await expect(page.getByTestId('history-entry').first()).toContainText('Reason: Bought through the framework contract instead');
  await saveScreenshot(page, 'records-page-activity');

  // Ctrl+K finds it from anywhere, from the keyboard alone.
  await section(page, 'Projects');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('analytical bal');
  await expect(page.getByRole('option', { name: /Analytical balance/ })).toBeVisible();
  await saveScreenshot(page, 'records-search');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(balanceUrl);
  await expect(page.getByTestId('record-title')).toHaveText('Analytical balance');

  // Barbara was told about the mention; the notice opens the record.
  await signInAs(page, barbara);
  await section(page, 'Notifications');
  await page.getByText(`${admin.name} mentioned you on`).first().click();
  await expect(page.getByTestId('record-title')).toHaveText('Analytical balance');
});

test('a leave request filed by a member is listed for them and for nobody else without HR rights', async ({ page }) => {
  test.setTimeout(180_000);
  await start(page);
  await signInAs(page, barbara);
  await openLeaveRegister(page);
  await expect(page.getByRole('heading', { name: 'Leave requests' })).toBeVisible();
  await page.getByRole('button', { name: 'New leave request' }).click();
  const dialog = page.getByRole('dialog', { name: 'New leave request' });
  await expect(dialog.getByRole('textbox', { name: 'HR note' })).toHaveCount(0);
  await fillDate(dialog, 'First day', '2026-07-06');
  await fillDate(dialog, 'Last day', '2026-07-08');
  await dialog.getByRole('textbox', { name: 'Working days' }).fill('3');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('record-title')).toHaveText('Annual leave, 3 days');
  const leaveUrl = page.url();
  await page.getByRole('navigation', { name: 'Where this record belongs' }).getByRole('link', { name: 'Leave requests' }).click();
  await expect(gridRows(page)).toHaveCount(1);
  await expect(gridRows(page).first()).toContainText(barbara.name);
  await expect(gridRows(page).first()).toContainText('Annual leave');
  await expect(gridRows(page).first()).toContainText('6 Jul 2026');

  // Another member sees neither the request, nor a search hit, nor the page behind its address.
  await signInAs(page, dorothy);
  await openLeaveRegister(page);
  await expect(grid(page)).toContainText('No leave requests yet');
  await expect(page.getByTestId('register-total')).toHaveText('0 records');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('3 days');
  await expect(page.getByText('Nothing matches “3 days”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto(leaveUrl);
  await expect(page.getByText('This record is not available')).toBeVisible();
});

test('a purchase request’s files: attach a quotation, open it, print the request and keep the PDF with its files', async ({ page }) => {
  // Rendering a PDF in the host is CPU-bound: minutes on a loaded machine.
  test.setTimeout(300_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await openPurchaseRegister(page);
  await createPurchase(page, { item: 'Karl Fischer titrator', quantity: '1', cost: '18500', supplier: 'Metrohm', neededBy: '2026-09-15' });
  const number = (await page.getByRole('navigation', { name: 'Where this record belongs' }).textContent())?.match(/PR-\d{4}-\d{4}/)?.[0] ?? '';
  expect(number).toMatch(/^PR-\d{4}-0001$/);

  // The Attachments tab: the supplier's quotation, picked from disk, listed with who added it.
  await page.getByRole('tab', { name: 'Attachments' }).click();
  await expect(page).toHaveURL(/#\/records\/[^/]+\/attachments$/);
  const panel = page.getByTestId('attachments-panel');
  await expect(panel).toContainText('No files yet.');
  const quotation = join(tmpdir(), `quotation-metrohm-${Date.now()}.pdf`);
  writeFileSync(quotation, tinyPdf('Quotation Metrohm 2026-311'));
  await panel.getByTestId('attachment-input').setInputFiles(quotation);
  const row = panel.getByRole('listitem').filter({ hasText: basename(quotation) });
  await expect(row).toContainText(admin.name);
  await saveScreenshot(page, 'records-page-attachments');
  await row.getByRole('button', { name: 'Open' }).click();
  const preview = page.getByRole('dialog', { name: /^quotation-metrohm-/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveText('1 page');
  await preview.getByRole('button', { name: 'Close preview' }).click();

  // Print / PDF offers the purchase request's own document first, then the generic summary.
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Purchase request', 'Summary']);
  await page.getByRole('menuitem', { name: 'Purchase request' }).click();
  const generated = page.getByRole('dialog', { name: `${number} Purchase request.pdf` });
  await expect(generated.getByTestId('pdf-pages')).toHaveText('1 page', { timeout: 180_000 });
  await saveScreenshot(page, 'records-print');
  // What it says, read back from the saved file.
  const [saved] = await Promise.all([page.waitForEvent('download'), generated.getByRole('button', { name: 'Save' }).click()]);
  const text = execFileSync('pdftotext', ['-layout', await saved.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain(`Purchase request ${number}`);
  expect(text).toContain('Karl Fischer titrator');
  expect(text).toContain('Metrohm');
  expect(text).toContain(admin.name);
  await generated.getByRole('button', { name: 'Keep as attachment' }).click();
  await expect(generated.getByText('Kept with the files.')).toBeVisible();
  await generated.getByRole('button', { name: 'Close' }).click();

  // The kept document is one of the record's files now, marked as generated with the number it shows.
  const kept = panel.getByRole('listitem').filter({ hasText: `Generated · ${number}` });
  await expect(kept).toContainText(`${number} Purchase request.pdf`);
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await saveScreenshot(page, 'records-page-attachments-kept');
});
