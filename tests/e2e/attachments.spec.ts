import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tinyPdf } from '../integration/files/file-fixture';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('set up the letterhead, attach a PDF to a task, preview it, and print the task as a kept PDF', async ({ page }) => {
  // Rendering a PDF is CPU-bound (the first one of a host also parses the font): on a loaded 2-core
  // machine the whole walk took over the default 90 s. The limit is a hang guard, not a speed check.
  test.setTimeout(240_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // Settings → Organisation: the letterhead of every generated document.
  await page.goto(`${new URL(host.url).origin}/#/settings/organisation`);
  await page.getByLabel('Name').fill('Nordlicht Analytik GmbH');
  await page.getByLabel('Address').fill('Laborstraße 5, 1010 Wien');
  await page.getByLabel('Tax id').fill('ATU12345678');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. New documents carry this letterhead.')).toBeVisible();
  await saveScreenshot(page, 'settings-organisation');

  // A project with a task.
  await page.goto(new URL(host.url).origin + '/#/projects');
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('CAL-2026');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Balance calibration');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Balance calibration' })).toBeVisible(); // a new project opens at once
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill('Calibrate balance 3');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  const drawer = page.getByTestId('task-drawer');
  await expect(drawer.getByRole('heading', { name: 'Calibrate balance 3' })).toBeVisible();

  // Attach a calibration certificate (the picker; dropping uses the same upload).
  const certificate = join(tmpdir(), `certificate-${Date.now()}.pdf`);
  writeFileSync(certificate, tinyPdf('Certificate of calibration 2026-114'));
  const panel = drawer.getByTestId('attachments-panel');
  await panel.getByTestId('attachment-input').setInputFiles(certificate);
  const row = panel.getByRole('listitem').filter({ hasText: certificate.split('/').pop()! });
  await expect(row).toContainText(admin.name);
  await expect(row).toContainText(/\d+ bytes|KB/);
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'task-attachments');

  // Preview it in the app: pdf.js draws its page.
  await row.getByRole('button', { name: 'Open' }).click();
  const preview = page.getByRole('dialog', { name: /^certificate-.*Close preview$/ });
  await expect(preview.getByTestId('pdf-pages')).toHaveText('1 page');
  await expect(preview.locator('canvas')).toHaveCount(1);
  await saveScreenshot(page, 'attachment-preview');
  await preview.getByRole('button', { name: 'Close preview' }).click();

  // Print the task: the host renders the PDF, the app shows it, and it is kept with the files.
  await drawer.getByRole('button', { name: 'Print / PDF' }).click();
  const generated = page.getByRole('dialog', { name: 'Task Calibrate balance 3.pdf' });
  // The first document of a run also loads the font: allow for a busy machine.
  await expect(generated.getByTestId('pdf-pages')).toHaveText('1 page', { timeout: 60_000 });
  await saveScreenshot(page, 'generated-document');
  await generated.getByRole('button', { name: 'Keep as attachment' }).click();
  await expect(generated.getByText('Kept with the files.')).toBeVisible();
  await generated.getByRole('button', { name: 'Close' }).click();
  const kept = panel.getByRole('listitem').filter({ hasText: 'Generated' });
  await expect(kept).toContainText('Calibrate balance 3.pdf');
  await kept.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('dialog', { name: /^Task Calibrate balance 3\.pdf.*Close preview$/ }).getByTestId('pdf-pages')).toHaveText('1 page');
  await saveScreenshot(page, 'kept-document-preview');
});
