import { expect, test, type Locator, type Page } from '@playwright/test';
import { lifted, mouseDrag } from './support/mouse-drag';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { createFirstAdministrator } from './support/first-run';
import { planDate } from './support/plan-date';
import { assayValidationProject } from './support/assay-project';
import { runCommands } from './support/bridge-commands';

const admin = { name: 'Barbara McClintock', email: 'barbara@lab.example', password: 'jumping-genes-1983' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});


/** A task's dates as the Gantt's task list writes them, in the browser's locale. */
const dayRange = (page: Page, start: string, end: string) =>
  page.evaluate(([a, b]) => {
    const format = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
    const day = (date: string) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return format.format(new Date(y, m - 1, d));
    };
    return `${day(a)} – ${day(b)}`;
  }, [start, end] as const);

/** Width of a day column in the Gantt's day zoom (gantt-geometry's zoomSettings). */
const DAY_COLUMN = 34;

/** Drags a Gantt bar sideways by `dx` pixels, from its middle (its ends are the resize handles). */
async function barDrag(page: Page, bar: Locator, dx: number) {
  await bar.hover(); // waits until the bar is what the pointer hits (see mouseDrag)
  const box = await bar.boundingBox();
  if (!box) throw new Error('no bar');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 10 });
  await page.mouse.up();
}

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const card = (page: Page, title: string) => page.locator('[data-testid="board-card"]', { hasText: title });

test('plan a project on the Kanban board and the Gantt chart: moves checked against dependencies, bars and arrows, zoom, Mermaid export', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  // A project with three tasks in a chain (each waits for the one before) and a milestone.
  await runCommands(page, admin, assayValidationProject(
    [
      { title: 'Prepare samples', from: 0, to: 2, priority: 'high' },
      { title: 'Run assay', from: 3, to: 6, after: 'Prepare samples' },
      { title: 'Write report', from: 7, to: 9, after: 'Run assay' },
      { title: 'Order reagents', from: 1, to: 1, priority: 'low', status: 'backlog' },
    ],
    [{ name: 'plan-items/create', input: { projectId: '$0', kind: 'milestone', title: 'Validation signed off', data: { description: '', dueDate: planDate(10), completionCriteria: [], linkedTaskIds: [] } } }],
  ));

  // The board: one column per status.
  await page.getByRole('button', { name: 'Tasks' }).click();
  await page.getByRole('tab', { name: 'Board' }).click();
  await page.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('option', { name: /ASSAY-7/ }).click();
  await expect(column(page, 'todo').getByTestId('board-card')).toHaveCount(3);
  await expect(card(page, 'Run assay')).toContainText('Waiting');

  // A card with nothing to wait for moves to In progress by mouse.
  await mouseDrag(page, card(page, 'Prepare samples'), column(page, 'in_progress'));
  await expect(column(page, 'in_progress').getByTestId('board-card')).toHaveCount(1);
  await expect(column(page, 'in_progress')).toContainText('Prepare samples');

  // "Run assay" waits for "Prepare samples": the host refuses, the card goes back and the board says why.
  await mouseDrag(page, card(page, 'Run assay'), column(page, 'in_progress'), 140);
  const refusal = page.getByTestId('board-refusal');
  await expect(refusal).toContainText('“Run assay” was not moved');
  await expect(refusal).toContainText('waits for "Prepare samples"');
  await expect(column(page, 'todo')).toContainText('Run assay');
  await expect(column(page, 'in_progress')).not.toContainText('Run assay');
  await saveScreenshot(page, 'kanban-refused-drop');

  // Keyboard dragging: space lifts, arrows move, space drops.
  await card(page, 'Prepare samples').focus();
  await page.keyboard.press('Space');
  await expect(lifted(page)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'blocked').locator('[data-dragging-over="true"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'in_review').locator('[data-dragging-over="true"]')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(lifted(page)).toHaveCount(0);
  await expect(column(page, 'in_review')).toContainText('Prepare samples');
  await expect(page.getByTestId('board-refusal')).toHaveCount(0); // a successful move clears the old refusal
  await saveScreenshot(page, 'kanban-light');

  // Swimlanes by assignee, in the dark theme.
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.getByLabel('Swimlanes by assignee').check();
  await expect(page.getByTestId('board-lane')).toHaveCount(1);
  await saveScreenshot(page, 'kanban-swimlanes-dark');
  await page.getByLabel('Swimlanes by assignee').uncheck();
  await saveScreenshot(page, 'kanban-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();

  // The Gantt chart: bars for the tasks, a diamond for the milestone, arrows for the links; a
  // two-week plan opens in days.
  await page.getByRole('tab', { name: 'Gantt' }).click();
  const chart = page.getByTestId('gantt-chart');
  await expect(chart.getByTestId('gantt-row')).toHaveCount(6); // milestone heading, milestone, four tasks
  await expect(chart).toHaveAttribute('data-zoom', 'day');
  const bars = page.getByTestId('gantt-bars');
  await expect(bars.locator('.gantt-tile g.bar rect').first()).toBeVisible();
  await expect(bars.locator('g.arrow')).toHaveCount(2);
  await expect(chart).toContainText('Validation signed off');
  await saveScreenshot(page, 'gantt-day-light');

  // Dragging "Run assay" two days later reschedules it and pushes "Write report" after it.
  const bar = (title: string) => bars.locator('.gantt-tile g.bar > g', { has: page.locator('text', { hasText: title }) }).locator('rect').first();
  const dates = (title: string) => chart.locator('[data-testid="gantt-row"]', { hasText: title }).locator('.gl-dates');
  await expect(dates('Run assay')).toHaveText(await dayRange(page, planDate(3), planDate(6)));
  await expect(dates('Write report')).toHaveText(await dayRange(page, planDate(7), planDate(9)));
  await barDrag(page, bar('Run assay'), 2 * DAY_COLUMN);
  await expect(page.getByText('Moved, and 1 later task pushed back')).toBeVisible();
  // Two days later, same length; "Write report" now starts the day after it ends, and keeps its three days.
  await expect(dates('Run assay')).toHaveText(await dayRange(page, planDate(5), planDate(8)));
  await expect(dates('Write report')).toHaveText(await dayRange(page, planDate(9), planDate(11)));

  // Dragging "Write report" to start before "Run assay" ends is refused and the bar goes back.
  const reportMoved = await dates('Write report').textContent();
  await barDrag(page, bar('Write report'), -4 * DAY_COLUMN);
  await expect(page.getByTestId('gantt-refusal')).toContainText('cannot start before "Run assay"');
  await expect(dates('Write report')).toHaveText(reportMoved ?? '');

  // Zoom: week (light and dark), month.
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(chart).toHaveAttribute('data-zoom', 'week');
  await saveScreenshot(page, 'gantt-week-light');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await saveScreenshot(page, 'gantt-week-dark');
  await page.getByRole('button', { name: 'Switch theme' }).click();
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(chart).toHaveAttribute('data-zoom', 'month');

  // Export Mermaid: the text names every task and the milestone, and downloads as a .mmd file.
  await page.getByRole('button', { name: 'Export Mermaid' }).click();
  const mermaid = page.getByTestId('mermaid-text');
  await expect(mermaid).toContainText('gantt');
  await expect(mermaid).toContainText('dateFormat YYYY-MM-DD');
  await expect(mermaid).toContainText('Run assay');
  await expect(mermaid).toContainText('Validation signed off :milestone');
  await saveScreenshot(page, 'gantt-mermaid-export');
  const download = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('ASSAY-7-gantt.mmd');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});
