import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatDay } from '../../src-shared/format/display-format';
import { expiryOf } from '../../src-shared/hr/training-matrix';
import { fillDate } from './support/date-field';
import { bookFirstInstrument, lab, localInput, signIn } from './support/equipment-lab';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14 item 4 in serve mode: Ben's "Balance operation" training ran out a month ago. HR sees
// it expired in the training matrix (its own screen, filtered, exported); Ben's booking of the
// balance is refused, naming the training; HR records his refresher with its expiry shown, the
// matrix turns valid, and the same booking is taken.

const hana = { name: 'Hana HR', email: 'hana@lab.org' };
let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const today = () => localInput(new Date()).slice(0, 10);

async function openTraining(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tab', { name: 'Training', exact: true }).click();
}


test('an expired training shows in the matrix and makes a booking refuse the person until HR records the refresher', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/seed-training.ts', dataDir], { stdio: 'pipe', timeout: 120_000 });
  host = await startServeHost(dataDir);
  await page.goto(host.url);

  // HR: the matrix shows Ben's training expired, with its last valid day.
  await signIn(page, hana);
  await openTraining(page);
  const ben = page.getByTestId('matrix-row').filter({ hasText: lab.ben.name });
  await expect(ben).toHaveCount(1, { timeout: 15_000 });
  await expect(ben.getByTestId('matrix-cell')).toHaveText('Expired');
  // Narrowed to members he stays; the file holds what is shown.
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Member' }).click();
  await expect(ben).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('Person,Department,Balance operation');
  expect(csv).toMatch(/Ben Bench,[^,]*,"Expired \(until [^"]+\)"/);
  await saveScreenshot(page, 'hr-training-matrix-expired');

  // Ben cannot book the balance: the refusal names the training.
  await signIn(page, lab.ben);
  const slot = new Date(`${localInput(new Date(Date.now() + 2 * 86_400_000)).slice(0, 10)}T09:00:00`);
  const refused = await bookFirstInstrument(page, slot);
  await expect(refused.getByTestId('booking-refused')).toContainText('has no valid training for');
  await expect(refused.getByTestId('booking-refused')).toContainText('“Balance operation”');
  await saveScreenshot(page, 'hr-training-booking-refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();

  // HR records the refresher done today: the form shows how long it is valid.
  await signIn(page, hana);
  await openTraining(page);
  await page.getByRole('button', { name: 'Record a completion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a completed training' });
  await dialog.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: lab.ben.name }).click();
  await dialog.getByRole('combobox', { name: 'Course' }).click();
  await page.getByRole('option', { name: 'Balance operation' }).click();
  await fillDate(dialog, 'Completed on', today());
  await expect(dialog.getByTestId('completion-expiry')).toHaveText(`Valid until ${formatDay(expiryOf(today(), 12))} (12 months).`);
  await saveScreenshot(page, 'hr-training-record-completion');
  await dialog.getByRole('button', { name: 'Save training record' }).click();
  await expect(dialog.getByTestId('completion-saved')).toContainText('Attach the certificate');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ben.getByTestId('matrix-cell')).toHaveText('Valid');
  await saveScreenshot(page, 'hr-training-matrix-valid');

  // HR plans the next session of the course and enrols Ben.
  await page.getByRole('tab', { name: 'Courses and sessions' }).click();
  const course = page.getByTestId('course-card').filter({ hasText: 'Balance operation' });
  await expect(course).toContainText('Required for: EQ-0001 Analytical balance XPR205');
  await course.getByRole('button', { name: 'Plan a session' }).click();
  const session = page.getByRole('dialog', { name: 'Plan a session of Balance operation' });
  await fillDate(session, 'Date', localInput(new Date(Date.now() + 30 * 86_400_000)).slice(0, 10));
  await session.getByRole('combobox', { name: 'Trainer' }).click();
  await page.getByRole('option', { name: 'Quinn QA' }).click();
  await session.getByRole('combobox', { name: 'Enrolled' }).click();
  await page.getByRole('option', { name: lab.ben.name }).click();
  await session.getByRole('button', { name: 'Save session' }).click();
  await expect(session).toHaveCount(0);
  await expect(course.getByTestId('session-row')).toContainText('1/12: Ben Bench');
  await saveScreenshot(page, 'hr-training-courses');

  // The same booking is now taken.
  await signIn(page, lab.ben);
  const accepted = await bookFirstInstrument(page, slot);
  await expect(accepted).toHaveCount(0, { timeout: 15_000 });
});
