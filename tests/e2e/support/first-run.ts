import { expect, type Page } from '@playwright/test';

/** First run of a fresh host: creates the administrator through the set-up form and waits until signed in. */
export async function createFirstAdministrator(page: Page, who: { name: string; email: string; password: string }): Promise<void> {
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password (at least 10 characters)').fill(who.password);
  await page.getByLabel('Repeat the password').fill(who.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(who.name);
}
