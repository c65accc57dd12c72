import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

const manager = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-51-diffraction' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const pad = (n: number) => String(n).padStart(2, '0');
const tomorrow = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test('the organiser attaches a paper to an agenda item and finds it in the minutes and their PDF', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, manager);

  await page.getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await dialog.getByLabel('Title').fill('Method review');
  await fillDate(dialog, 'Date', tomorrow());
  await dialog.getByLabel('Starts').fill('14:00');
  await dialog.getByLabel('Ends').fill('15:00');
  await dialog.getByRole('button', { name: 'Schedule and invite' }).click();
  await expect(page.getByRole('heading', { name: 'Method review' })).toBeVisible({ timeout: 20_000 });

  const agendaForm = page.getByRole('form', { name: 'Add an agenda item' });
  await agendaForm.getByLabel('New agenda item').fill('HPLC method validation');
  await agendaForm.getByRole('button', { name: 'Add' }).click();
  const item = page.getByTestId('agenda-item').filter({ hasText: 'HPLC method validation' });
  await expect(item).toBeVisible({ timeout: 10_000 });

  // The item's files: none yet; open them and add the validation report.
  await item.getByRole('button', { name: 'Files of “HPLC method validation”: No files' }).click();
  await item.getByTestId('attachment-input').setInputFiles({ name: 'Validation report VR-7.txt', mimeType: 'text/plain', buffer: Buffer.from('Linearity r² 0.9998; recovery 99.2 %.') });
  await expect(item.getByRole('button', { name: 'Files of “HPLC method validation”: 1 file' })).toBeVisible({ timeout: 15_000 });
  await expect(item.getByTestId('attachments-panel').getByRole('listitem').filter({ hasText: 'Validation report VR-7.txt' })).toContainText(manager.name);
  await expect(item.getByRole('button', { name: 'Save Validation report VR-7.txt' })).toBeEnabled();

  // The minutes list it under its item; the published PDF prints it there.
  const minutesFiles = page.getByRole('region', { name: 'Files per agenda item' });
  await expect(minutesFiles).toContainText('1. HPLC method validation:');
  await expect(minutesFiles.getByRole('button', { name: 'Validation report VR-7.txt' })).toBeVisible();
  await saveScreenshot(page, 'meeting-agenda-item-files');
  await page.getByRole('button', { name: 'Publish the minutes' }).click();
  await expect(page.getByText(/^Version 1 — /)).toBeVisible({ timeout: 20_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF of version 1' }).click();
  const pdfPath = await (await download).path();
  const pdfText = execFileSync('pdftotext', [pdfPath, '-']).toString();
  expect(pdfText).toContain('1. HPLC method validation');
  expect(pdfText).toContain('Files: Validation report VR-7.txt');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfPath, 'tests/e2e/screenshots/meeting-agenda-files-pdf']);
});
