import type { Page } from 'playwright-core';
import { showProject } from '../ui/app-flow';
import { dragFrames } from '../ui/board-drag';
import { openByTab, p95, round } from '../ui/page-probes';

/** A board's open time (best of three, from another tab) and drag frame p95 (best of three drags). */
export interface BoardResult {
  openMs: number;
  dragFrameP95Ms: number;
  samples: { opens: number[]; dragP95s: number[] };
}

async function measure(page: Page, open: () => Promise<number>, drag: () => Promise<number[]>): Promise<BoardResult> {
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) opens.push(await open());
  await page.waitForTimeout(500);
  const dragP95s: number[] = [];
  for (let i = 0; i < 3; i++) {
    dragP95s.push(round(p95(await drag())));
    await page.waitForTimeout(600);
  }
  return { openMs: round(Math.min(...opens)), dragFrameP95Ms: Math.min(...dragP95s), samples: { opens: opens.map(round), dragP95s } };
}

/** The reference: the task board (Kanban) of a project with as many cards, opened from the Watching tab. */
export async function measureTaskBoard(page: Page, projectCode: string): Promise<BoardResult> {
  await page.getByRole('button', { name: 'Tasks' }).click();
  await showProject(page, 'Board', projectCode);
  await page.getByTestId('board-columns').waitFor();
  return measure(
    page,
    async () => {
      await page.getByRole('tab', { name: 'Watching' }).click();
      await page.waitForTimeout(300);
      return openByTab(page, 'Board', 'labflow:board:painted');
    },
    () => dragFrames(page, '[data-testid="column-backlog"] [data-testid="board-card"]', '[data-testid="column-todo"]'),
  );
}

/**
 * The CRM pipeline board, opened from the Leads tab; a card dragged from Qualification to Needs
 * analysis (each drop moves an opportunity, as a sales person would).
 */
export async function measurePipelineBoard(page: Page): Promise<BoardResult> {
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByTestId('pipeline-board').waitFor();
  await page.getByTestId('opportunity-card').first().waitFor();
  return measure(
    page,
    async () => {
      await page.getByRole('tab', { name: 'Leads' }).click();
      await page.waitForTimeout(300);
      return openByTab(page, 'Pipeline', 'labflow:pipeline:painted');
    },
    () => dragFrames(page, '[data-testid="stage-qualification"] [data-testid="opportunity-card"]', '[data-testid="stage-needs_analysis"]'),
  );
}
