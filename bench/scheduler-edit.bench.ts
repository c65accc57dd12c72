/**
 * Scheduler cost of one task edit at 10,000 tasks (DESIGN.md §4): the host's busy time from the
 * edit until the edited task's reminder is stored, with the scheduler deriving only the edited task
 * (`isIncrementalDerive`, the default) against the reference in the same run — every rule derived
 * in full after each edit, as before.
 *
 *   npm run bench:scheduler-edit        (BENCH_TASKS, BENCH_EDITS)
 *
 * One SQLite data folder with 10,000 open tasks (three reminders pending each) is opened twice by
 * the real host, first with the reference setting, then with the per-document derive. Each edit
 * moves one task's due date into the past, so its "overdue" reminder fires: the insert of that
 * notification ends the measurement. Host time is the event loop's active time over that span
 * (`eventLoopUtilization`: the 300 ms debounce is idle and not counted); the longest event-loop
 * delay in the span is how long a command issued meanwhile could wait. Progress goes to stderr;
 * ONE JSON object on the last line of stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createHost, type Host } from '../src-main/host/create-host';
import { createLabStorage } from '../src-main/host/lab-storage';
import { createLogger } from '../src-main/logging/logger';

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const WARM_UP = 3;
const PERSON = 'BP0001';

const log = (line: string) => process.stderr.write(`${line}\n`);
const at = '2026-01-01T00:00:00.000Z';
const base = (id: string) => ({ id, createdAt: at, updatedAt: at, createdBy: 'bench', updatedBy: 'bench', auditId: 'bench' });
const taskId = (n: number) => `BT${String(n).padStart(6, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The real clock moved to a fixed day, running on: no clock jump, so only the edits derive.
const offsetMs = Date.parse('2026-03-02T08:00:00.000Z') - Date.now();
const clock = () => new Date(Date.now() + offsetMs);

async function open(dataDir: string, isIncrementalDerive: boolean): Promise<Host> {
  const { storage, location } = createLabStorage(dataDir);
  const hosted = await createHost({
    storage,
    databaseLocation: location,
    log: createLogger({ directory: path.join(dataDir, 'logs') }),
    clock,
    expiryCheckMs: 0,
    platform: { monotonic: () => performance.now(), notifications: { isIncrementalDerive } },
  });
  if (!hosted.ok) throw new Error(hosted.error.message);
  return hosted.value;
}

/** Waits until the event loop has been nearly idle for half a second (the start derive is done). */
async function idle(): Promise<void> {
  for (;;) {
    const before = performance.eventLoopUtilization();
    await sleep(500);
    if (performance.eventLoopUtilization(before).utilization < 0.05) return;
  }
}

async function seed(dataDir: string): Promise<void> {
  const host = await open(dataDir, true);
  await host.db.people.insert({ ...base(PERSON), kind: 'person', name: 'Bench person', email: 'p@bench.lab', roles: ['member'], isActive: true, passwordHash: '' });
  const tasks = Array.from({ length: TASKS }, (_, n) => ({
    ...base(taskId(n)),
    projectId: 'BPR1',
    kanbanRank: 'm',
    status: 'todo',
    title: `Bench task ${n}`,
    assigneeId: PERSON,
    // Spread over June to December: a day and an hour ahead and overdue, all in the future.
    dueDate: new Date(Date.parse('2026-06-01T00:00:00.000Z') + (n % 200) * 86_400_000).toISOString().slice(0, 10),
  }));
  for (let i = 0; i < tasks.length; i += 2000) await host.db.tasks.bulkInsert(tasks.slice(i, i + 2000));
  await idle();
  await host.close();
}

interface Sample {
  hostMs: number;
  maxDelayMs: number;
  firedAfterMs: number;
}

async function measure(dataDir: string, isIncrementalDerive: boolean, firstTask: number): Promise<Sample[]> {
  const host = await open(dataDir, isIncrementalDerive);
  await idle();
  const inserted: string[] = [];
  let onInsert: (() => void) | undefined;
  const subscription = host.db.notifications.$.subscribe((event) => {
    if (event.operation !== 'INSERT') return;
    const link = (event.documentData as { data?: { link?: { itemId?: string } } }).data?.link;
    if (link?.itemId) inserted.push(link.itemId);
    onInsert?.();
  });
  const samples: Sample[] = [];
  for (let i = 0; i < WARM_UP + EDITS; i++) {
    const id = taskId(firstTask + i);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const fired = new Promise<void>((resolve) => (onInsert = () => inserted.includes(id) && resolve()));
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const start = performance.now();
    await (await host.db.tasks.findOne(id).exec())!.incrementalPatch({ dueDate: '2026-03-01' });
    await fired;
    const firedAfterMs = performance.now() - start;
    // What runs right after the write (the scheduler arming its timer, the live queries) counts too.
    await sleep(30);
    const hostMs = performance.eventLoopUtilization(elu).active;
    delay.disable();
    if (i >= WARM_UP) samples.push({ hostMs, maxDelayMs: delay.max / 1e6, firedAfterMs });
  }
  subscription.unsubscribe();
  const duplicates = inserted.length - new Set(inserted).size;
  if (duplicates > 0) throw new Error(`${duplicates} reminders fired twice`);
  await host.close();
  return samples;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (ms: number) => Math.round(ms * 10) / 10;
const summary = (samples: Sample[]) => ({
  hostMsP50: round(median(samples.map((s) => s.hostMs))),
  hostMsMax: round(Math.max(...samples.map((s) => s.hostMs))),
  eventLoopDelayMsP50: round(median(samples.map((s) => s.maxDelayMs))),
  firedAfterMsP50: round(median(samples.map((s) => s.firedAfterMs))),
});

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-scheduler-edit-'));
try {
  log(`seeding ${TASKS} tasks (data in ${dataDir})`);
  await seed(dataDir);
  log(`reference: ${EDITS} edits, every rule derived in full after each`);
  const full = summary(await measure(dataDir, false, 0));
  log(`  ${JSON.stringify(full)}`);
  log(`per-document: ${EDITS} edits, only the edited task derived`);
  const incremental = summary(await measure(dataDir, true, WARM_UP + EDITS));
  log(`  ${JSON.stringify(incremental)}`);
  const result = {
    tasks: TASKS,
    edits: EDITS,
    hostMsPerEdit: { reference: full.hostMsP50, incremental: incremental.hostMsP50 },
    hostTimeRatio: Math.round((incremental.hostMsP50 / full.hostMsP50) * 1000) / 1000,
    eventLoopDelayMs: { reference: full.eventLoopDelayMsP50, incremental: incremental.eventLoopDelayMsP50 },
    eventLoopDelayRatio: Math.round((incremental.eventLoopDelayMsP50 / full.eventLoopDelayMsP50) * 1000) / 1000,
    firedAfterMs: { reference: full.firedAfterMsP50, incremental: incremental.firedAfterMsP50 },
    reference: full,
    incremental,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
