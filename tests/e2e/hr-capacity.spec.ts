import { expect, test, type Page } from '@playwright/test';
import { formatDay } from '../../src-shared/format/display-format';
import { isoWeekOf } from '../../src-shared/projects/plan-dates';
import { runCommands } from './support/bridge-commands';
import { fillDate } from './support/date-field';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { admin, hana, lise, max } from './support/hr-team';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14 item 6 in serve mode: HR keeps Berlin's public holidays in the HR section (a half day
// on the Friday of Max's leave week); Max works in Berlin and asks for Tuesday and Wednesday off;
// his manager Lise sees his capacity that week in her project's utilisation: 36 h while the leave
// waits for her, 20 h once she has approved it with her signature. The administrator then makes the
// leave workflow count working time with Berlin's holidays, copied in when it is published.


let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** A Monday at least two weeks ahead whose week stays in one year (the leave's balance is that year's). */
function leaveMonday(): Date {
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  let monday = addDays(today, 14 + ((8 - today.getUTCDay()) % 7));
  while (addDays(monday, 6).getUTCFullYear() !== monday.getUTCFullYear()) monday = addDays(monday, 7);
  return monday;
}

async function openSection(page: Page, section: 'HR' | 'Projects' | 'Workflows') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
}

/** Lise's project, Resources tab: Max's figures in the week of his leave. */
async function leaveWeekCell(page: Page, monday: Date) {
  await openSection(page, 'Projects');
  await page.getByRole('button', { name: 'Open Isotope survey' }).click();
  await page.getByRole('tab', { name: 'Resources' }).click();
  const table = page.getByRole('table', { name: 'Team utilisation' });
  await expect(table).toBeVisible({ timeout: 15_000 });
  const header = await table.getByRole('columnheader').allTextContents();
  const week = isoWeekOf(iso(monday)).label;
  const column = header.indexOf(week);
  expect(column, `the utilisation shows ${week}`).toBeGreaterThan(0);
  return table.getByTestId('utilisation-row').filter({ hasText: max.name }).getByRole('cell').nth(column);
}

