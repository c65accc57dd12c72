import { expect, test } from '@playwright/test';
import { saveScreenshot } from './support/screenshots';
import { useCrmLab } from './support/crm-lab';

/**
 * One lead per batch (a thousand in the app), so a file of 6,000 rows takes 6,000 batches:
 * seconds of importing, in which the test sees the progress and cancels.
 */
const BATCH = 1;
const openLab = useCrmLab({ LABFLOW_LEAD_IMPORT_BATCH_SIZE: String(BATCH) });

test('a large lead import shows its progress and, cancelled, stops after a whole batch and says how many leads were imported', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page, [], []);
  const total = 6000;
  const csv = ['Company,Email', ...Array.from({ length: total }, (_, i) => `Exhibitor ${i + 1} GmbH,contact${i + 1}@exhibitor.example`)].join('\n');

  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import leads from CSV' });
  await importer.getByLabel('CSV file').setInputFiles({ name: 'trade-fair-visitors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importer.getByTestId('import-summary')).toHaveText(`${total} rows ready to import.`);
  await importer.getByRole('button', { name: `Import ${total} leads` }).click();

  // The import goes on batch by batch: the bar and "n of N" follow it, and Cancel stops it.
  const progress = importer.getByTestId('import-progress');
  await expect(progress).toContainText(new RegExp(`^\\d+ of ${total} leads imported`), { timeout: 15_000 });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await saveScreenshot(page, 'crm-lead-import-progress');
  await importer.getByRole('button', { name: 'Cancel import' }).click();

  // The dialog closes saying how many were imported: whole batches, fewer than the file.
  const outcome = page.getByText(new RegExp(`^Import cancelled: \\d+ of ${total} leads imported\\.$`));
  await expect(outcome).toBeVisible({ timeout: 15_000 });
  await expect(importer).toBeHidden();
  const imported = Number(/cancelled: (\d+) of/.exec((await outcome.textContent()) ?? '')?.[1]);
  expect(imported % BATCH).toBe(0);
  expect(imported).toBeGreaterThanOrEqual(BATCH);
  expect(imported).toBeLessThan(total);
  // Exactly those leads exist: numbered 1 to n, the newest first in the register, nothing after it.
  const rows = page.getByTestId('Leads-row');
  await expect(rows.first()).toContainText(new RegExp(`LEAD-\\d{4}-0*${imported}Exhibitor ${imported} GmbH`), { timeout: 15_000 });
  await expect(rows).toHaveCount(Math.min(imported, 500));
  await saveScreenshot(page, 'crm-lead-import-cancelled');
});
