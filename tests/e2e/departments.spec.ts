import { expect, test } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';

const admin = { name: 'Grace Hopper', email: 'grace@lab.example', password: 'compiler-pioneer-1952' };
const chemist = { name: 'Marie Curie', email: 'marie@lab.example', password: 'radium-polonium-1898' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('an administrator creates departments, puts a person in one, and sees it in the people list', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Departments' }).click();
  await expect(page.getByTestId('departments-empty')).toContainText('No departments yet.');

  // Keyboard only: the dialog opens with the code focused, Tab moves to the name, Enter saves.
  await page.getByRole('button', { name: 'Add department' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Code' })).toBeFocused();
  await page.keyboard.type('CHEM');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Enter a department name.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Chemistry');
  await dialog.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('department-row')).toHaveCount(1);

  // A second department may not take a code in use, whatever its case.
  await page.getByRole('button', { name: 'Add department' }).click();
  await dialog.getByRole('textbox', { name: 'Code' }).fill('chem');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Chemical engineering');
  await dialog.getByRole('button', { name: 'Add department' }).click();
  await expect(dialog.getByText('The code CHEM is already used by Chemistry.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Code' }).fill('BIO');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Biology');
  await dialog.getByRole('button', { name: 'Add department' }).click();
  await expect(page.getByTestId('department-row')).toHaveCount(2);

  // Renamed, and Escape closes the dialog without saving.
  await page.getByRole('button', { name: 'Rename Biology' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Code' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Life sciences');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('department-row').filter({ hasText: 'Life sciences' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Rename Life sciences' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Never saved');
  // Escape over typed text asks first (issue 17): "Keep editing" keeps it, "Discard" closes.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Never saved');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('department-row').filter({ hasText: 'Life sciences' })).toHaveCount(1);
  await expect(page.getByTestId('department-row').filter({ hasText: 'Never saved' })).toHaveCount(0);
  // Opened again, the dialog shows the saved name, not what was typed before Escape.
  await page.getByRole('button', { name: 'Rename Life sciences' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Life sciences');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // People & roles: a head of department placed in Chemistry.
  await page.getByRole('tab', { name: 'People & roles' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(chemist.name);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(chemist.email);
  await dialog.getByLabel('First password').fill(chemist.password);
  await dialog.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'Department head' }).click();
  await dialog.getByRole('combobox', { name: 'Department' }).click();
  await dialog.getByRole('combobox', { name: 'Department' }).fill('chem');
  await dialog.getByRole('option', { name: 'Chemistry (CHEM)' }).click();
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('person-row').filter({ hasText: chemist.name });
  await expect(row).toContainText('Chemistry (CHEM)');

  // Departments shows her as Chemistry's head; Life sciences is deactivated and can no longer be chosen.
  await page.getByRole('tab', { name: 'Departments' }).click();
  const chemistry = page.getByTestId('department-row').filter({ hasText: 'Chemistry' });
  await expect(chemistry).toContainText(chemist.name);
  await expect(chemistry.getByRole('cell').nth(3)).toHaveText('1');
  await page.getByLabel('Life sciences is active').click();
  await expect(page.getByLabel('Life sciences is active')).not.toBeChecked();
  await saveScreenshot(page, 'settings-departments');

  await page.getByRole('tab', { name: 'People & roles' }).click();
  await page.getByRole('button', { name: `Edit ${chemist.name}` }).click();
  await expect(dialog.getByRole('combobox', { name: 'Department' })).toHaveValue('Chemistry (CHEM)');
  await dialog.getByRole('combobox', { name: 'Department' }).click();
  await expect(dialog.getByRole('option', { name: 'Life sciences (BIO)' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
