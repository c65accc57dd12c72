import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { assayValidationProject } from './support/assay-project';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { startServeHost, type ServedHost } from './support/serve-host';

/**
 * Issue 17, item 9: every main view passes axe-core (WCAG 2.1 A/AA) with no serious or critical
 * violation — the first-run and sign-in forms, then each section as the administrator sees it with
 * a little data in it (a project with tasks, so the board and the Gantt chart have cards and bars).
 */

const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1983' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const openSection = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();

test('every main view passes axe-core with no serious or critical violations', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Create administrator' })).toBeVisible();
  await expectNoSeriousViolations(page, 'First run');
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, assayValidationProject([
    { title: 'Prepare samples', from: 0, to: 2, priority: 'high' },
    { title: 'Run assay', from: 3, to: 6, after: 'Prepare samples' },
  ]));

  // The sign-in form, as a person meets it after signing out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Sign in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(admin.name);

  // Home: the section the app opens on (Projects).
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'Home (Projects)');

  await page.getByRole('button', { name: 'Open Assay validation' }).click();
  await expect(page.getByRole('heading', { name: 'Assay validation' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Project overview');
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByTestId('board-card')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'Project board');
  await page.getByRole('tab', { name: 'Gantt' }).click();
  await expect(page.getByTestId('gantt-chart')).toBeVisible();
  await expectNoSeriousViolations(page, 'Project Gantt');

  const sections: [string, () => Promise<void>][] = [
    ['Tasks', () => expect(page.getByRole('tab', { name: 'My tasks' })).toBeVisible()],
    ['Workflows', () => expect(page.getByRole('tab').first()).toBeVisible()],
    ['Meetings', () => expect(page.getByRole('tab').first()).toBeVisible()],
    ['Equipment', () => expect(page.getByRole('tablist', { name: 'Equipment views' })).toBeVisible()],
    ['CRM', () => expect(page.getByRole('tab').first()).toBeVisible()],
    ['HR', () => expect(page.getByRole('tab').first()).toBeVisible()],
    ['Notifications', () => expect(page.getByRole('heading', { name: 'Notifications', exact: true })).toBeVisible()],
    ['Settings', () => expect(page.getByTestId('person-row')).toHaveCount(1)],
  ];
  for (const [name, isShown] of sections) {
    await openSection(page, name);
    await isShown();
    await expectNoSeriousViolations(page, name);
  }

  await page.getByRole('tab', { name: 'Audit trail' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Audit trail');
});
