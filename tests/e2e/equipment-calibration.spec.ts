import { expect, test, type Page } from '@playwright/test';
import { advanceClock, bookFirstInstrument, lab, localInput, openInstrument, PASSWORD, signIn, startSeededHost, type LabPerson } from './support/equipment-lab';
import { formatDay } from '../../src-shared/format/display-format';
import { saveScreenshot } from './support/screenshots';
import type { ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const day = 86_400_000;
/** The host's clock as the test moves it (serve mode's test clock is real time plus what was added). */
let added = 0;
const hostNow = () => new Date(Date.now() + added);
const dateOf = (date: Date) => localInput(date).slice(0, 10);
const move = async (page: Page, served: ServedHost, toMs: number) => {
  const by = toMs - hostNow().getTime();
  await advanceClock(page, served, by);
  added += by;
  // Days later the host has ended the idle session: the window locks for the same person (it checks every 15 s).
  await expect(page.getByRole('form', { name: 'LabFlow is locked' })).toBeVisible({ timeout: 30_000 });
};

async function signQualification(page: Page, who: LabPerson, button: string) {
  await signIn(page, who);
  await openInstrument(page, /Open EQ-0001/);
  await page.getByRole('tab', { name: 'Qualification' }).click();
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('form', { name: 'Electronic signature' });
  await dialog.getByLabel('Your password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}


test('a received balance is installed, qualified with three signatures and put in service; when its calibration falls due the custodian is reminded, a booking is refused while it is overdue and accepted once it is calibrated', async ({ page }) => {
  test.setTimeout(300_000);
  host = await startSeededHost('received');
  await page.goto(host.url);

  // The custodian installs it and executes the SAT.
  await signIn(page, lab.cara);
  await openInstrument(page, /Open EQ-0001/);
  await expect(page.getByTestId('fitness')).toContainText('is not qualified for use yet (received)');
  await page.getByRole('button', { name: 'Record installation' }).click();
  const install = page.getByRole('dialog', { name: 'Installation' });
  await install.getByLabel('Room', { exact: true }).fill('2.14');
  await install.getByLabel('Bench', { exact: true }).fill('3');
  await install.getByLabel('Met: Bench level and free of vibration').check();
  await install.getByRole('button', { name: 'Record installation' }).click();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Installed');
  await page.getByRole('tab', { name: 'Qualification' }).click();
  await page.getByLabel('Protocol').click();
  await page.getByRole('option', { name: /SAT: Balance site acceptance/ }).click();
  await page.getByRole('button', { name: 'Execute this protocol' }).click();
  for (const step of [1, 2]) {
    await page.getByLabel(`Result of step ${step}`).click();
    await page.getByRole('option', { name: 'Pass' }).click();
    await page.getByRole('button', { name: `Save step ${step}` }).click();
  }
  await expect(page.getByTestId('status-chip').first()).toHaveText('In qualification');
  await page.getByRole('button', { name: 'Sign: Executed' }).click();
  const sign = page.getByRole('form', { name: 'Electronic signature' });
  await sign.getByLabel('Your password').fill('not my password');
  await sign.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(sign.getByText('The password is not correct; nothing was signed.')).toBeVisible();
  await sign.getByLabel('Your password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByTestId('signature')).toContainText('Executed by Cara Custodian');

  // Reviewed by a colleague, approved by QA, released for service.
  await signQualification(page, lab.ben, 'Sign: Reviewed');
  await signQualification(page, lab.quinn, 'Sign: Approved');
  await expect(page.getByTestId('signature')).toHaveCount(3);
  await saveScreenshot(page, 'equipment-qualification');
  await page.getByRole('button', { name: 'Release for service' }).click();
  await expect(page.getByTestId('fitness')).toContainText('Fit for use');

  // QA prints the history card so far through Print / PDF and keeps it with the instrument's files, beside its SOP.
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  await page.getByRole('menuitem', { name: 'History card' }).click();
  const card = page.getByRole('dialog', { name: 'History-card-EQ-0001.pdf' });
  // The first document of a run also loads the font: allow for a busy machine.
  await expect(card.getByTestId('pdf-pages')).toHaveText(/^\d+ pages?$/, { timeout: 60_000 });
  await saveScreenshot(page, 'equipment-history-card-document');
  await card.getByRole('button', { name: 'Keep as attachment' }).click();
  await expect(card.getByText('Kept with the files.')).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'Manuals and files' }).click();
  const files = page.getByTestId('attachments-panel');
  await files.getByTestId('attachment-input').setInputFiles({ name: 'SOP-BAL-001 Daily check.txt', mimeType: 'text/plain', buffer: Buffer.from('Level, warm up 30 min, check with the 100 g weight.') });
  await expect(files.getByRole('listitem').filter({ hasText: 'SOP-BAL-001 Daily check.txt' })).toContainText('Quinn QA');
  await expect(files.getByRole('listitem').filter({ hasText: 'Generated' })).toContainText('History-card-EQ-0001.pdf');
  await saveScreenshot(page, 'equipment-files');

  // QA sets up the annual calibration, first due in ten days, with reminders a week and a day ahead.
  const due = new Date(hostNow().getTime() + 10 * day);
  const dueDate = dateOf(due);
  await page.getByRole('tab', { name: 'Calibration' }).click();
  await page.getByRole('button', { name: 'Add a calibration plan' }).click();
  const plan = page.getByRole('dialog', { name: 'Calibration plan' });
  await fillDate(plan, 'First due', dueDate);
  await plan.getByLabel('Remind days ahead').fill('7, 1');
  await plan.getByLabel('Point 1', { exact: true }).fill('100 g check weight');
  await plan.getByLabel('Nominal').fill('100');
  await plan.getByLabel('± Tolerance').fill('0.0002');
  await plan.getByLabel('Unit', { exact: true }).fill('g');
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByTestId('calibration-plan')).toContainText('in 10 days');

  // A week before it falls due the custodian is reminded.
  await move(page, host, new Date(`${dateOf(new Date(due.getTime() - 7 * day))}T09:30:00`).getTime());
  await signIn(page, lab.cara);
  const reminder = `Calibration “Annual calibration” due on ${formatDay(dueDate)}: EQ-0001 Analytical balance XPR205`;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Notifications' }).click();
  await expect(page.getByTestId('notification-item').filter({ hasText: reminder })).toHaveCount(1);
  await saveScreenshot(page, 'equipment-calibration-reminder');

  // Two days after the due date, nobody can book it.
  await move(page, host, new Date(`${dateOf(new Date(due.getTime() + 2 * day))}T10:00:00`).getTime());
  await signIn(page, lab.ben);
  const slot = new Date(`${dateOf(new Date(due.getTime() + 3 * day))}T09:00:00`);
  const refused = await bookFirstInstrument(page, slot);
  const overdueSince = dateOf(new Date(due.getTime() + day));
  await expect(refused.getByTestId('booking-refused')).toHaveText(`EQ-0001 Analytical balance XPR205 is overdue for calibration: “Annual calibration” was due on ${formatDay(dueDate)} (overdue since ${formatDay(overdueSince)}; never calibrated).`);
  await saveScreenshot(page, 'equipment-booking-refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();

  // The custodian records the external calibration with its certificate.
  await signIn(page, lab.cara);
  await openInstrument(page, /Open EQ-0001/);
  await expect(page.getByTestId('fitness')).toContainText('is overdue for calibration');
  await page.getByRole('tab', { name: 'Calibration' }).click();
  await page.getByRole('button', { name: 'Record calibration' }).click();
  const entry = page.getByRole('dialog', { name: 'Record calibration' });
  await fillDate(entry, 'Performed on', dateOf(hostNow()));
  await entry.getByLabel('Performed', { exact: true }).click();
  await page.getByRole('option', { name: 'By a provider' }).click();
  await entry.getByLabel('Provider').fill('Mettler Service');
  await entry.getByLabel('Certificate number').fill('MT-CERT-4410');
  await entry.getByLabel('As found, 100 g check weight').fill('100.0003');
  await expect(entry.getByText('Out of tolerance')).toBeVisible();
  await entry.getByLabel('As found, 100 g check weight').fill('100.0001');
  await entry.getByLabel('As left, 100 g check weight').fill('100.0001');
  await expect(entry.getByText('In tolerance')).toHaveCount(2);
  await saveScreenshot(page, 'equipment-calibration-entry');
  await entry.getByRole('button', { name: 'Record calibration' }).click();
  await expect(page.getByTestId('calibration-outcome')).toHaveText('Passed: CAL-2026-0001 recorded.'.replace('2026', String(hostNow().getFullYear())));
  await expect(page.getByTestId('fitness')).toContainText('Fit for use');
  await saveScreenshot(page, 'equipment-calibration');

  // Now the booking is taken and shows on the calendar.
  await signIn(page, lab.ben);
  const accepted = await bookFirstInstrument(page, slot);
  await expect(accepted).toHaveCount(0);
  const weeks = Math.round((slot.getTime() - Date.now()) / (7 * day));
  for (let i = 0; i < weeks + 1 && (await page.locator('.fc-event').count()) === 0; i++) await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.fc-event').filter({ hasText: 'Ben Bench' })).toHaveCount(1);
  await saveScreenshot(page, 'equipment-booking-calendar');
});
