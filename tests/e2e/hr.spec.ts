import { expect, test, type Page } from '@playwright/test';
import { formatDay } from '../../src-shared/format/display-format';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { admin, hana, lise as mia, max } from './support/hr-team';
import { startServeHost, type ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

// Issue #14: leave through the HR section in serve mode. HR sets up Max's employee record (his
// manager is Mia, who heads no department: the record makes her his manager), Max sees his balance,
// is refused a request beyond it where he typed it, requests three days, confirms them where he filed them;
// Mia approves with her signature; the balance drops and the team calendar shows the days.


let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** A Monday at least two weeks ahead whose three weeks stay in one year: the leave's balance is that year's. */
function leaveWeek(): { monday: Date; year: number } {
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  let monday = addDays(today, 14 + ((8 - today.getUTCDay()) % 7));
  while (addDays(monday, 20).getUTCFullYear() !== monday.getUTCFullYear()) monday = addDays(monday, 7);
  return { monday, year: monday.getUTCFullYear() };
}

/** Types a day into a date field the way a person does. */
async function fillDay(page: Page, label: string, date: Date) {
  await fillDate(page, label, iso(date), { exact: true });
}

async function openHr(page: Page, tab: 'My leave' | 'Team calendar' | 'Employees' | 'Registers') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function openWorkflowsTab(page: Page, tab: 'My work' | 'Definitions') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('HR sets up an employee, who requests leave against the balance, the manager approves it, the balance drops and the team calendar shows it', async ({ page }) => {
  test.setTimeout(300_000);
  const { monday, year } = leaveWeek();
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, [
    { name: 'departments/create', input: { code: 'QC', name: 'Quality control' } },
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...max, roles: ['member'], departmentId: '$0' } },
    { name: 'people/create', input: { ...mia, roles: ['member'], departmentId: '$0' } },
  ]);

  // The administrator publishes the leave request workflow from its template.
  await openWorkflowsTab(page, 'Definitions');
  await page.getByRole('button', { name: 'New from template' }).click();
  const templates = page.getByRole('dialog');
  await templates.getByRole('button', { name: /Leave Request/ }).click();
  await templates.getByRole('button', { name: 'Copy and edit' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Published');

  // HR sets up Max's employee record: Mia manages him, ten days a year, nothing carried over.
  await signInAs(page, hana);
  await openHr(page, 'Employees');
  await expect(page.getByText('No employee records you can see yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Set up an employee' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up an employee' });
  await dialog.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: max.name }).click();
  await dialog.getByRole('textbox', { name: 'Job title' }).fill('Lab technician');
  await dialog.getByRole('combobox', { name: 'Manager' }).click();
  await page.getByRole('option', { name: mia.name }).click();
  await fillDate(dialog, 'Start date', `${year - 1}-01-01`);
  await dialog.getByRole('spinbutton', { name: 'Annual leave (days a year)' }).fill('10');
  await dialog.getByRole('spinbutton', { name: 'Carry over at most (days)' }).fill('0');
  await saveScreenshot(page, 'hr-employee-setup');
  await dialog.getByRole('button', { name: 'Save employee' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('employee-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(max.name);
  await expect(row).toContainText(mia.name);
  await expect(row).toContainText(formatDay(`${year - 1}-01-01`));
  await saveScreenshot(page, 'hr-employees');

  // Max sees his balance; three weeks are more than it covers: refused where he asked.
  await signInAs(page, max);
  await openHr(page, 'My leave');
  await page.getByRole('combobox', { name: 'Year' }).click();
  await page.getByRole('option', { name: String(year) }).click();
  const annual = page.getByTestId('leave-balance').filter({ hasText: 'Annual leave' });
  await expect(annual.getByTestId('leave-available')).toHaveText('10 days left');
  await fillDay(page, 'First day', monday);
  await fillDay(page, 'Last day', addDays(monday, 18));
  await expect(page.getByTestId('leave-days-counted')).toHaveText('Counts as 15 days of leave.');
  await page.getByRole('button', { name: 'Request leave' }).click();
  await expect(page.getByTestId('leave-refusal')).toContainText('The leave balance does not cover this');
  await saveScreenshot(page, 'hr-leave-refused');

  // Three days with the last one until noon: counted live, then filed, and its workflow started.
  await fillDay(page, 'Last day', addDays(monday, 2));
  await expect(page.getByTestId('leave-days-counted')).toHaveText('Counts as 3 days of leave.');
  await page.getByLabel('Last day until noon').check();
  await expect(page.getByTestId('leave-days-counted')).toHaveText('Counts as 2.5 days of leave.');
  await page.getByRole('button', { name: 'Request leave' }).click();
  await expect(page.getByTestId('leave-filed')).toContainText('Confirm it to send it to your manager.');
  await expect(page.getByTestId('leave-refusal')).toHaveCount(0);
  await expect(annual.getByTestId('leave-available')).toHaveText('7.5 days left');
  await expect(annual.getByTestId('leave-waiting')).toHaveText('2.5 days waiting for approval');
  const request = page.getByTestId('leave-request-row');
  await expect(request).toHaveCount(1);
  await expect(request).toContainText('Draft');
  await expect(request).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await saveScreenshot(page, 'hr-my-leave-requested');

  // He confirms it where he filed it: the first step's form opens here, not in My work.
  await page.getByTestId('leave-filed').getByRole('button', { name: 'Confirm and send' }).click();
  const form = page.getByRole('dialog', { name: 'Complete: Apply for leave' });
  await form.getByRole('checkbox', { name: 'I have checked that I have enough leave left' }).check();
  await form.getByRole('button', { name: 'Complete' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('leave-filed')).toHaveText(/is with your manager for approval\.$/);

  // Mia, his manager by the employee record, approves with her signature.
  await signInAs(page, mia);
  await openWorkflowsTab(page, 'My work');
  const approveRow = page.getByTestId('my-work-row').filter({ hasText: 'Manager approval' });
  await approveRow.getByRole('button', { name: 'Approve Manager approval' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill(mia.password);
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign).toHaveCount(0);

  // Her team calendar shows Max away in that month: two full days and a half.
  await openHr(page, 'Team calendar');
  const month = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monday);
  for (let i = 0; i < 24 && (await page.getByTestId('calendar-month').textContent()) !== month; i++) await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByTestId('calendar-month')).toHaveText(month);
  const person = page.getByTestId('calendar-person').filter({ hasText: max.name });
  await expect(person.getByTestId('leave-day')).toHaveCount(3);
  await expect(person.locator(`[data-date="${iso(addDays(monday, 2))}"]`)).toHaveText('½');
  await saveScreenshot(page, 'hr-team-calendar');

  // Max's request is approved and his balance keeps the 2.5 days.
  await signInAs(page, max);
  await openHr(page, 'My leave');
  await page.getByRole('combobox', { name: 'Year' }).click();
  await page.getByRole('option', { name: String(year) }).click();
  await expect(page.getByTestId('leave-request-row')).toContainText('Approved');
  await expect(annual.getByTestId('leave-available')).toHaveText('7.5 days left');
  await expect(annual.getByTestId('leave-waiting')).toHaveText('Nothing waiting for approval');
  await saveScreenshot(page, 'hr-my-leave-approved');

  // The generic registers are still one tab away.
  await openHr(page, 'Registers');
  await expect(page.getByRole('tab', { name: 'Leave requests' })).toBeVisible();
});
