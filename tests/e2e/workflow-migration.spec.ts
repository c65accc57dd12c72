import { expect, test } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #19 item 4: an administrator moves running instances to a new version through the screen.

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

/** Version 1: register → check → done. Version 2 renames "Register sample" to "Log the sample in" (a new id) and keeps "check". */
const v1 = {
  workflow_code: 'SAMPLE_INTAKE',
  name: 'Sample intake',
  steps: [
    { step_id: 'register', name: 'Register sample', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['check'] },
    { step_id: 'check', name: 'Check sample', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'register',
};
const v2 = { ...v1, steps: [{ ...v1.steps[0], step_id: 'log_in', name: 'Log the sample in' }, ...v1.steps.slice(1)], initial_step: 'log_in' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('an administrator maps the steps, previews the refusals, moves the chosen instances and sees each result', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible({ timeout: 15_000 });

  // Three samples run on version 1 (one already at "Check sample"), then version 2 is published.
  const start = (entityId: string) => ({ name: 'workflows/instances/start', input: { commandId: `start-${entityId}`, code: 'SAMPLE_INTAKE', entityType: 'sample', entityId } });
  await runCommands(page, admin, [
    { name: 'workflows/definitions/import', input: { commandId: 'import-v1', definition: v1, publish: true } },
    start('S-1'), start('S-2'), start('S-3'),
    { name: 'workflows/instances/advance', input: { commandId: 'advance-s3', instanceId: '$3', action: 'complete' } },
    { name: 'workflows/definitions/import', input: { commandId: 'import-v2', definition: v2, publish: true } },
  ]);

  // The three "waiting for you" toasts would cover the plan: put them away (they stay in the notification centre).
  await expect(page.getByTestId('toast-more')).toHaveText('2 more notices', { timeout: 10_000 });
  await page.getByTestId('toast-more').click();
  await expect(page.getByTestId('notification-toast')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'Definitions' }).click();
  await page.getByRole('button', { name: 'Move running instances of Sample intake' }).click();
  const screen = page.getByRole('region', { name: 'Move running instances of Sample intake' });
  await expect(screen.getByLabel('Move to version')).toHaveText(/Version 2 \(current\)/, { timeout: 10_000 });
  await expect(screen.getByText('3 running on version 1')).toBeVisible();

  // "Check sample" keeps its id and is mapped already; "Register sample" has no same-id step in version 2.
  const mapping = screen.getByRole('table', { name: 'Step mapping' });
  await expect(mapping.getByRole('combobox', { name: 'Check sample becomes' })).toHaveText('Check sample');
  await expect(mapping.getByRole('combobox', { name: 'Register sample becomes' })).toHaveText('Not mapped');
  const rows = screen.getByTestId('migration-instance-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'sample S-1' })).toContainText('Stays on version 1: choose where “Register sample” goes in version 2.');
  await expect(rows.filter({ hasText: 'sample S-3' })).toContainText('Check sample → Check sample');
  await saveScreenshot(page, 'workflow-migration-plan-refusals');

  await mapping.getByRole('combobox', { name: 'Register sample becomes' }).click();
  await page.getByRole('option', { name: 'Log the sample in' }).click();
  await expect(rows.filter({ hasText: 'sample S-1' })).toContainText('Register sample → Log the sample in');

  // Only the samples still at registration: filter by the current step and choose all shown.
  await screen.getByLabel('Current step').click();
  await page.getByRole('option', { name: 'Register sample (2)' }).click();
  await expect(rows).toHaveCount(2);
  await screen.getByRole('checkbox', { name: 'Choose all shown instances' }).check();
  await expect(screen.getByText('2 of 3 chosen')).toBeVisible();
  await saveScreenshot(page, 'workflow-migration-plan-ready');
  await screen.getByRole('button', { name: 'Move 2 instances to version 2' }).click();

  const result = screen.getByRole('alert', { name: 'Migration result' });
  await expect(result).toContainText('2 of 2 moved to version 2.', { timeout: 15_000 });
  await expect(result.getByTestId('migration-outcome')).toHaveText(['sample S-1: moved', 'sample S-2: moved']);
  // What is left on version 1 is the sample at "Check sample".
  await screen.getByLabel('Current step').click();
  await page.getByRole('option', { name: 'Any step' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('sample S-3');
  await expect(screen.getByText('1 running on version 1')).toBeVisible();
  await saveScreenshot(page, 'workflow-migration-result');
});
