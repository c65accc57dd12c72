import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

/**
 * Settings → Backups (issue 17, item 4): an administrator chooses a folder, backs up, changes
 * something, restores the backup after a confirmation that names what is replaced, and the app
 * reloads on the old state — with the state it replaced kept as a backup of its own.
 */
const admin = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-51-diffraction' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function newProject(page: Page, code: string, name: string) {
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 10_000 });
}

test('back up, change something, restore, and see the old state', async ({ page }) => {
  host = await startServeHost();
  const folder = mkdtempSync(join(tmpdir(), 'labflow-e2e-backups-'));
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await newProject(page, 'STAB-1', 'Stability study');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByLabel('Backup folder').fill('backups');
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText('Enter the full path of a folder')).toBeVisible({ timeout: 10_000 });
  await page.getByLabel('Backup folder').fill(folder);
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText('There are no backups in this folder yet.')).toBeVisible({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Back up now' }).click();
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2, { timeout: 30_000 });
  await expect(backups.getByText('Verified')).toBeVisible();
  await expect(page.getByTestId('backup-last-run')).toContainText('Backed up and verified');
  await saveScreenshot(page, 'settings-backups');

  // After the backup: another project.
  await newProject(page, 'STAB-2', 'Written after the backup');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('every record, project, task, person and attachment');
  await expect(dialog).toContainText('A backup of the data as it is now is taken first');
  await saveScreenshot(page, 'settings-backups-restore');
  await dialog.getByRole('button', { name: 'Restore' }).click();

  // The app reloads on the restored data: the project written after the backup is gone.
  await expect(page.getByTestId('backup-last-run')).toContainText('Restored the backup', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Projects' }).click();
  await expect(page.getByText('Stability study')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Written after the backup')).toHaveCount(0);
});
