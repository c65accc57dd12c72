import { expect, test } from '@playwright/test';
import { dateField, fillDate } from './support/date-field';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #10/#17: every date field reads and writes the app's one date format (src-renderer/format/DateField.tsx),
// not Chromium's mm/dd/yyyy: typed part by part, picked from a calendar, cleared, and a day before
// the allowed first one said under the field. Shown on the New task dialog (Due may not precede Start).

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a date field is typed, picked, limited and cleared in the app’s own date format', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('DATES-1');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Stability study');
  await page.getByRole('button', { name: 'Create project' }).click();
  // A new project opens on its own page.
  await expect(page.getByRole('heading', { name: 'Stability study' })).toBeVisible();
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  // The way the app writes a day in this browser's locale (src-shared/format/display-format.ts).
  const written = (day: string) => page.evaluate((d) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), day);

  // Typed from the keyboard, the field shows the day as the rest of the app writes it.
  await fillDate(dialog, 'Start', '2030-05-10');
  const start = dateField(dialog, 'Start');
  await expect(start.locator('input')).toHaveValue(await written('2030-05-10'));

  // A due day before the start is said under the field at once.
  await fillDate(dialog, 'Due', '2030-05-03');
  await expect(dialog.getByText(`Choose ${await written('2030-05-10')} or later.`)).toBeVisible();
  await saveScreenshot(page, 'date-field-before-start');

  // Picked from the calendar instead: the 20th of the month shown, and the problem is gone.
  await dialog.getByRole('button', { name: /Choose date/ }).nth(1).click();
  const calendar = page.getByRole('dialog').filter({ has: page.getByRole('grid') });
  await calendar.getByRole('gridcell', { name: '20', exact: true }).click();
  await expect(dateField(dialog, 'Due').locator('input')).toHaveValue(await written('2030-05-20'));
  await expect(dialog.getByText(/or later\./)).toHaveCount(0);

  // Cleared with its button, it is empty again.
  await dateField(dialog, 'Due').hover();
  await dialog.getByRole('button', { name: 'Clear' }).nth(1).click();
  await expect(dateField(dialog, 'Due').locator('input')).toHaveValue('');
});
