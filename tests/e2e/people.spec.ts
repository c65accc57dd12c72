import { expect, test } from '@playwright/test';
import { fillSignInForm } from './support/people';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { createFirstAdministrator } from './support/first-run';

const admin = { name: 'Grace Hopper', email: 'grace@lab.example', password: 'compiler-pioneer-1952' };
const scientist = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-fifty-one-1952' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const signIn = fillSignInForm;

test('an administrator adds a person with roles, the person signs in, and deactivation locks them out', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // Settings → People & roles: add a custom role, then a person with it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Role code').fill('lab_technician');
  await page.getByLabel('Role name').fill('Lab technician');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByText('Lab technician (lab_technician)')).toBeVisible();

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(scientist.name);
  await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await dialog.getByLabel('First password').fill(scientist.password);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter an email address like name@lab.org.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Email' }).fill(scientist.email);
  await dialog.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'Lab technician' }).click();
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(2);
  await expect(page.getByTestId('person-row').filter({ hasText: scientist.name })).toContainText('Lab technician');
  await saveScreenshot(page, 'settings-people-two');

  // The administrator cannot change their own roles (another administrator must).
  await page.getByRole('button', { name: `Edit ${admin.name}` }).click();
  const roles = page.getByRole('dialog').getByRole('combobox', { name: 'Roles' });
  await roles.click();
  await roles.press('Backspace');
  await page.getByRole('option', { name: 'Member' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Nobody can change their own roles', { exact: false })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The new person signs in and sees people but cannot change them.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, scientist);
  await expect(page.getByTestId('signed-in-as')).toHaveText(scientist.name);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText('Only administrators can change people and roles.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toHaveCount(0);

  // Deactivated, they can no longer sign in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, admin);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(`${scientist.name} is active`).click();
  await expect(page.getByLabel(`${scientist.name} is active`)).not.toBeChecked();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, scientist);
  await expect(page.getByText('This account is deactivated.', { exact: false })).toBeVisible();
});