test('a public holiday and leave approved by the manager lower the person’s capacity in the project’s utilisation', async ({ page }) => {
  test.setTimeout(180_000);
  const monday = leaveMonday();
  const friday = addDays(monday, 4);
  const foundersDay = addDays(monday, 14);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const made = await runCommands(page, admin, [
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...max, roles: ['member'] } },
    { name: 'people/create', input: { ...lise, roles: ['member'] } },
    { name: 'workflows/definitions/create', input: { commandId: 'e2e-leave-create', source: { kind: 'template', templateCode: 'LEAVE_REQUEST' } } },
    { name: 'workflows/definitions/publish', input: { commandId: 'e2e-leave-publish', code: 'LEAVE_REQUEST' } },
  ]);
  const [maxId, liseId] = [made.values[1]?.id ?? '', made.values[2]?.id ?? ''];
  await runCommands(page, hana, [
    { name: 'records/create', input: { kind: 'employee', data: { personId: maxId, jobTitle: 'Physicist', managerId: liseId, startDate: `${monday.getUTCFullYear() - 1}-01-01`, location: 'Berlin' } } },
  ]);
  await runCommands(page, lise, [
    { name: 'projects/create', input: { code: 'ISO-1', name: 'Isotope survey', startDate: iso(addDays(monday, -7)), teamIds: [maxId] } },
  ]);

  // HR adds Berlin's calendar and a half-day holiday on the Friday of that week.
  await signInAs(page, hana);
  await openSection(page, 'HR');
  await page.getByRole('tab', { name: 'Public holidays' }).click();
  await expect(page.getByText('No public holidays yet: add the first location.')).toBeVisible();
  await page.getByRole('textbox', { name: 'New location' }).fill('Berlin');
  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByText('No public holidays in Berlin yet.')).toBeVisible();
  await fillDate(page, 'Holiday date', iso(friday));
  await page.getByRole('textbox', { name: 'Holiday name' }).fill('Works outing');
  await page.getByLabel('Half day (afternoon off)').check();
  await page.getByRole('button', { name: 'Add holiday' }).click();
  const holiday = page.getByTestId('holiday-row');
  await expect(holiday).toHaveCount(1);
  await expect(holiday).toContainText(formatDay(iso(friday)));
  await expect(holiday).toContainText('Afternoon off');
  // And a whole day two weeks later.
  await fillDate(page, 'Holiday date', iso(foundersDay));
  await page.getByRole('textbox', { name: 'Holiday name' }).fill('Founders’ day');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(holiday).toHaveCount(2);
  await expect(holiday.nth(1)).toContainText('Whole day');
  await expect(page.getByTestId('holiday-refusal')).toHaveCount(0);
  await saveScreenshot(page, 'hr-public-holidays');

  // Max asks for Tuesday and Wednesday and sends it to Lise.
  await signInAs(page, max);
  await openSection(page, 'HR');
  await page.getByRole('tab', { name: 'My leave' }).click();
  await fillDate(page, 'First day', iso(addDays(monday, 1)), { exact: true });
  await fillDate(page, 'Last day', iso(addDays(monday, 2)), { exact: true });
  await expect(page.getByTestId('leave-days-counted')).toHaveText('Counts as 2 days of leave.');
  await page.getByRole('button', { name: 'Request leave' }).click();
  await page.getByTestId('leave-filed').getByRole('button', { name: 'Confirm and send' }).click();
  const form = page.getByRole('dialog', { name: 'Complete: Apply for leave' });
  await form.getByRole('checkbox', { name: 'I have checked that I have enough leave left' }).check();
  await form.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('leave-filed')).toHaveText(/is with your manager for approval\.$/);

  // Waiting for approval, the week counts 40 h less the holiday afternoon.
  await signInAs(page, lise);
  const before = await leaveWeekCell(page, monday);
  await expect(before).toContainText('0/36 h');
  await saveScreenshot(page, 'hr-capacity-before-approval');

  // Lise approves with her signature; the same week now has 20 h.
  await openSection(page, 'Workflows');
  await page.getByRole('tab', { name: 'My work' }).click();
  await page.getByTestId('my-work-row').filter({ hasText: 'Manager approval' }).getByRole('button', { name: 'Approve Manager approval' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill(lise.password);
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign).toHaveCount(0);
  const after = await leaveWeekCell(page, monday);
  await expect(after).toContainText('0/20 h');
  await saveScreenshot(page, 'hr-capacity-after-approval');

  // The administrator counts the leave workflow's SLAs in Berlin's working time: publishing copies
  // Berlin's whole-day holidays into its working calendar (the half-day outing is not one).
  await signInAs(page, admin);
  await openSection(page, 'Workflows');
  await page.getByRole('tab', { name: 'Definitions' }).click();
  await page.getByRole('button', { name: 'Edit Leave Request' }).click();
  const calendar = page.getByRole('group', { name: 'Working calendar' });
  await calendar.getByLabel('Count SLAs and timers in working hours').check();
  await calendar.getByRole('combobox', { name: 'Public holidays of' }).click();
  await page.getByRole('option', { name: 'Berlin' }).click();
  await fillDate(calendar, 'Add a day off', iso(addDays(monday, 3)));
  await calendar.getByRole('button', { name: 'Add day off' }).click();
  const daysOff = calendar.getByTestId('calendar-day-off');
  await expect(daysOff).toHaveText([formatDay(iso(addDays(monday, 3)))]);
  await saveScreenshot(page, 'workflow-working-calendar');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toHaveText('v2 · Published');
  await expect(daysOff).toHaveText([formatDay(iso(addDays(monday, 3))), formatDay(iso(foundersDay))]);
});
