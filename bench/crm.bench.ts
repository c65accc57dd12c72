/**
 * CRM benchmark (issue 13 item 9): the pipeline board of the real app (production build, serve
 * mode, Chromium) with 2,000 open opportunities, the quotation PDF with 200 lines, and the CSV import
 * of 10,000 leads, each against a reference measured in the same run:
 *
 *   npm run bench:crm
 *
 * - boardOpenMs, dragFrameP95Ms: the Pipeline tab clicked (from Leads) until its cards are painted
 *   (the board's performance mark), and the 95th-percentile frame time while a card is dragged to
 *   the next stage. Reference: the task board (Kanban) of a project with the same 2,000 cards.
 * - quotePdfMs: documents/generate of a 200-line quotation through the host; reference: one line.
 * - importMs: crm/leads/import of 10,000 leads (one in fifty refused by validation) through the
 *   host; reference: the pure parse + validation of the same file.
 *
 * Timings are wall-clock on a possibly shared machine: the board metrics keep their best of three,
 * the PDF the median of five; the load average is reported, and the host's CPU time for the PDF
 * and the import (from /proc), which a busy machine does not inflate the way it does wall-clock. Prints progress to stderr and ONE JSON
 * object on the last line of stdout. BENCH_RENDERER_DIR points at an already built renderer.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServeHost } from '../tests/e2e/support/serve-host';
import { measurePipelineBoard, measureTaskBoard } from './crm/board-probes';
import { measureImport, measureQuotePdf } from './crm/host-probes';
import { admin, prepareData, signIn } from './ui/app-flow';
import { buildBenchPages, CHROMIUM_ARGS, newPage } from './ui/bench-pages';
import { connectBridge, must } from './ui/node-bridge';
import { round } from './ui/page-probes';

const log = (message: string) => process.stderr.write(`${message}\n`);
const GOALS = { boardOpenMs: 500, dragFrameP95Ms: 17, quotePdfMs: 1500, importMs: 5000 };
const OPPORTUNITIES = 2000;
const LEADS = 10_000;

const seedPipeline = (dataDir: string) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/crm/seed-pipeline.ts', dataDir, String(OPPORTUNITIES)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').at(-1) ?? '') : reject(new Error(`seed-pipeline exited with ${code}`))));
  });

async function main() {
  const started = Date.now();
  const loadAtStart = round(loadavg()[0] as number);
  const { work } = await buildBenchPages('crm');
  log(`seeding a ${OPPORTUNITIES}-card task board and ${OPPORTUNITIES} opportunities …`);
  const { dataDir } = await prepareData([{ code: 'BOARD-2K', name: 'Sample backlog', tasks: OPPORTUNITIES, dependencies: 0, phaseSize: 0, milestones: 0 }]);
  log(`seeded ${await seedPipeline(dataDir)}`);

  const host = await startServeHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await newPage(browser);
    await signIn(page, host.url);
    log('task board (reference) …');
    const taskBoard = await measureTaskBoard(page, 'BOARD-2K');
    log(`task board ${JSON.stringify(taskBoard)}`);
    log('pipeline board …');
    const pipeline = await measurePipelineBoard(page);
    log(`pipeline ${JSON.stringify(pipeline)}`);
    await page.close();

    const bridge = await connectBridge(host.url);
    const me = must(await bridge.call('auth/sign-in', { email: admin.email, password: admin.password }), 'sign in');
    const ownerId = (me as { person?: { id: string } }).person?.id ?? '';
    log('quotation PDF …');
    const pdf = await measureQuotePdf(bridge, host.pid, ownerId);
    log(`pdf ${JSON.stringify(pdf)}`);
    log(`importing ${LEADS} leads …`);
    const imported = await measureImport(bridge, host.pid, LEADS);
    log(`import ${JSON.stringify(imported)}`);
    bridge.close();

    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const result = {
      boardOpenMs: pipeline.openMs,
      dragFrameP95Ms: pipeline.dragFrameP95Ms,
      quotePdfMs: pdf.quotePdfMs,
      importMs: imported.importMs,
      reference: {
        taskBoard2kOpenMs: taskBoard.openMs,
        taskBoard2kDragFrameP95Ms: taskBoard.dragFrameP95Ms,
        quotePdf1LineMs: pdf.onePdfMs,
        importValidationOnlyMs: imported.validationMs,
        ratios: {
          boardOpenVsTaskBoard: ratio(pipeline.openMs, taskBoard.openMs),
          dragFrameVsTaskBoard: ratio(pipeline.dragFrameP95Ms, taskBoard.dragFrameP95Ms),
          quotePdf200VsOneLine: ratio(pdf.quotePdfMs, pdf.onePdfMs),
          importVsValidationOnly: ratio(imported.importMs, imported.validationMs),
        },
      },
      goals: GOALS,
      meetsGoals: {
        boardOpen: pipeline.openMs <= GOALS.boardOpenMs,
        dragFrame: pipeline.dragFrameP95Ms <= GOALS.dragFrameP95Ms,
        quotePdf: pdf.quotePdfMs <= GOALS.quotePdfMs,
        import: imported.importMs <= GOALS.importMs,
      },
      // What the host itself spent (CPU time, user + system): comparable across a quiet and a busy machine.
      hostCpuMs: { quotePdf: pdf.quotePdfHostCpuMs, import: imported.importHostCpuMs },
      details: { opportunities: OPPORTUNITIES, quotePdfPages: pdf.pages, leadsImported: imported.imported, leadsSkipped: imported.skipped },
      samples: { pipeline: pipeline.samples, taskBoard: taskBoard.samples, pdf: pdf.samples },
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: round(loadavg()[0] as number) },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await host.stop();
    for (const dir of [dataDir, work]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
