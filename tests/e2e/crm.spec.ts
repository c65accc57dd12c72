import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { quotationDiscountApproval } from '../../src-shared/crm/discount-approval-workflow';
import { runCommands } from './support/bridge-commands';
import { actOnMyWork, PASSWORD, signIn } from './support/equipment-lab';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { mouseDrag } from './support/mouse-drag';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Margaret Hamilton', email: 'margaret@lab.example', password: 'apollo-guidance-1969' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const stage = (page: Page, id: string) => page.getByTestId(`stage-${id}`);
const row = (page: Page, table: string, text: string) => page.getByTestId(`${table}-row`).filter({ hasText: text });

test('a sales person takes a lead to an order: imported from CSV, qualified, converted, dragged through the pipeline, quoted, sent, accepted, ordered', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // The CRM section opens on its pipeline, empty.
  await page.getByRole('button', { name: 'CRM' }).click();
  await expect(page.getByText('No open opportunities: convert a qualified lead to start one.')).toBeVisible();

  // Leads from a trade show, imported from a spreadsheet's CSV: the preview shows the row that cannot be imported.
  await page.getByRole('tab', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import leads from CSV' });
  const csv = 'Company;First name;Last name;E-mail;Interested in\r\nNordpharma GmbH;Ines;Weber;ines.weber@nordpharma.example;Stability testing\r\nBrno Bio;Petr;Novak;petr(at)brno.example;Microbiology\r\nKemi AB;Sara;Lind;sara@kemi.example;Method transfer\r\n';
  await importer.getByLabel('CSV file').setInputFiles({ name: 'trade-show-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importer.getByText('trade-show-leads.csv: 3 rows')).toBeVisible();
  await expect(importer.getByLabel('Field for E-mail')).toHaveText('Email');
  await expect(importer.getByTestId('import-summary')).toHaveText('2 rows ready to import; 1 with errors will be skipped.');
  await expect(importer.getByTestId('import-error')).toHaveText([/^3Email.*email address/]);
  await saveScreenshot(page, 'crm-lead-import');
  await importer.getByRole('button', { name: 'Import 2 leads' }).click();
  await expect(page.getByText('2 leads imported; 1 row with errors was skipped.')).toBeVisible();
  await expect(page.getByTestId('Leads-row')).toHaveCount(2);

  // One more lead, captured by hand with the lead form.
  await page.getByRole('button', { name: 'New lead' }).click();
  const form = page.getByRole('form', { name: 'New lead' });
  await form.getByLabel('Company').fill('Aalto Analytics Oy');
  await form.getByLabel('Last name').fill('Virtanen');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('Leads-row')).toHaveCount(3);

  // Nordpharma is contacted and qualified.
  const lead = row(page, 'Leads', 'Nordpharma GmbH');
  await expect(lead.getByTestId('record-status')).toHaveText('New');
  await lead.getByRole('button', { name: 'Mark as contacted' }).click();
  await expect(lead.getByTestId('record-status')).toHaveText('Contacted');
  await lead.getByRole('button', { name: 'Qualify', exact: true }).click();
  await expect(lead.getByTestId('record-status')).toHaveText('Qualified');
  await saveScreenshot(page, 'crm-leads');

  // Converted in one step: customer, contact and an opportunity in the first stage.
  await lead.getByRole('button', { name: 'Convert…' }).click();
  const convert = page.getByRole('dialog', { name: /Convert LEAD-/ });
  await expect(convert.getByLabel('Opportunity')).toHaveValue('Nordpharma GmbH: Stability testing');
  await convert.getByLabel('Value').fill('abc');
  await convert.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(convert.getByText('Enter an amount, e.g. 1250.00.')).toBeVisible();
  await convert.getByLabel('Value').fill('50000');
  await saveScreenshot(page, 'crm-convert-lead');
  await convert.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(page.getByText(/is now a customer with the opportunity OPP-\d{4}-0001/)).toBeVisible();
  await expect(lead.getByTestId('record-status')).toHaveText('Converted');

  // The pipeline: the opportunity is dragged from Qualification through Needs analysis to Proposal.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const card = page.getByTestId('opportunity-card').filter({ hasText: 'Nordpharma GmbH: Stability testing' });
  await expect(stage(page, 'qualification').getByTestId('opportunity-card')).toHaveCount(1);
  await expect(card).toContainText('10 %');
  await mouseDrag(page, card, stage(page, 'needs_analysis'), 120);
  await expect(stage(page, 'needs_analysis').getByTestId('opportunity-card')).toContainText('25 %');
  await mouseDrag(page, card, stage(page, 'proposal'), 120);
  await expect(stage(page, 'proposal').getByTestId('opportunity-card')).toContainText('50 %');
  await expect(stage(page, 'qualification').getByTestId('opportunity-card')).toHaveCount(0);
  await saveScreenshot(page, 'crm-pipeline');
  await page.reload();
  await expect(stage(page, 'proposal').getByTestId('opportunity-card')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Opportunities' }).click();
  await expect(row(page, 'Opportunities', 'Nordpharma')).toContainText('Proposal');
  await expect(row(page, 'Opportunities', 'Nordpharma')).toContainText('Margaret Hamilton');
  await saveScreenshot(page, 'crm-opportunities');

  // A quotation for it, the totals following every keystroke.
  await page.getByRole('tab', { name: 'Quotations & orders' }).click();
  await page.getByRole('button', { name: 'New quotation' }).click();
  const editor = page.getByRole('dialog', { name: 'New quotation' });
  await editor.getByRole('combobox', { name: 'Opportunity' }).click();
  await page.getByRole('option', { name: /Nordpharma GmbH: Stability testing/ }).click();
  await editor.getByLabel('Line 1 description').fill('Stability study, 40 batches');
  await editor.getByLabel('Line 1 quantity').fill('40');
  await editor.getByLabel('Line 1 unit price').fill('1250');
  await editor.getByLabel('Line 1 discount').fill('5');
  // 40 × 1,250.00 less 5 % = 47,500.00, plus 19 % tax = 56,525.00.
  await expect(editor.getByTestId('quotation-total')).toContainText('56,525.00');
  await editor.getByRole('button', { name: 'Add line' }).click();
  await editor.getByLabel('Line 2 description').fill('Report in English');
  await editor.getByLabel('Line 2 unit price').fill('300');
  await expect(editor.getByTestId('quotation-total')).toContainText('56,882.00');
  await saveScreenshot(page, 'crm-quotation-editor');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toHaveCount(0);

  // Sent (PDF by email to the contact), accepted, and made into an order.
  const quotation = row(page, 'Quotations', 'Stability study');
  await expect(quotation.getByTestId('record-status')).toHaveText('Draft');
  await expect(quotation).toContainText('Nordpharma GmbH');
  await quotation.getByRole('button', { name: 'Send to customer' }).click();
  // Rendering the PDF is CPU-bound (font loading on first use): on a loaded machine it can take tens of seconds.
  await expect(page.getByText(/QUO-\d{4}-0001 is on its way to ines\.weber@nordpharma\.example by email\./)).toBeVisible({ timeout: 90_000 });
  await expect(quotation.getByTestId('record-status')).toHaveText('Sent');
  await quotation.getByRole('button', { name: 'Customer accepted' }).click();
  await expect(quotation.getByTestId('record-status')).toHaveText('Accepted');
  await quotation.getByRole('button', { name: 'Make order' }).click();
  await expect(page.getByText(/Sales order SO-\d{4}-0001 is made from QUO-\d{4}-0001\./)).toBeVisible();
  const order = row(page, 'Sales orders', 'Nordpharma GmbH');
  await expect(order).toContainText('56,882.00');
  await expect(quotation.getByRole('button', { name: 'Make order' })).toHaveCount(0);
  await saveScreenshot(page, 'crm-quotations-orders');

  // The generic registers stay one tab away.
  await page.getByRole('tab', { name: 'Registers' }).click();
  await expect(page.getByRole('tablist', { name: 'Registers' })).toBeVisible();
  await saveScreenshot(page, 'crm-registers');
});

test('a quotation discounted above the threshold is sent only after a sales manager approved it with an e-signature', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  const mia = { name: 'Mia Manager', email: 'mia@lab.org' };
  // The lab's people, the published approval and an opportunity, as other screens would make them.
  await runCommands(page, admin, [
    { name: 'people/create', input: { ...mia, password: PASSWORD, roles: ['sales_manager'] } },
    { name: 'people/create', input: { ...sam, password: PASSWORD, roles: ['sales'] } },
    { name: 'workflows/definitions/import', input: { commandId: 'crm-e2e-discount', definition: quotationDiscountApproval, publish: true } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'], email: 'orders@kemi.example' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi method transfer', organisationId: '$3', stageId: 'negotiation', probabilityPercent: 75, value: { amountMinor: 2_000_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: '$1' } } },
  ]);

  // Sam offers 15 % off (the threshold is 10 %): sending is refused until the discount is approved.
  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Quotations & orders' }).click();
  await page.getByRole('button', { name: 'New quotation' }).click();
  const editor = page.getByRole('dialog', { name: 'New quotation' });
  await editor.getByRole('combobox', { name: 'Opportunity' }).click();
  await page.getByRole('option', { name: /Kemi method transfer/ }).click();
  await editor.getByLabel('Line 1 description').fill('Method transfer, HPLC assay');
  await editor.getByLabel('Line 1 unit price').fill('20000');
  await editor.getByLabel('Line 1 discount').fill('15');
  await expect(editor.getByTestId('quotation-total')).toContainText('20,230.00');
  await expect(editor.getByText('A line is discounted by more than 10 %: a sales manager must approve the discount before this quotation can be sent.')).toBeVisible();
  await editor.getByRole('button', { name: 'Save draft' }).click();
  const quotation = row(page, 'Quotations', 'Method transfer');
  await quotation.getByRole('button', { name: 'Send to customer' }).click();
  await expect(page.getByText('A line is discounted by more than 10 %; ask for approval before sending.')).toBeVisible();
  await quotation.getByRole('button', { name: 'Ask for discount approval' }).click();
  await expect(quotation.getByTestId('record-status')).toHaveText('Discount in approval');
  await expect(quotation.getByRole('button', { name: 'Send to customer' })).toHaveCount(0);
  await saveScreenshot(page, 'crm-discount-in-approval');

  // Mia approves it in My work, signing with her password.
  await signIn(page, mia);
  await actOnMyWork(page, 'Sales manager approval', 'Approve…');

  // Back with Sam: approved, and now it goes out.
  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Quotations & orders' }).click();
  await expect(quotation.getByTestId('record-status')).toHaveText('Approved');
  await quotation.getByRole('button', { name: 'Send to customer' }).click();
  // Rendering the PDF is CPU-bound (font loading on first use): on a loaded machine it can take tens of seconds.
  await expect(page.getByText(/QUO-\d{4}-0001 is on its way to orders@kemi\.example by email\./)).toBeVisible({ timeout: 90_000 });
  await expect(quotation.getByTestId('record-status')).toHaveText('Sent');
  await saveScreenshot(page, 'crm-discount-approved-sent');

  // Its PDF (Print / PDF on its page) shows who approved the discount, when, and what the signature means.
  await quotation.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  await page.getByRole('menuitem', { name: 'Quotation' }).click();
  const generated = page.getByRole('dialog', { name: /Quotation-QUO-\d{4}-0001\.pdf/ });
  await expect(generated.getByTestId('pdf-pages')).toHaveText('1 page', { timeout: 60_000 });
  await saveScreenshot(page, 'crm-quotation-pdf-approval');
  const [saved] = await Promise.all([page.waitForEvent('download'), generated.getByRole('button', { name: 'Save' }).click()]);
  const text = execFileSync('pdftotext', ['-layout', await saved.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toMatch(/Quotation QUO-\d{4}-0001/);
  expect(text).toMatch(/Discount approval Discount approved by Mia Manager Signed electronically .+ · meaning: Approved/);
});
