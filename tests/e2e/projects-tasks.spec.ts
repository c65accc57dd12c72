import { expect, test, type Page } from '@playwright/test';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { createFirstAdministrator } from './support/first-run';
import { fillDate } from './support/date-field';

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function pick(page: Page, scope: ReturnType<Page['getByTestId']> | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function newTask(page: Page, title: string, due?: string) {
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill(title);
  if (due) await fillDate(dialog, 'Due', due);
  await dialog.getByRole('button', { name: 'Create task' }).click();
  // The drawer opens on the new task.
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: title })).toBeVisible();
}

test('plan a project: milestones, tasks, a refused completion, the timer and a risk in its heatmap cell', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // A project, opened on its dashboard.
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).fill('VAL-2026');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('HPLC method validation');
  await page.getByRole('button', { name: 'Create project' }).click();
  // A new project opens at once, instead of going back to the list.
  await expect(page.getByRole('heading', { name: 'HPLC method validation' })).toBeVisible();

  // A milestone with a completion criterion.
  await page.getByRole('tab', { name: 'Milestones' }).click();
  await page.getByRole('button', { name: 'New milestone' }).click();
  const milestoneDialog = page.getByRole('dialog', { name: 'New milestone' });
  await milestoneDialog.getByLabel('Milestone', { exact: true }).fill('Method validated');
  await fillDate(milestoneDialog, 'Due', '2030-06-30');
  await milestoneDialog.getByRole('button', { name: 'Add criterion' }).click();
  await milestoneDialog.getByLabel('Criterion 1', { exact: true }).fill('Validation report signed');
  await milestoneDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('milestone-card')).toContainText('Method validated');
  await expect(page.getByTestId('milestone-state')).toHaveText('Pending');
  await saveScreenshot(page, 'project-milestones');

  // Two tasks; the second depends on the first.
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await newTask(page, 'Extract samples', '2030-05-10');
  await page.getByRole('button', { name: 'Close task' }).click();
  await newTask(page, 'Analyse extracts', '2030-05-20');
  const drawer = page.getByTestId('task-drawer');
  await drawer.getByLabel('Add a task this one waits for').fill('Extract');
  await page.getByRole('option', { name: 'Extract samples' }).click();
  await expect(drawer.getByTestId('dependency-row')).toContainText('Extract samples');

  // Completing it is refused, and the message names the blocker.
  await pick(page, drawer, 'Status', 'Done');
  await expect(drawer.getByTestId('status-refusal')).toHaveText('"Analyse extracts" cannot be completed yet: it waits for "Extract samples".');

  // Log time with the timer.
  await drawer.getByRole('button', { name: 'Start timer' }).click();
  await expect(drawer.getByTestId('timer-elapsed')).toBeVisible();
  await expect(drawer.getByTestId('timer-elapsed')).not.toHaveText('0:00:00');
  await drawer.getByRole('button', { name: 'Stop timer' }).click();
  await expect(drawer.getByTestId('time-entry')).toHaveCount(1);
  await expect(drawer.getByTestId('time-entry')).toContainText('Ada Lovelace');

  // A comment with an @mention picked from the suggestions.
  await drawer.getByRole('textbox', { name: 'Comment' }).fill('Ready once extraction is done, @ad');
  await page.getByRole('option', { name: /Ada Lovelace/ }).click();
  await drawer.getByRole('button', { name: 'Post comment' }).click();
  await expect(drawer.getByTestId('comment')).toContainText('@ada');
  await saveScreenshot(page, 'task-drawer-activity');
  await drawer.evaluate((el) => el.parentElement?.scrollTo(0, 0));
  await saveScreenshot(page, 'task-drawer');
  await page.getByRole('button', { name: 'Close task' }).click();
  await expect(page.getByTestId('task-drawer')).toBeHidden();
  await expect(page.getByTestId('task-row')).toHaveCount(2);
  await saveScreenshot(page, 'project-tasks');

  // A risk lands in the high-probability, critical-impact cell; clicking the cell filters the register.
  await page.getByRole('tab', { name: 'Risks' }).click();
  await page.getByRole('button', { name: 'New risk' }).click();
  const riskDialog = page.getByRole('dialog', { name: 'New risk' });
  await riskDialog.getByLabel('Risk', { exact: true }).fill('Reference standard out of stock');
  await pick(page, riskDialog, 'Probability', 'High');
  await pick(page, riskDialog, 'Impact', 'Critical');
  await riskDialog.getByLabel('Mitigation').fill('Order a second lot now');
  await riskDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('heatmap-high-critical')).toHaveText('1');
  await expect(page.getByTestId('heatmap-low-low')).toHaveText('');
  await page.getByRole('button', { name: 'New risk' }).click();
  await riskDialog.getByLabel('Risk', { exact: true }).fill('Analyst on leave');
  await pick(page, riskDialog, 'Probability', 'Low');
  await pick(page, riskDialog, 'Impact', 'Medium');
  await riskDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('risk-row')).toHaveCount(2);
  await page.getByTestId('heatmap-high-critical').click();
  await expect(page.getByTestId('risk-row')).toHaveCount(1);
  await expect(page.getByTestId('risk-row')).toContainText('Reference standard out of stock');
  await expect(page.getByTestId('risk-cell-filter')).toBeVisible();
  await saveScreenshot(page, 'project-risks');

  // The dashboard shows the blocked task and the risk.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('blocked-tasks')).toContainText('Analyse extracts');
  await expect(page.getByTestId('card-risks').getByTestId('heatmap-high-critical')).toHaveText('1');
  await saveScreenshot(page, 'project-overview');

  await page.getByRole('tab', { name: 'Resources' }).click();
  await expect(page.getByTestId('utilisation-row')).toHaveCount(1);
  await saveScreenshot(page, 'project-resources');
  // Budget: a line at 85% of plan raises the 80% warning.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await expect(page.getByText('Set a budget or add budget lines first.').first()).toBeVisible();
  await page.getByRole('button', { name: 'New budget line' }).click();
  const lineDialog = page.getByRole('dialog', { name: 'New budget line' });
  await lineDialog.getByLabel('Line', { exact: true }).fill('Reference standards');
  await lineDialog.getByLabel('Planned (EUR)').fill('1000');
  await lineDialog.getByLabel('Actual so far (EUR)').fill('850');
  await lineDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('budget-line-row')).toHaveCount(1);
  await expect(page.getByTestId('budget-warning').first()).toHaveText('Costs have reached 85% of the budget.');
  await saveScreenshot(page, 'project-budget');

  // My tasks across projects (nothing is assigned to Ada yet), then all tasks.
  await page.getByRole('button', { name: 'Tasks' }).click();
  await expect(page.getByRole('tab', { name: 'My tasks' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Nothing is assigned to you with these filters.')).toBeVisible();
  await expect(page.getByTestId('task-row')).toHaveCount(0);
  await page.getByRole('tab', { name: 'All tasks' }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(2);
  await saveScreenshot(page, 'tasks-all');
});
