/**
 * Records benchmark: the purchase-request register of the real app (production build, serve mode,
 * Chromium) over 100,000 mixed records (90,000 purchase requests, 10,000 leave requests), against
 * MUI's bare data grid holding the same purchase requests in the page's memory, in the same run.
 *
 *   npm run bench:records
 *
 * Measured in the app, each until the register's painted mark (the rows answering the query on
 * screen): `registerOpenMs`, a click on the Equipment section until its register's first rows are
 * painted (median of five, after a first open that may still wait for the host's index, reported
 * as `firstOpenMs`); `filterMs`, words typed into the search box (median of three different words,
 * each scanning all rows); `sortMs`, a click on a column header (median of four orders never sorted
 * before). The reference does the same in the page with its own sorting and quick filter.
 *
 * Timings are wall-clock on a possibly shared machine: the load average is reported with them.
 * Prints progress to stderr and ONE JSON object on the last line of stdout. BENCH_RENDERER_DIR
 * points at an already built renderer to skip the build; BENCH_RECORDS scales the register.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { startServeHost } from '../tests/e2e/support/serve-host';
import { prepareRecords } from './records/prepare-data';
import type { SeedPlan } from './records/record-data';
import { changeRegister, openRegister } from './records/register-probes';
import { signIn } from './ui/app-flow';
import { buildBenchPages, CHROMIUM_ARGS, newPage } from './ui/bench-pages';
import { median, round } from './ui/page-probes';
import { serveFolder } from './ui/static-server';

const log = (message: string) => process.stderr.write(`${message}\n`);
const GOALS = { registerOpenMs: 500, filterMs: 150, sortMs: 150 };
const total = Number(process.env.BENCH_RECORDS ?? 100_000);
const plan: SeedPlan = { purchaseRequests: Math.round(total * 0.9), leaveRequests: Math.round(total * 0.1) };
// Item words, so the app's search and the reference's quick filter find the same rows.
const WORDS = ['centrifuge', 'pipette', 'freezer'];
// Orders in the sequence header clicks reach them (asc first, then desc on the same column).
const SORTS: Array<[field: 'estimatedCost' | 'neededBy' | 'quantity', direction: 'asc' | 'desc']> = [['estimatedCost', 'asc'], ['estimatedCost', 'desc'], ['neededBy', 'asc'], ['quantity', 'asc']];

// The purchase-request register, under Equipment → Registers.
const REGISTER = '#/equipment/purchase_request';

async function measureApp(browser: Browser, dataDir: string) {
  const host = await startServeHost(dataDir);
  const page = await newPage(browser);
  try {
    await signIn(page, host.url);
    const firstOpenMs = await openRegister(page, REGISTER);
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Projects' }).click();
      await page.waitForTimeout(300);
      opens.push(await openRegister(page, REGISTER));
    }
    const rowsShown = await page.getByTestId('register-total').textContent();
    const filters: number[] = [];
    for (const words of WORDS) {
      filters.push(await changeRegister(page, { act: 'type', words }));
      await changeRegister(page, { act: 'type', words: '' });
    }
    const sorts: number[] = [];
    for (const [field, direction] of SORTS) sorts.push(await changeRegister(page, { act: 'sort', field, direction }));
    return { registerOpenMs: round(median(opens)), filterMs: round(median(filters)), sortMs: round(median(sorts)), firstOpenMs: round(firstOpenMs), rowsShown, samples: { opens: opens.map(round), filters: filters.map(round), sorts: sorts.map(round) } };
  } finally {
    await page.close();
    await host.stop();
  }
}

async function measureReference(browser: Browser, url: string, peopleIds: string[]) {
  const page = await newPage(browser);
  try {
    await page.goto(url);
    const result = await page.evaluate(({ plan, peopleIds, words, sorts }) => window.runRecordsReference!(plan, peopleIds, words, sorts), { plan, peopleIds, words: WORDS, sorts: SORTS });
    return { rows: result.rows, openMs: round(result.openMs), filterMs: round(median(result.filterMs)), sortMs: round(median(result.sortMs)), samples: { filters: result.filterMs.map(round), sorts: result.sortMs.map(round) } };
  } finally {
    await page.close();
  }
}

async function main() {
  const started = Date.now();
  const loadAtStart = round(loadavg()[0] as number);
  const { work, referenceDir } = await buildBenchPages('records', 'bench/records/reference');

  log(`seeding ${total.toLocaleString('en')} records …`);
  const seeded = await prepareRecords(plan);
  log(`seeded ${JSON.stringify(seeded.written)}`);
  const browser = await chromium.launch({ executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const reference = await serveFolder(referenceDir);
  try {
    log('reference: the bare data grid …');
    const ref = await measureReference(browser, reference.url, seeded.peopleIds);
    log(`reference ${JSON.stringify(ref)}`);
    log('app …');
    const app = await measureApp(browser, seeded.dataDir);
    log(`app ${JSON.stringify(app)}`);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    console.log(JSON.stringify({
      records: seeded.written,
      registerOpenMs: app.registerOpenMs,
      filterMs: app.filterMs,
      sortMs: app.sortMs,
      firstOpenMs: app.firstOpenMs,
      reference: { rows: ref.rows, openMs: ref.openMs, filterMs: ref.filterMs, sortMs: ref.sortMs },
      ratios: { open: ratio(app.registerOpenMs, ref.openMs), filter: ratio(app.filterMs, ref.filterMs), sort: ratio(app.sortMs, ref.sortMs) },
      goals: GOALS,
      meetsGoals: { open: app.registerOpenMs <= GOALS.registerOpenMs, filter: app.filterMs <= GOALS.filterMs, sort: app.sortMs <= GOALS.sortMs },
      samples: { app: app.samples, reference: ref.samples },
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: round(loadavg()[0] as number) },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    }));
  } finally {
    await browser.close();
    await reference.close();
    for (const dir of [seeded.dataDir, work]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
