import { expect, test, type Page } from '@playwright/test';
import { formatDay } from '../../src-shared/format/display-format';
import { addDays } from '../../src-shared/projects/plan-dates';
import { runCommands } from './support/bridge-commands';
import { fillDate } from './support/date-field';
import { hana, isoLocal, lise, max, openHrTab, setUpHrTeam } from './support/hr-team';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14 items 7 and 8 in serve mode. Attendance: Max checks in and out on a Monday at the
// host's (test) clock, asks for a correction of the day; Lise, his manager by his employee record,
// approves it in her monthly summary and sees his corrected week. Exit: HR records Max's
// resignation, hands his task over to Lise in place and ticks the keys off.

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** Next Monday at 08:00 on this machine (host and browser share its zone). */
function nextMondayAtEight(): Date {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  d.setHours(8, 0, 0, 0);
  return d;
}

/** Sets the host's test clock (real time plus an offset) so that it now reads `at`. */
async function setHostClock(page: Page, served: ServedHost, at: Date | { advanceMs: number }) {
  const url = new URL(served.url);
  const data = at instanceof Date ? { offsetMs: at.getTime() - Date.now() } : at;
  const response = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data });
  expect(response.status()).toBe(200);
}

test('a person checks in and out, asks for a correction, and their manager approves it and sees the week', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  // The host's day is set before anyone signs in: a jump of days would end the session for idleness.
  const monday = nextMondayAtEight();
  const day = isoLocal(monday);
  await setHostClock(page, host, monday);
  await setUpHrTeam(page);

  await signInAs(page, max);
  await openHrTab(page, 'Attendance');
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today.getByRole('heading')).toHaveText(`Today, ${formatDay(day)}`, { timeout: 15_000 });
  await expect(today.getByTestId('attendance-state')).toHaveText('You have not checked in today.');
  await today.getByRole('button', { name: 'Check in' }).click();
  await expect(today.getByTestId('attendance-state')).toHaveText(/^Checked in at 08:0\d\.$/);
  await saveScreenshot(page, 'hr-attendance-checked-in');

  // The working day passes: the host locks the idle window (it checks every 15 s) and Max unlocks it.
  await setHostClock(page, host, { advanceMs: 8.5 * 3_600_000 });
  const lock = page.getByRole('form', { name: 'LabFlow is locked' });
  await expect(lock).toBeVisible({ timeout: 30_000 });
  await lock.getByLabel('Password').fill(max.password);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  await today.getByRole('spinbutton', { name: 'Breaks today (minutes)' }).fill('30');
  await today.getByRole('button', { name: 'Check out' }).click();
  await expect(today.getByTestId('attendance-state')).toHaveText(/^In at 08:0\d, out at 16:3\d, 30 minutes of breaks: [\d.]+ h worked\.$/);
  await expect(today.getByRole('button', { name: 'Check in' })).toHaveCount(0);

  // The week's timesheet: Monday worked, against 8 h expected and nothing in time tracking.
  const sheet = page.getByRole('region', { name: 'Timesheet' });
  await expect(sheet.getByTestId('timesheet-week')).toHaveText(`${formatDay(day)} – ${formatDay(addDays(day, 6))}`);
  const mondayRow = sheet.getByTestId('timesheet-day').filter({ hasText: formatDay(day) });
  await expect(mondayRow).toContainText('Closed');
  await expect(sheet.getByTestId('timesheet-day').nth(5)).toContainText('Day off');
  await expect(page.getByRole('region', { name: 'Monthly summary' })).toHaveCount(0);

  // He started at 07:45 really: a correction, with the reason.
  await mondayRow.getByRole('button', { name: `Correct ${formatDay(day)}` }).click();
  const dialog = page.getByRole('dialog', { name: `Correct ${formatDay(day)}` });
  await dialog.getByLabel('Checked in at').fill('07:45');
  await dialog.getByLabel('Checked out at').fill('16:30');
  await dialog.getByRole('button', { name: 'Ask for the correction' }).click();
  await expect(dialog.getByText('Say why the times need correcting.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Why correct it' }).fill('The terminal at the door was down in the morning.');
  await dialog.getByRole('button', { name: 'Ask for the correction' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(mondayRow).toContainText('Correction asked: 07:45–16:30');
  await saveScreenshot(page, 'hr-timesheet-correction-asked');

  // Lise approves it where she sees her team's month, then looks at Max's week.
  await signInAs(page, lise);
  await openHrTab(page, 'Attendance');
  const corrections = page.getByRole('region', { name: 'Corrections to decide' });
  const correction = corrections.getByTestId('correction-row');
  await expect(correction).toContainText(max.name, { timeout: 15_000 });
  await expect(correction).toContainText('The terminal at the door was down in the morning.');
  const summary = page.getByRole('region', { name: 'Monthly summary' });
  await expect(summary.getByTestId('summary-row').filter({ hasText: max.name })).toBeVisible();
  await saveScreenshot(page, 'hr-attendance-month');
  await correction.getByRole('button', { name: 'Approve' }).click();
  await expect(corrections).toHaveCount(0);

  const liseSheet = page.getByRole('region', { name: 'Timesheet' });
  await liseSheet.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: max.name }).click();
  const maxMonday = liseSheet.getByTestId('timesheet-day').filter({ hasText: formatDay(day) });
  await expect(maxMonday.getByRole('cell').nth(2)).toHaveText('07:45');
  await expect(maxMonday.getByRole('cell').nth(3)).toHaveText('16:30');
  await expect(maxMonday.getByRole('cell').nth(5)).toHaveText('8.25 h');
  await expect(maxMonday).toContainText('+0.25 h');
  await expect(maxMonday.getByRole('button', { name: /^Correct/ })).toHaveCount(0);
  await saveScreenshot(page, 'hr-timesheet-manager');
});

