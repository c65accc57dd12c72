/**
 * UI benchmark: the Gantt chart and the Kanban board of the real app (production build, serve mode,
 * Chromium) on seeded projects, against the bare libraries in the same run.
 *
 *   npm run bench:ui
 *
 * For each size (2,000 tasks with 1,000 links plus a 1,000-card board; then one 10,000-task project)
 * it measures: opening the view (tab click until the visible bars/cards are painted, from the
 * components' performance marks), the 95th-percentile frame time while scrolling the Gantt and while
 * dragging a card (requestAnimationFrame deltas in the page), and a live update (a task renamed
 * through a second bridge connection until the new title is painted). The reference is
 * gantt-task-react and @hello-pangea/dnd in a trivial wrapper with no database and no windowing.
 *
 * Timings are wall-clock in a real browser, so a busy machine inflates them: opening and the frame
 * metrics keep their best of three runs (the reference its best of two), live updates the median of
 * five; the machine's load average is reported with the results.
 *
 * Prints progress to stderr and ONE JSON object on the last line of stdout. BENCH_RENDERER_DIR
 * points at an already built renderer to skip the build.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServeHost } from '../tests/e2e/support/serve-host';
import { admin, prepareData, showProject, signIn } from './ui/app-flow';
import { buildBenchPages, CHROMIUM_ARGS, newPage } from './ui/bench-pages';
import { dragFrames } from './ui/board-drag';
import { liveUpdate, median, openByTab, p95, round, scrollFrames } from './ui/page-probes';
import { serveFolder } from './ui/static-server';
import type { SeededProject } from './ui/seed-data';

const log = (message: string) => process.stderr.write(`${message}\n`);
const GOALS = { ganttOpenMs: 800, kanbanOpenMs: 500, frameP95Ms: 17, liveUpdateMs: 50 };
// Live updates are spaced like edits from another PC, not back to back: each change also wakes the
// host's reminder scheduler (debounced 300 ms, then a full re-derive: about 0.5 s of host time at
// 10,000 tasks), which would otherwise land inside the next measurement.
const UPDATE_SPACING_MS = 2000;

/** Shows the project's view, then opens it three times from another tab: the open times, in ms. */
async function measureOpens(page: Page, project: SeededProject, tab: 'Gantt' | 'Board', testId: string, paintedEvent: string): Promise<number[]> {
  await showProject(page, tab, project.code);
  await page.getByTestId(testId).waitFor();
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole('tab', { name: 'Watching' }).click();
    await page.waitForTimeout(300);
    opens.push(await openByTab(page, tab, paintedEvent));
  }
  return opens;
}

async function measureGantt(page: Page, project: SeededProject) {
  const opens = await measureOpens(page, project, 'Gantt', 'gantt-chart', 'labflow:gantt:painted');
  await page.waitForTimeout(500);
  // Frame times are wall-clock on a possibly shared machine: each frame metric keeps its best of three runs.
  const scrolls: number[][] = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => ((document.querySelector('[data-testid="gantt-chart"]') as HTMLElement).scrollTop = 0));
    await page.waitForTimeout(400);
    scrolls.push(await scrollFrames(page, '[data-testid="gantt-chart"]', 240, 48));
  }
  // Well into the plan, below any milestones, so task rows fill the view.
  await page.evaluate(() => ((document.querySelector('[data-testid="gantt-chart"]') as HTMLElement).scrollTop = 1800));
  await page.waitForTimeout(400);
  const updates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const taskId = await page.evaluate((n) => {
      const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="gantt-row"][data-kind="task"]'));
      const chart = (document.querySelector('[data-testid="gantt-chart"]') as HTMLElement).getBoundingClientRect();
      const visible = rows.filter((r) => r.getBoundingClientRect().top > chart.top + 60 && r.getBoundingClientRect().bottom < chart.bottom);
      return (visible[n] ?? visible[0])?.dataset.rowId ?? '';
    }, i);
    if (!taskId) throw new Error('no task row in view');
    updates.push(await liveUpdate(page, { email: admin.email, password: admin.password, taskId, title: `Gantt live ${Date.now()}-${i}` }));
    await page.waitForTimeout(UPDATE_SPACING_MS);
  }
  const scrollP95s = scrolls.map((frames) => round(p95(frames)));
  return { openMs: round(Math.min(...opens)), scrollFrameP95Ms: Math.min(...scrollP95s), liveUpdateMs: round(median(updates)), samples: { opens: opens.map(round), updates: updates.map(round), scrollP95s } };
}

const dragCard = (page: Page) => dragFrames(page, '[data-testid="column-backlog"] [data-testid="board-card"]', '[data-testid="column-todo"]');

async function measureBoard(page: Page, project: SeededProject) {
  const opens = await measureOpens(page, project, 'Board', 'board-columns', 'labflow:board:painted');
  await page.waitForTimeout(500);
  const dragP95s: number[] = [];
  for (let i = 0; i < 3; i++) {
    dragP95s.push(round(p95(await dragCard(page))));
    await page.waitForTimeout(600);
  }
  const updates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const taskId = await page.evaluate((n) => {
      const cards = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="column-todo"] [data-testid="board-card"]'));
      return (cards[n] ?? cards[0])?.dataset.taskId ?? '';
    }, i);
    if (!taskId) throw new Error('no card in view');
    updates.push(await liveUpdate(page, { email: admin.email, password: admin.password, taskId, title: `Board live ${Date.now()}-${i}` }));
    await page.waitForTimeout(UPDATE_SPACING_MS);
  }
  return { openMs: round(Math.min(...opens)), dragFrameP95Ms: Math.min(...dragP95s), liveUpdateMs: round(median(updates)), samples: { opens: opens.map(round), updates: updates.map(round), dragP95s } };
}

