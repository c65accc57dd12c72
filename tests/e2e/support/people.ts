import { expect, type Page } from '@playwright/test';

export interface TestPerson {
  name: string;
  email: string;
  password: string;
  /** A role's name as the Roles list shows it; left out, the person is a member. */
  role?: string;
}

/** Settings → People & roles: the signed-in administrator adds a person (with one role, if given). */
export async function addPerson(page: Page, who: TestPerson) {
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(who.name);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await dialog.getByLabel('First password').fill(who.password);
  if (who.role) {
    const roles = dialog.getByRole('combobox', { name: 'Roles' });
    await roles.click();
    await roles.press('Backspace');
    await page.getByRole('option', { name: who.role, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByTestId('person-row').filter({ hasText: who.name })).toContainText(who.role ?? who.name);
  // Until the dialog has faded out, its own "Add person" is the only one a person (or a locator) can reach.
  await expect(dialog).toHaveCount(0);
}

/**
 * Fills the sign-in form once it is on screen. Right after "Sign out" the page it left may still
 * show (Settings has email fields of its own): filling at once would pick among those.
 */
export async function fillSignInForm(page: Page, who: { email: string; password: string }) {
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await expect(signIn).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await signIn.click();
}

/** Signs the current person out and `who` in. */
export async function signInAs(page: Page, who: { name: string; email: string; password: string }) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await fillSignInForm(page, who);
  await expect(page.getByTestId('signed-in-as')).toHaveText(who.name);
}
