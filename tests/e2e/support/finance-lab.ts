import { expect, type Page } from '@playwright/test';
import { runCommands } from './bridge-commands';

/**
 * The finance e2e specs' lab: an administrator, Max in Quality control, Lise who heads it (his
 * manager) and Fay in finance; opening a section's tab, signing an approval in My work and
 * publishing a workflow from its template, as every finance approval needs.
 */
export const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
export const max = { name: 'Max Planck', email: 'max@lab.example', password: 'quantum-of-action-1900' };
export const mia = { name: 'Lise Meitner', email: 'lise@lab.example', password: 'nuclear-fission-1938' };
export const fay = { name: 'Fay Ledger', email: 'fay@lab.example', password: 'double-entry-1494' };

/** Creates the department and the three people as the signed-in administrator; returns Max's person id. */
export async function createFinanceLab(page: Page): Promise<{ maxId: string }> {
  const made = await runCommands(page, admin, [
    { name: 'departments/create', input: { code: 'QC', name: 'Quality control' } },
    { name: 'people/create', input: { ...max, roles: ['member'], departmentId: '$0' } },
    { name: 'people/create', input: { ...mia, roles: ['department_head'], departmentId: '$0' } },
    { name: 'people/create', input: { ...fay, roles: ['finance'] } },
  ]);
  const maxValue = made.values[1] as { id: string; person?: { id: string } };
  return { maxId: maxValue.person?.id ?? maxValue.id };
}

export async function openSection(page: Page, section: 'Finance' | 'Workflows', tab: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
  await page.getByRole('tab', { name: tab }).click();
}

export async function signAndApprove(page: Page, stepName: string, password: string) {
  await openSection(page, 'Workflows', 'My work');
  const row = page.getByTestId('my-work-row').filter({ hasText: stepName });
  await row.getByRole('button', { name: `Approve ${stepName}` }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill(password);
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign).toHaveCount(0, { timeout: 30_000 });
}

/** The administrator publishes a built-in workflow from its template (`name` as the template list shows it). */
export async function publishTemplate(page: Page, name: RegExp) {
  await openSection(page, 'Workflows', 'Definitions');
  await page.getByRole('button', { name: 'New from template' }).click();
  const templates = page.getByRole('dialog');
  await templates.getByRole('button', { name }).click();
  await templates.getByRole('button', { name: 'Copy and edit' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Published');
}
