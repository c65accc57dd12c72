import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Types a date into LabFlow's date field (src-renderer/format/DateField.tsx) the way a person does
 * with the keyboard: click each part (day, month, year; hours and minutes for a day and time) and
 * type its number. The field's parts come in the order of the reader's locale, so each part is found
 * by its name, not its place.
 *
 * `value` is what the field stores: 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm' for a day and time.
 */
export async function fillDate(scope: Page | Locator, label: string | RegExp, value: string, options: { exact?: boolean } = {}): Promise<void> {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) throw new Error(`fillDate takes 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', not '${value}'`);
  const [, year, month, day, hours, minutes] = match;
  const parts: Record<string, string | undefined> = { Year: year, Month: month, Day: day, Hours: hours, Minutes: minutes };
  const field = dateField(scope, label, options);
  for (const [name, part] of Object.entries(parts)) {
    if (part === undefined) continue;
    const section = field.getByRole('spinbutton', { name, exact: true });
    await section.click();
    // Leading zeros are left out as a person would type them ("6" for the 6th); the year keeps all four.
    await section.pressSequentially(name === 'Year' ? part : String(Number(part)));
  }
  await expect(field.getByRole('spinbutton', { name: 'Year', exact: true })).toHaveAttribute('aria-valuenow', String(Number(year)));
}

/** LabFlow's date field labelled `label` (a group of the date's parts). */
export const dateField = (scope: Page | Locator, label: string | RegExp, options: { exact?: boolean } = {}): Locator =>
  scope.getByRole('group', { name: label, exact: options.exact });
