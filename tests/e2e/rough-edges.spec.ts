import { expect, test, type Page } from '@playwright/test';
import { assayValidationProject } from './support/assay-project';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { keyboardDrag } from './support/mouse-drag';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

/** More of the rough edges a new user met (issue 17, item 8): the board's far columns, dialogs. */

const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1983' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const card = (page: Page, title: string) => page.locator('[data-testid="board-card"]', { hasText: title });
/** The drag library's own live region (it read "moved … to list |in_progress" before). */
const dragAnnouncer = (page: Page) => page.locator('[id^="rfd-announcement-"]');

/** Lifts a card with Space, presses ArrowRight until `status` takes it, and drops it there. */
const keyboardMove = (page: Page, title: string, status: string) => keyboardDrag(page, card(page, title), column(page, status));

test('the Kanban board shows every column at 1360 px, keyboard moves reach Done and Cancelled, and a refused move is said as refused', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, assayValidationProject([
    { title: 'Prepare samples', from: 0, to: 2 },
    { title: 'Run assay', from: 3, to: 5, after: 'Prepare samples' },
    { title: 'Order spare columns', from: 1, to: 1 },
    { title: 'Write report', from: 6, to: 7, after: 'Run assay' },
  ]));
  await page.getByRole('button', { name: 'Open Assay validation' }).click();
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(column(page, 'todo').getByTestId('board-card')).toHaveCount(4);

  // All seven columns are on screen beside the navigation: nothing hides to the right.
  for (const status of ['backlog', 'todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled']) {
    await expect(page.getByTestId(`column-head-${status}`)).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByTestId('board-offscreen')).toHaveCount(0);
  await saveScreenshot(page, 'kanban-all-columns');

  // The keyboard reaches the last two columns.
  await keyboardMove(page, 'Prepare samples', 'done');
  await expect(column(page, 'done')).toContainText('Prepare samples');
  await expect(page.getByTestId('board-announcement')).toHaveText('“Prepare samples” moved to Done.');
  await keyboardMove(page, 'Order spare columns', 'cancelled');
  await expect(column(page, 'cancelled')).toContainText('Order spare columns');
  await expect(page.getByTestId('board-announcement')).toHaveText('“Order spare columns” moved to Cancelled.');

  // A refused move is said as refused, in column names: never "moved … to list |in_progress".
  await keyboardMove(page, 'Write report', 'in_progress');
  await expect(page.getByTestId('board-refusal')).toContainText('“Write report” was not moved');
  await expect(page.getByTestId('board-announcement')).toContainText('“Write report” was not moved to In progress: ');
  await expect(page.getByTestId('board-announcement')).toContainText('waits for "Run assay"');
  await expect(column(page, 'todo')).toContainText('Write report');
  await expect(dragAnnouncer(page)).toHaveText('Moving “Write report” to In progress…');
  await expect(dragAnnouncer(page)).not.toContainText('list');

  // A window too narrow for seven columns says which ones it hides, and shows them on request.
  await page.setViewportSize({ width: 1000, height: 860 });
  const hint = page.getByTestId('board-offscreen');
  await expect(hint).toContainText('More columns: ');
  await expect(hint).toContainText('Cancelled');
  await saveScreenshot(page, 'kanban-narrow-window');
  await hint.getByRole('button', { name: /Cancelled/ }).click();
  await expect(page.getByTestId('column-head-cancelled')).toBeInViewport({ ratio: 1 });
  await expect(hint.getByRole('button', { name: /More columns: Backlog/ })).toBeVisible();
});

test('a dialog with typed text asks before Escape discards it; a new project opens; the estimate label is whole', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // Escape over a half-filled New project dialog asks; keeping the text and creating opens the project.
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  const projectDialog = page.getByRole('dialog', { name: 'New project' });
  await projectDialog.getByRole('textbox', { name: 'Code' }).fill('STAB-9');
  await projectDialog.getByRole('textbox', { name: 'Name' }).fill('Stability study');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(ask).toBeVisible();
  await saveScreenshot(page, 'dialog-discard-question');
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toHaveCount(0);
  await expect(projectDialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Stability study');
  await projectDialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Stability study' })).toBeVisible();
  await expect(page.getByTestId('project-row')).toHaveCount(0);

  // The New task dialog: "Estimate (h)" is written out, not cut to "Est…".
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'New task' }).click();
  const taskDialog = page.getByRole('dialog', { name: 'New task' });
  const estimateLabel = taskDialog.locator('label', { hasText: 'Estimate (h)' });
  await expect(estimateLabel).toBeVisible();
  expect(await estimateLabel.evaluate((label) => label.scrollWidth <= label.clientWidth)).toBe(true);
  await saveScreenshot(page, 'new-task-dialog');

  // Escape with nothing typed closes at once; with a title typed it asks, and Discard drops it.
  await page.keyboard.press('Escape');
  await expect(taskDialog).toHaveCount(0);
  await page.getByRole('button', { name: 'New task' }).click();
  await taskDialog.getByLabel('Title').fill('Pull 6-month samples');
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Pull 6-month samples')).toHaveCount(0);
  // Opened again, it starts empty.
  await page.getByRole('button', { name: 'New task' }).click();
  await expect(taskDialog.getByLabel('Title')).toHaveValue('');
});
