import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../../src-shared/format/display-format';
import { runCommands } from './support/bridge-commands';
import { admin, createFinanceLab, fay, max, mia, openSection, publishTemplate, signAndApprove } from './support/finance-lab';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #15 item 5: a project budget requested by the project manager, approved at two levels
// (his manager, then finance: it is above 5,000.00) through BUDGET_APPROVAL run on the budget; the
// project's Budget tab then shows it against the time logged at his cost rate, warning at 80 %, and
// a purchase order procurement charges to the project as committed.

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const eur = (minor: number) => formatMoney(minor, 'EUR');
const pia = { name: 'Pia Purchase', email: 'pia@lab.example', password: 'purchase-order-2026' };

test('a project budget approved by the manager and finance shows on the project and warns at 80 %', async ({ page }) => {
  test.setTimeout(240_000);
  const year = new Date().getFullYear();
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const { maxId } = await createFinanceLab(page);

  // The administrator publishes the budget approval workflow from its template.
  await publishTemplate(page, /Budget Approval/);

  // Max runs a project at 100.00 an hour and has logged 50 hours on it this year.
  await signInAs(page, max);
  await runCommands(page, max, [
    { name: 'projects/create', input: { code: 'PCR-2026', name: 'PCR assay validation' } },
    { name: 'projects/update', input: { id: '$0', costRates: [{ personId: maxId, hourlyRateMinor: 10_000, currency: 'EUR' }] } },
    { name: 'tasks/create', input: { projectId: '$0', title: 'Run the validation series' } },
    { name: 'time/log', input: { taskId: '$2', date: `${year}-01-05`, hours: 24 } },
    { name: 'time/log', input: { taskId: '$2', date: `${year}-01-06`, hours: 24 } },
    { name: 'time/log', input: { taskId: '$2', date: `${year}-01-07`, hours: 2 } },
  ]);

  // He asks for a budget of 6,250.00 for the year: personnel and consumables.
  await openSection(page, 'Finance', 'Budgets');
  await expect(page.getByText('No budgets yet.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('option', { name: 'PCR-2026 PCR assay validation' }).click();
  await page.getByRole('textbox', { name: 'Year' }).fill(String(year));
  await page.getByRole('button', { name: 'Start a budget' }).click();
  const budget = page.getByRole('region', { name: /^Budget BUD-/ });
  await expect(budget.getByRole('heading', { name: /^Budget BUD-\d{4}-\d{4}$/ })).toBeVisible();
  await budget.getByRole('button', { name: 'Add a line' }).click();
  const people1 = budget.getByRole('group', { name: 'Line 1' });
  await people1.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Personnel' }).click();
  await people1.getByRole('textbox', { name: 'Amount (EUR)' }).fill('6000.00');
  await budget.getByRole('button', { name: 'Add a line' }).click();
  const reagents = budget.getByRole('group', { name: 'Line 2' });
  await reagents.getByRole('textbox', { name: 'Amount (EUR)' }).fill('250,00');
  await reagents.getByRole('textbox', { name: 'Note' }).fill('Primers and master mix');
  await expect(budget.getByTestId('budget-total')).toHaveText(`Total ${eur(625_000)}`);
  await saveScreenshot(page, 'finance-budget-draft');

  // Sent for approval and confirmed where he wrote it.
  await budget.getByRole('button', { name: 'Send for approval' }).click();
  await budget.getByTestId('budget-confirm').getByRole('button', { name: 'Confirm and send' }).click();
  const confirm = page.getByRole('dialog', { name: 'Complete: Submit budget request' });
  await confirm.getByRole('button', { name: 'Complete' }).click();
  await expect(confirm).toHaveCount(0, { timeout: 30_000 });
  await expect(budget.getByTestId('budget-status')).toHaveText('In approval', { timeout: 30_000 });

  // Mia, his manager, approves first; then finance, both signing.
  await signInAs(page, mia);
  await signAndApprove(page, 'Manager and finance approval', mia.password);
  await signInAs(page, fay);
  await signAndApprove(page, 'Manager and finance approval', fay.password);

  // Max sees it approved, with where it stands.
  await signInAs(page, max);
  await openSection(page, 'Finance', 'Budgets');
  const row = page.getByTestId('budget-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Approved', { timeout: 30_000 });
  await expect(row).toContainText(`Project budget ${year} for PCR-2026 PCR assay validation`);
  await expect(row).toContainText(eur(625_000));
  await saveScreenshot(page, 'finance-budgets-list');
  await row.click();
  await expect(page.getByTestId('budget-warning')).toContainText('80 % used', { timeout: 30_000 });
  await saveScreenshot(page, 'finance-budget-approved');

  // The project's Budget tab: budget, committed and actual per category, and the 80 % warning.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Projects' }).click();
  await page.getByText('PCR assay validation').first().click();
  await page.getByRole('tab', { name: 'Budget' }).click();
  const approved = page.getByRole('region', { name: `Approved budget ${year}` });
  await expect(approved.getByTestId('budget-warning')).toHaveText(`Budget ${await approvedNumber(page)} is 80 % used: ${eur(500_000)} committed and spent of ${eur(625_000)}.`, { timeout: 30_000 });
  const rows = approved.getByTestId('budget-standing-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText(['Personnel', eur(600_000), eur(0), eur(500_000), eur(100_000), '83 %'].join(''));
  await expect(rows.nth(1)).toHaveText(['Consumables', eur(25_000), eur(0), eur(0), eur(25_000), '0 %'].join(''));
  await saveScreenshot(page, 'project-approved-budget');

  // Procurement orders primers for the project: Pia charges the order to its consumables budget and
  // sends it; the project's Budget tab then shows it as committed.
  await runCommands(page, admin, [{ name: 'people/create', input: { ...pia, roles: ['procurement_officer'] } }]);
  await runCommands(page, pia, [
    { name: 'records/create', input: { kind: 'supplier', data: { name: 'Biozym Scientific' } } },
    { name: 'records/create', input: { kind: 'purchase_order', data: { supplierId: '$0', currency: 'EUR', lines: [{ id: 'line-1', description: 'Primers and master mix', quantity: 2, unitPriceMinor: 5_000, taxRatePercent: 19, isEquipment: false }], total: { amountMinor: 11_900, currency: 'EUR' } } } },
  ]);
  await signInAs(page, pia);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Equipment' }).click();
  await page.getByRole('tab', { name: 'Procurement' }).click();
  const order = page.getByTestId('Purchase orders-row');
  await expect(order).toHaveCount(1, { timeout: 30_000 });
  await order.getByRole('button', { name: 'Charge to budget' }).click();
  const charge = page.getByRole('dialog', { name: /^Charge PO-\d{4}-\d{4} to a budget$/ });
  await charge.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('option', { name: 'PCR-2026 PCR assay validation' }).click();
  await charge.getByRole('combobox', { name: 'Budget category' }).click();
  await page.getByRole('option', { name: 'Consumables' }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await saveScreenshot(page, 'procurement-charge-to-budget');
  await charge.getByRole('button', { name: 'Charge to this budget' }).click();
  await expect(charge).toHaveCount(0, { timeout: 30_000 });
  await expect(order).toContainText('PCR-2026 · Consumables');
  await order.getByRole('button', { name: 'Send to supplier' }).click();
  await expect(page.getByText(/is sent; Biozym Scientific has no email address/)).toBeVisible({ timeout: 60_000 });
  await saveScreenshot(page, 'procurement-order-charged');

  await signInAs(page, max);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Projects' }).click();
  await page.getByText('PCR assay validation').first().click();
  await page.getByRole('tab', { name: 'Budget' }).click();
  const committed = page.getByRole('region', { name: `Approved budget ${year}` });
  await expect(committed.getByTestId('budget-standing-row').nth(1)).toHaveText(['Consumables', eur(25_000), eur(11_900), eur(0), eur(13_100), '47 %'].join(''), { timeout: 30_000 });
  await expect(committed.getByTestId('budget-warning')).toContainText(`81 % used: ${eur(511_900)} committed and spent`);
  const budgetNumber = await approvedNumber(page);
  await saveScreenshot(page, 'project-budget-committed');

  // Max was told once when the budget reached 80 % — the order that took it further did not tell him again.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Notifications' }).click();
  const told = page.getByTestId('notification-item').filter({ hasText: `Budget ${budgetNumber} is 80 % used` });
  await expect(told).toHaveCount(1, { timeout: 30_000 });
  await expect(told).toContainText(`Budget ${year} of PCR-2026 PCR assay validation`);
  await saveScreenshot(page, 'finance-budget-warning-notification');
});

/** The approved budget's number as its region heading shows it. */
async function approvedNumber(page: Page): Promise<string> {
  const heading = await page.getByText(/^Approved budget \d{4} · BUD-/).first().textContent();
  return /BUD-\d{4}-\d{4}/.exec(heading ?? '')?.[0] ?? '';
}