async function measureApp(browser: Browser, dataDir: string, gantt: SeededProject, board: SeededProject) {
  const host = await startServeHost(dataDir);
  const page = await newPage(browser);
  try {
    await signIn(page, host.url);
    const ganttResult = await measureGantt(page, gantt);
    const boardResult = await measureBoard(page, board);
    return { gantt: ganttResult, kanban: boardResult };
  } finally {
    await page.close();
    await host.stop();
  }
}

async function measureReference(browser: Browser, url: string) {
  // Best of two fresh pages, like the frame metrics.
  const run = async (what: 'gantt' | 'board', size: number) => {
    const results = [];
    for (let i = 0; i < 2; i++) {
      const page = await newPage(browser);
      await page.goto(url);
      results.push(await page.evaluate(({ what, size }) => window.runReference!(what, size), { what, size }));
      await page.close();
    }
    return { openMs: round(Math.min(...results.map((r) => r.openMs))), changeMs: round(Math.min(...results.map((r) => r.changeMs))) };
  };
  return { gantt2k: await run('gantt', 2000), board1k: await run('board', 1000) };
}

async function main() {
  const started = Date.now();
  // Frame times are wall-clock: report how busy the machine was, so numbers from a shared box can be judged.
  const loadAtStart = round(loadavg()[0] as number);
  const { work, referenceDir } = await buildBenchPages('ui', 'bench/ui/reference');

  log('seeding 2,000 tasks / 1,000 links and a 1,000-card board …');
  const small = await prepareData([
    { code: 'GANTT-2K', name: 'Method transfer programme', tasks: 2000, dependencies: 1000, phaseSize: 20, milestones: 12 },
    { code: 'BOARD-1K', name: 'Sample backlog', tasks: 1000, dependencies: 200, phaseSize: 0, milestones: 0, wipLimits: { in_progress: 60, in_review: 40 } },
  ]);
  log('seeding 10,000 tasks / 5,000 links …');
  const large = await prepareData([{ code: 'SCALE-10K', name: 'Site-wide requalification', tasks: 10_000, dependencies: 5000, phaseSize: 20, milestones: 24 }]);

  const browser = await chromium.launch({ executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const reference = await serveFolder(referenceDir);
  try {
    log('reference: bare libraries …');
    const ref = await measureReference(browser, reference.url);
    log(`reference ${JSON.stringify(ref)}`);
    log('app at 2,000 tasks …');
    const at2k = await measureApp(browser, small.dataDir, small.projects[0] as SeededProject, small.projects[1] as SeededProject);
    log(`2k ${JSON.stringify(at2k)}`);
    log('app at 10,000 tasks …');
    const scale = large.projects[0] as SeededProject;
    const at10k = await measureApp(browser, large.dataDir, scale, scale);
    log(`10k ${JSON.stringify(at10k)}`);

    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const strip = <T extends { samples: unknown }>({ samples, ...rest }: T) => (void samples, rest);
    const result = {
      gantt: strip(at2k.gantt),
      kanban: strip(at2k.kanban),
      scale10k: { gantt: strip(at10k.gantt), kanban: strip(at10k.kanban) },
      reference: {
        gantt: ref.gantt2k,
        kanban: ref.board1k,
        ratios: {
          ganttOpen: ratio(at2k.gantt.openMs, ref.gantt2k.openMs),
          ganttUpdateVsRerender: ratio(at2k.gantt.liveUpdateMs, ref.gantt2k.changeMs),
          kanbanOpen: ratio(at2k.kanban.openMs, ref.board1k.openMs),
          kanbanUpdateVsRerender: ratio(at2k.kanban.liveUpdateMs, ref.board1k.changeMs),
        },
      },
      goals: GOALS,
      meetsGoals: {
        ganttOpen: at2k.gantt.openMs <= GOALS.ganttOpenMs,
        kanbanOpen: at2k.kanban.openMs <= GOALS.kanbanOpenMs,
        ganttScroll: at2k.gantt.scrollFrameP95Ms <= GOALS.frameP95Ms,
        kanbanDrag: at2k.kanban.dragFrameP95Ms <= GOALS.frameP95Ms,
        ganttLiveUpdate: at2k.gantt.liveUpdateMs <= GOALS.liveUpdateMs,
        kanbanLiveUpdate: at2k.kanban.liveUpdateMs <= GOALS.liveUpdateMs,
      },
      samples: { at2k: { gantt: at2k.gantt.samples, kanban: at2k.kanban.samples }, at10k: { gantt: at10k.gantt.samples, kanban: at10k.kanban.samples } },
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: round(loadavg()[0] as number) },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await reference.close();
    for (const dir of [small.dataDir, large.dataDir, work]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
