import type { Page } from '@playwright/test';
import { runCommands } from './bridge-commands';
import { createFirstAdministrator } from './first-run';

/**
 * The HR people of the HR specs (leave, capacity, hiring, attendance, exits, reviews): HR (Hana), Max and his manager Lise, named
 * on his employee record (she heads no department). Created through the same commands as the UI.
 */
export const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
export const hana = { name: 'Hana Holm', email: 'hana@lab.example', password: 'human-resources-2026' };
export const max = { name: 'Max Planck', email: 'max@lab.example', password: 'quantum-of-action-1900' };
export const lise = { name: 'Lise Meitner', email: 'lise@lab.example', password: 'nuclear-fission-1938' };

const pad = (n: number) => String(n).padStart(2, '0');
/** A day on this machine's calendar (host and browser share its zone), 'YYYY-MM-DD'. */
export const isoLocal = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export async function openHrTab(page: Page, tab: 'Attendance' | 'Exits' | 'Reviews') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tablist', { name: 'HR views' }).getByRole('tab', { name: tab }).click();
}

/** The first administrator, then Hana, Max and Lise, and Max's employee record naming Lise his manager. */
export async function setUpHrTeam(page: Page): Promise<{ maxId: string; liseId: string }> {
  await createFirstAdministrator(page, admin);
  const { values } = await runCommands(page, admin, [
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...max, roles: ['member'] } },
    { name: 'people/create', input: { ...lise, roles: ['member'] } },
  ]);
  const [, maxId, liseId] = values.map((v) => v.id) as [string, string, string];
  await runCommands(page, hana, [{ name: 'records/create', input: { kind: 'employee', data: { personId: maxId, jobTitle: 'Lab technician', startDate: '2025-01-01', managerId: liseId } } }]);
  return { maxId, liseId };
}
