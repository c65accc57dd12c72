import { expect, test } from '@playwright/test';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('first run, sign in, create a project, and find it again after a restart', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);

  // First run: create the administrator.
  await expect(page.getByRole('heading', { name: 'Welcome to LabFlow' })).toBeVisible();
  await saveScreenshot(page, 'first-run');
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password (at least 10 characters)').fill('short');
  await page.getByLabel('Repeat the password').fill('short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('A password needs at least 10 characters.')).toBeVisible();
  await page.getByLabel('Password (at least 10 characters)').fill(admin.password);
  await page.getByLabel('Repeat the password').fill(admin.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();

  // Signed in: the Projects section is empty and says what it holds.
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name);
  await expect(page.getByText('No active projects')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await saveScreenshot(page, 'projects-empty');

  // Create a project; a duplicate code is refused next to the field.
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('qc-2026');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Quality control 2026');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Quality control 2026' })).toBeVisible(); // a new project opens at once
  await page.getByRole('button', { name: 'Back to projects' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  await expect(page.getByTestId('project-row')).toContainText('QC-2026');
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('QC-2026');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Another');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByText(/The code QC-2026 is already used/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Rename it.
  await page.getByRole('button', { name: 'Rename Quality control 2026' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('QC programme 2026');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByTestId('project-row')).toContainText('QC programme 2026');
  await saveScreenshot(page, 'projects-list');

  // Archive with undo.
  await page.getByRole('button', { name: 'Archive QC programme 2026' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(1);

  // Other sections say what they hold: Equipment opens on its dashboard.
  await page.getByRole('button', { name: 'Equipment' }).click();
  await expect(page.getByRole('tablist', { name: 'Equipment views' }).getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await saveScreenshot(page, 'settings-people');

  // A reload (or Ctrl+R in the desktop window) keeps the sign-in and the section.
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name);
  await expect(page.getByTestId('person-row')).toHaveCount(1);

  // Restart the host on the same data folder: sign in again, the project is still there.
  const dataDir = host.dataDir;
  await host.stop();
  host = await startServeHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Sign in to LabFlow' })).toBeVisible();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match.', { exact: false })).toBeVisible();
  await saveScreenshot(page, 'sign-in');
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Projects' }).click();
  await expect(page.getByTestId('project-row')).toContainText('QC programme 2026');
});
