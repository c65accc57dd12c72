import { expect, test, type Page } from '@playwright/test';
import { assayValidationProject } from './support/assay-project';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

/** The rough edges a new user met (issue 17, item 8): each walked through as that user would. */

const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1983' };
const buyer = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-fifty-one-1952' };
const head = { name: 'Dorothy Hodgkin', email: 'dorothy@lab.example', password: 'penicillin-structure-1945' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const badge = (page: Page) => page.getByTestId('unread-badge');
const openSection = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();

test('a project page shows its own Kanban board and Gantt chart', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, assayValidationProject([
    { title: 'Prepare samples', from: 0, to: 2 },
    { title: 'Run assay', from: 3, to: 5, after: 'Prepare samples' },
  ]));

  await openSection(page, 'Projects');
  await page.getByRole('button', { name: 'Open Assay validation' }).click();
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByTestId('column-todo').getByTestId('board-card')).toHaveCount(2);
  await expect(page.getByText('This view is being built')).toHaveCount(0);
  await saveScreenshot(page, 'project-board-tab');

  // A card opens its task, as on the Tasks section's board.
  await page.getByTestId('board-card').filter({ hasText: 'Run assay' }).click();
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: 'Run assay' })).toBeVisible();
  await page.getByRole('button', { name: 'Close task' }).click();

  await page.getByRole('tab', { name: 'Gantt' }).click();
  const chart = page.getByTestId('gantt-chart');
  await expect(chart.getByTestId('gantt-row')).toHaveCount(2);
  await expect(page.getByTestId('gantt-bars').locator('g.arrow')).toHaveCount(1);
  // The address names the tab, so a reload comes back to the chart.
  await expect(page).toHaveURL(/#\/projects\/[0-9A-Za-z]+\/gantt$/);
  await saveScreenshot(page, 'project-gantt-tab');

  // The browser's tab shows LabFlow's icon: /favicon.ico is there (it was a 404).
  const icon = await page.request.get(`${new URL(host.url).origin}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4).toString('hex')).toBe('00000100');

  // Under Tasks, before a project is chosen, the tab says how to see a board instead of a placeholder.
  await openSection(page, 'Tasks');
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByTestId('choose-project-kanban-board')).toContainText('Choose a project above');
});

test('notices show one at a time with a count, close, and keep clear of the navigation', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const { personId } = await runCommands(page, admin, []);
  await runCommands(page, admin, [
    { name: 'notifications/send-test', input: { recipientId: personId, subject: 'Balance B-12 needs recalibration', body: 'Due this week.' } },
    { name: 'notifications/send-test', input: { recipientId: personId, subject: 'Freezer F-2 alarm acknowledged', body: 'By the night shift.' } },
  ]);

  const toast = page.getByTestId('notification-toast');
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('Freezer F-2 alarm acknowledged');
  await expect(page.getByTestId('toast-more')).toHaveText('1 more notice');
  // Never over the navigation rail.
  const rail = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
  const box = await toast.boundingBox();
  expect(rail && box && box.x >= rail.x + rail.width).toBe(true);
  await saveScreenshot(page, 'toast-one-with-count');

  // Closing shows the one before it; closing that leaves the corner empty.
  await toast.getByRole('button', { name: 'Close notice' }).click();
  await expect(toast).toContainText('Balance B-12 needs recalibration');
  await expect(page.getByTestId('toast-more')).toHaveCount(0);
  await toast.getByRole('button', { name: 'Close notice' }).click();
  await expect(toast).toHaveCount(0);
  // Both stay in the notification centre.
  await expect(badge(page)).toHaveAttribute('data-count', '2');

  // A notice read elsewhere (here: all marked read) leaves the corner at once, not when its time runs out.
  await runCommands(page, admin, [{ name: 'notifications/send-test', input: { recipientId: personId, subject: 'Incubator I-3 door open', body: 'Closed by Ada.' } }]);
  await expect(toast).toContainText('Incubator I-3 door open');
  await toast.hover(); // the notice's own hide timer pauses while the pointer is on it
  await runCommands(page, admin, [{ name: 'notifications/mark-all-read', input: {} }]);
  await expect(toast).toHaveCount(0);
});

test('an approval: "Waiting for you" clears when the step is signed, and the audit trail shows the signature and the refused attempt', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, [
    { name: 'people/create', input: { ...buyer, roles: ['procurement_manager'] } },
    { name: 'people/create', input: { ...head, roles: ['department_head'] } },
    { name: 'workflows/definitions/create', input: { commandId: 'e2e-def', source: { kind: 'template', templateCode: 'EQUIPMENT_PROCUREMENT', workflowCode: 'EQUIPMENT_PROCUREMENT' } } },
    { name: 'workflows/definitions/publish', input: { commandId: 'e2e-pub', code: 'EQUIPMENT_PROCUREMENT' } },
  ]);
  const { values: [instance] } = await runCommands(page, buyer, [
    { name: 'workflows/instances/start', input: { commandId: 'e2e-start', code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: 'EQ-3001' } },
  ]);
  await runCommands(page, buyer, [{ name: 'workflows/instances/advance', input: { commandId: 'e2e-done', instanceId: instance!.id, action: 'complete' } }]);

  // The head is waiting for: one unread "Waiting for you".
  await signInAs(page, head);
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  await openSection(page, 'Workflows');
  await page.getByRole('tab', { name: 'My work' }).click();
  await page.getByTestId('my-work-row').filter({ hasText: 'EQ-3001' }).click();

  // A wrong password first: refused, nothing signed.
  await page.getByRole('button', { name: 'Approve…' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill('not-my-password-at-all');
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign.getByText('The password is not correct; nothing was signed.')).toBeVisible();
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  // Then signed: the step ends and nothing waits for the head any more.
  await sign.getByLabel('Your password').fill(head.password);
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(page.getByTestId('timeline-signature')).toContainText(`Signed by ${head.name}`);
  await expect(badge(page)).toHaveAttribute('data-count', '0');

  // The administrator reads both in the audit trail, in words.
  await signInAs(page, admin);
  await openSection(page, 'Settings');
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit trail' })).not.toContainText('workflows/instances/advance');
  await page.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: head.name }).click();
  await page.getByLabel('Signatures only').check();
  const signatures = page.getByTestId('audit-signature');
  await expect(signatures).toHaveCount(2);
  await expect(signatures.filter({ hasText: 'Refused (wrong password)' })).toContainText('Manager Approval');
  await expect(signatures.filter({ hasText: `Signed by ${head.name}` })).toContainText('meaning “approved”');
  await saveScreenshot(page, 'audit-trail-signatures');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Audit trail \d{4}-\d{2}-\d{2}\.csv$/);

  // Without a filter the table stays within the page: no column runs past the right edge.
  await page.getByLabel('Signatures only').uncheck();
  await page.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: 'Everyone' }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Added a person' })).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Audit trail' })).toContainText('Published a workflow');
  const table = await page.getByRole('table', { name: 'Audit trail' }).boundingBox();
  const viewport = page.viewportSize();
  expect(table && viewport && table.x + table.width <= viewport.width).toBe(true);
  await saveScreenshot(page, 'audit-trail');
});
