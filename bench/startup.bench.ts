/**
 * Start-up benchmark (issue 17 item 6, cold start): serve mode — the host `npm start` runs when
 * Electron cannot — in its own Node process, timed from the process's spawn until the sign-in form
 * is painted in Chromium (`toSignInMs`), then from the click on "Sign in" until the first main view
 * (Projects) is painted (`toMainViewMs`), on a data folder with 100,000 records and on one with
 * only its people; beside a bare Fastify serving a static sign-in page, started the same way, in
 * the same run (`ratioToBare` = toSignInMs ÷ the bare page's).
 *
 *   npm run bench:startup
 *
 * Each start is cold for the browser (a fresh context, nothing cached) and for the host (a new
 * process; the operating system's file cache stays warm, as on a PC that ran LabFlow before).
 * Figures are medians of BENCH_RUNS (default 3) runs, interleaved bare → empty → full so a burst
 * of load elsewhere hits all three. Wall-clock on a possibly shared machine: the load average is
 * reported with them. Prints progress to stderr and ONE JSON object on the last line of stdout.
 * BENCH_RENDERER_DIR points at an already built renderer to skip the build.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { prepareRecords } from './records/prepare-data';
import { buildBenchPages, CHROMIUM_ARGS } from './ui/bench-pages';
import { measureBare, measureHost } from './startup/startup-probes';
import { startupResult, type StartupRuns } from './startup/startup-result';

const log = (message: string) => process.stderr.write(`${message}\n`);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RECORDS = 100_000;
const load = () => Math.round((loadavg()[0] as number) * 100) / 100;

async function main() {
  const started = Date.now();
  const loadAtStart = load();
  const { work } = await buildBenchPages('startup');
  // The records benchmark's seeding: people through the host's commands, then the records written
  // straight into the stopped folder's SQLite database (bench/records/seed-records.ts).
  log(`seeding ${RECORDS.toLocaleString('en')} records …`);
  const full = await prepareRecords({ purchaseRequests: RECORDS * 0.9, leaveRequests: RECORDS * 0.1 });
  log(`seeded ${JSON.stringify(full.written)}`);
  const empty = await prepareRecords({ purchaseRequests: 0, leaveRequests: 0 });
  const browser = await chromium.launch({ executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const runs: StartupRuns = { full: [], empty: [], bare: [] };
  const loads: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      loads.push(load());
      runs.bare.push(await measureBare(browser));
      runs.empty.push(await measureHost(browser, empty.dataDir));
      runs.full.push(await measureHost(browser, full.dataDir));
      log(`run ${i + 1}: ${JSON.stringify({ bare: runs.bare.at(-1), empty: runs.empty.at(-1), full: runs.full.at(-1) })} (load ${loads.at(-1)})`);
    }
    const machine = { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageDuringRuns: loads, loadAverageAtEnd: load(), records: full.written, totalSeconds: Math.round((Date.now() - started) / 1000) };
    console.log(JSON.stringify(startupResult(runs, machine)));
  } finally {
    await browser.close();
    for (const dir of [full.dataDir, empty.dataDir, work]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