test('HR records an exit, hands the person’s task over in place and works through the checklist', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  const { maxId } = await setUpHrTeam(page);
  const { values } = await runCommands(page, hana, [{ name: 'projects/create', input: { code: 'HPLC', name: 'HPLC validation' } }]);
  await runCommands(page, hana, [{ name: 'tasks/create', input: { projectId: values[0]!.id, title: 'Validate the HPLC method', assigneeId: maxId } }]);
  const lastDay = isoLocal(new Date(Date.now() + 14 * 86_400_000));

  await signInAs(page, hana);
  await openHrTab(page, 'Exits');
  await expect(page.getByText('No exits you can see.')).toBeVisible();
  await page.getByRole('button', { name: 'Record an exit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record an exit' });
  await dialog.getByRole('combobox', { name: 'Person leaving' }).click();
  await page.getByRole('option', { name: max.name }).click();
  await fillDate(dialog, 'Notice given', isoLocal(new Date()));
  await fillDate(dialog, 'Last day', lastDay);
  await saveScreenshot(page, 'hr-exit-record');
  await dialog.getByRole('button', { name: 'Record exit' }).click();
  await expect(dialog).toHaveCount(0);

  const card = page.getByTestId('exit-card');
  await expect(card).toContainText(max.name);
  await expect(card.getByTestId('exit-access')).toHaveText(`Their account and sync access end on ${formatDay(addDays(lastDay, 1))}, after the last day.`);
  const items = card.getByTestId('exit-item');
  await expect(items).toHaveText([/Return keys/, /Hand over task Validate the HPLC method/, /Hold the exit interview/, /Hand the final settlement to finance/]);

  const task = items.filter({ hasText: 'Hand over task' });
  await task.getByRole('combobox', { name: 'Hand over to' }).click();
  await page.getByRole('option', { name: lise.name }).click();
  await task.getByRole('button', { name: 'Hand over' }).click();
  await expect(task.getByRole('checkbox')).toBeChecked();
  await expect(card).toContainText('Checklist running');
  // The box shows what the host stored: it turns checked once the write is back.
  await items.filter({ hasText: 'Return keys' }).getByRole('checkbox').click();
  await expect(items.filter({ hasText: 'Return keys' }).getByRole('checkbox')).toBeChecked();
  await expect(items.filter({ hasText: 'Return keys' })).toContainText(formatDay(isoLocal(new Date())));

  // Completing it before the settlement is handed over is refused, with what is missing.
  await card.getByRole('textbox', { name: 'Exit interview notes' }).fill('Leaving for a post-doc in Vienna; would come back.');
  await card.getByRole('button', { name: 'Complete exit' }).click();
  await expect(card.getByTestId('exit-refusal')).toContainText(/Settlement handed to finance as|Finish the checklist/);
  await saveScreenshot(page, 'hr-exit-checklist');
});
