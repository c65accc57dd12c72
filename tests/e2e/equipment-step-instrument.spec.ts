import { expect, test, type Page } from '@playwright/test';
import { formatDay } from '../../src-shared/format/display-format';
import { lab, openInstrument, signIn, startSeededHost } from './support/equipment-lab';
import { adminInput } from '../integration/support/sqlite-host';
import { fillDate } from './support/date-field';
import { fillSignInForm } from './support/people';
import { saveScreenshot } from './support/screenshots';
import type { ServedHost } from './support/serve-host';

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const day = 86_400_000;
const dateOf = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

async function openWeighing(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'My work' }).click();
  await page.getByTestId('my-work-row').filter({ hasText: 'Weigh the sample' }).first().click();
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  return page.getByRole('dialog');
}

test('a workflow step that needs a ready instrument is refused while the balance is overdue for calibration, and done once the calibration is recorded', async ({ page }) => {
  test.setTimeout(180_000);
  // A balance whose annual calibration was due four days ago; Ben's weighing workflow runs on it.
  host = await startSeededHost('step-instrument');
  await page.goto(host.url);
  const due = dateOf(new Date(Date.now() - 4 * day));
  const overdueSince = dateOf(new Date(Date.now() - 3 * day));

  // The designer shows what the definition asks, and an administrator can clear and set it again.
  await fillSignInForm(page, { email: adminInput.email, password: adminInput.password });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'Definitions' }).click();
  await page.getByRole('button', { name: 'Edit Weigh a sample' }).click();
  await page.getByRole('button', { name: 'Step 1: Weigh the sample' }).click();
  const needsReady = page.getByLabel('Needs a ready instrument (in service, calibrated, qualified)');
  const instrumentChoice = page.getByRole('combobox', { name: 'Instrument' });
  await expect(needsReady).toBeChecked();
  await expect(instrumentChoice).toContainText('The instrument this workflow is about');
  await saveScreenshot(page, 'equipment-step-instrument-designer');
  await needsReady.uncheck();
  await expect(instrumentChoice).toHaveCount(0);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Draft');
  await page.reload();
  await page.getByRole('button', { name: 'Step 1: Weigh the sample' }).click();
  await expect(needsReady).not.toBeChecked();
  await needsReady.check();
  await expect(instrumentChoice).toContainText('The instrument this workflow is about');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeDisabled();

  await signIn(page, lab.ben);
  const refused = await openWeighing(page);
  await refused.getByRole('textbox', { name: 'Comments' }).fill('Sample 42-A, 250 mg');
  await refused.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(refused.getByText(`EQ-0001 Analytical balance XPR205 is overdue for calibration: “Annual calibration” was due on ${formatDay(due)} (overdue since ${formatDay(overdueSince)}; never calibrated). It cannot be used for “Weigh the sample”.`)).toBeVisible({ timeout: 15_000 });
  await saveScreenshot(page, 'equipment-step-instrument-refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  // The step still waits for Ben.
  await expect(page.getByRole('region', { name: 'Your actions' }).getByRole('button', { name: 'Complete', exact: true })).toBeVisible();

  // The custodian records the calibration.
  await signIn(page, lab.cara);
  await openInstrument(page, /Open EQ-0001/);
  await page.getByRole('tab', { name: 'Calibration' }).click();
  await page.getByRole('button', { name: 'Record calibration' }).click();
  const entry = page.getByRole('dialog', { name: 'Record calibration' });
  await fillDate(entry, 'Performed on', dateOf(new Date()));
  await entry.getByLabel('As found, 100 g').fill('100.0001');
  await entry.getByLabel('As left, 100 g').fill('100.0001');
  await entry.getByRole('button', { name: 'Record calibration' }).click();
  await expect(page.getByTestId('fitness')).toContainText('Fit for use', { timeout: 15_000 });

  // Now Ben's weighing step is done.
  await signIn(page, lab.ben);
  const accepted = await openWeighing(page);
  await accepted.getByRole('textbox', { name: 'Comments' }).fill('Sample 42-A, 250 mg');
  await accepted.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(accepted).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Your actions' }).getByRole('button', { name: 'Complete', exact: true })).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('tab', { name: 'My work' }).click();
  await expect(page.getByText('Nothing waiting for you')).toBeVisible({ timeout: 15_000 });
  await saveScreenshot(page, 'equipment-step-instrument-done');
});
