import { expect, test, type Page } from '@playwright/test';
import { fillSignInForm } from './support/people';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { createFirstAdministrator } from './support/first-run';
import { runCommands } from './support/bridge-commands';

const admin = { name: 'Katherine Johnson', email: 'katherine@lab.example', password: 'orbital-mechanics-1962' };
const tech = { name: 'Dorothy Vaughan', email: 'dorothy@lab.example', password: 'fortran-teacher-1961' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const signIn = fillSignInForm;

/** Moves serve mode's clock (test mode only), as if that much time had passed. */
async function advanceClock(page: Page, served: ServedHost, advanceMs: number) {
  const url = new URL(served.url);
  const response = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data: { advanceMs } });
  expect(response.status()).toBe(200);
}

/** Settings → People & roles: the administrator adds the technician. */
async function addTechnician(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(tech.name);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(tech.email);
  await dialog.getByLabel('First password').fill(tech.password);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(2);
}

const badge = (page: Page) => page.getByTestId('unread-badge');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('a notification reaches another person, marking it read clears the badge, and an overdue reminder appears when time passes', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // The administrator adds a technician and sends them a notification from Settings → Notifications.
  await addTechnician(page);
  await page.getByRole('tab', { name: 'Notifications' }).click();
  await page.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: tech.name }).click();
  await page.getByRole('textbox', { name: 'Subject' }).fill('Balance B-12 needs recalibration');
  await page.getByRole('button', { name: 'Send test notification' }).click();
  await expect(page.getByText(`Sent to ${tech.name}.`, { exact: false })).toBeVisible();
  await saveScreenshot(page, 'settings-notifications');
  // Not for the administrator: their badge stays empty.
  await expect(badge(page)).toHaveAttribute('data-count', '0');

  // The technician sees it with the unread count, and reading it clears the count.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, tech);
  await expect(page.getByTestId('signed-in-as')).toHaveText(tech.name);
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  await page.getByRole('button', { name: 'Notifications' }).click();
  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Balance B-12 needs recalibration');
  await expect(items.first()).toContainText(`from ${admin.name}`);
  await saveScreenshot(page, 'notifications-inbox');
  await page.getByRole('button', { name: 'Mark read: Balance B-12 needs recalibration' }).click();
  await expect(badge(page)).toHaveAttribute('data-count', '0');
  await expect(items.first()).toHaveAttribute('data-unread', 'false');
  await page.getByRole('tab', { name: 'Preferences' }).click();
  await expect(page.getByRole('checkbox', { name: 'Task due and overdue: Email' })).toBeChecked();
  await saveScreenshot(page, 'notifications-preferences');

  // The technician plans a task of their own, due in two days, in the administrator's project (through
  // the same commands the UI sends); then they sign out and five days pass.
  const { personId: techId } = await runCommands(page, tech, []);
  const { values: [project] } = await runCommands(page, admin, [{ name: 'projects/create', input: { code: 'STAB-1', name: 'Stability', teamIds: [techId] } }]);
  await runCommands(page, tech, [{ name: 'tasks/create', input: { projectId: project!.id, title: 'Prepare stability samples', assigneeId: techId, dueDate: isoDate(Date.now() + 2 * 86_400_000) } }]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await advanceClock(page, host, 5 * 86_400_000);
  await signIn(page, tech);
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  await page.getByRole('button', { name: 'Notifications' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Overdue: Prepare stability samples');
  // Only the overdue reminder: the "due in 1 day" and "due in 1 hour" ones it supersedes never fire.
  await expect(page.getByText('Due in 1 day', { exact: false })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Task due and overdue' }).click();
  await expect(items).toHaveCount(1);
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(badge(page)).toHaveAttribute('data-count', '0');
});

test('assigning a task notifies the assignee, and the entry opens the task', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await addTechnician(page);

  // A project with a task assigned to the technician.
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('STAB-26');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Stability study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Stability study' })).toBeVisible(); // a new project opens at once
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'New task' }).click();
  const taskDialog = page.getByRole('dialog', { name: 'New task' });
  await taskDialog.getByLabel('Title').fill('Pull 6-month samples');
  await taskDialog.getByLabel('Assignee').click();
  await page.getByRole('option', { name: tech.name }).click();
  await taskDialog.getByRole('button', { name: 'Create task' }).click();
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: 'Pull 6-month samples' })).toBeVisible();
  await page.getByRole('button', { name: 'Close task' }).click();
  // The administrator assigned it, so nothing for them.
  await expect(badge(page)).toHaveAttribute('data-count', '0');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, tech);
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  await page.getByRole('button', { name: 'Notifications' }).click();
  const item = page.getByTestId('notification-item');
  await expect(item).toHaveCount(1);
  await expect(item.first()).toContainText('Assigned to you: Pull 6-month samples');
  await item.first().getByRole('button').first().click();
  // The task's address stays while its drawer is open, so a reload comes back to it; closing leaves it.
  await expect(page).toHaveURL(/#\/tasks\/[0-9A-Za-z]+$/);
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: 'Pull 6-month samples' })).toBeVisible();
  await expect(badge(page)).toHaveAttribute('data-count', '0');
  await page.reload();
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: 'Pull 6-month samples' })).toBeVisible();
  const taskId = /#\/tasks\/([0-9A-Za-z]+)$/.exec(page.url())?.[1] ?? '';
  await page.getByRole('button', { name: 'Close task' }).click();
  await expect(page).toHaveURL(/#\/tasks$/);

  // A colleague comments on the task (from their own PC): its assignee hears of it, as its watchers would.
  await runCommands(page, admin, [{ name: 'comments/add', input: { taskId, body: 'Use chamber 2, chamber 1 is being qualified.' } }]);
  await expect(badge(page)).toHaveAttribute('data-count', '1');
  await page.getByRole('button', { name: 'Notifications' }).click();
  const comment = page.getByTestId('notification-item').filter({ hasText: 'Katherine Johnson commented on Pull 6-month samples' });
  await expect(comment).toHaveCount(1);
  await expect(comment).toContainText('Use chamber 2, chamber 1 is being qualified.');
  await saveScreenshot(page, 'notification-task-comment');
});
