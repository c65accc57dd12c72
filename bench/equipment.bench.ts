/**
 * Equipment benchmark (issue 12): the real host on one SQLite folder holding a large lab's equipment
 * (bench/equipment/seed-instruments.ts: 5,000 instruments with plans and calibrations; one with
 * 2,000 history card events), driven through a UI connection as the app does it.
 *
 *   npm run bench:equipment        (BENCH_INSTRUMENTS, BENCH_BOOKINGS, BENCH_REPEATS)
 *
 * - `historyOpenMs`: opening that instrument's history card (`equipment/history`, subscribe until
 *   the first answer arrives); median of BENCH_REPEATS openings (`historyFirstOpenMs`: the first,
 *   before RxDB's query cache holds anything). Reference: reading the same documents from the
 *   database alone (its audit trail and the records under it, query cache bypassed), same run.
 * - `dashboardMs`: the calibration dashboard over every instrument (`equipment/dashboard`), median
 *   (and first). Reference: reading the instruments, plans and calibrations alone.
 * - `gateCheckMs`: the host's usage gating per booking — what the booking's invariant reads (the
 *   instrument, its plans, calibrations and bookings, the person) loaded from the database and
 *   judged — over BENCH_BOOKINGS bookings on as many instruments; afterwards each is booked for
 *   real through `equipment/book`. Reference: that whole command (`bookCommandMs`).
 * - `cpuMs`: the same in this process's CPU time, and the load average: on a loaded machine the
 *   wall times mostly measure the wait for a core.
 *
 * Goals: historyOpenMs ≤ 300, dashboardMs ≤ 300, gateCheckMs p99 ≤ 5. Progress goes to stderr;
 * ONE JSON object on the last line of stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHost, type Host } from '../src-main/host/create-host';
import { createLabStorage } from '../src-main/host/lab-storage';
import { createLogger } from '../src-main/logging/logger';
import { loadLookup } from '../src-main/records/record-lookup';
import type { HostMessage } from '../src-shared/bridge/protocol';
import { bookingKind } from '../src-shared/equipment/booking-kind';
import { checkInvariant, recordReads } from '../src-shared/records/record-invariants';
import type { RecordDocument } from '../src-shared/records/record-document';
import { HISTORY_EVENTS, historyInstrumentId, seedInstruments } from './equipment/seed-instruments';

const INSTRUMENTS = Number(process.env.BENCH_INSTRUMENTS ?? 5_000);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 300);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const WARM_UP = 3;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

// The real clock moved to a fixed day, running on.
const today = '2026-06-15';
const offsetMs = Date.parse(`${today}T08:00:00.000Z`) - Date.now();
const clock = () => new Date(Date.now() + offsetMs);

/** Waits until the event loop has been nearly idle for half a second (the scheduler's start derive is done). */
async function idle(): Promise<void> {
  for (;;) {
    const before = performance.eventLoopUtilization();
    await sleep(500);
    if (performance.eventLoopUtilization(before).utilization < 0.05) return;
  }
}

/** A UI connection: calls, and subscriptions timed to their first answer. */
function connect(host: Host) {
  const waiting = new Map<string, (message: HostMessage) => void>();
  const connection = host.connect((message) => {
    if ('id' in message && message.id) waiting.get(message.id)?.(message);
  });
  let next = 0;
  const answer = (id: string, send: () => unknown) =>
    new Promise<HostMessage>((resolve) => {
      waiting.set(id, (message) => {
        waiting.delete(id);
        resolve(message);
      });
      void send();
    });
  return {
    async call<T>(name: string, input: unknown): Promise<T> {
      const id = `c${++next}`;
      const message = await answer(id, () => connection.receive(JSON.stringify({ t: 'call', id, name, input })));
      if (message.t !== 'result' || !message.result.ok) throw new Error(`${name} failed: ${JSON.stringify(message)}`);
      return message.result.value as T;
    },
    /** Subscribes, waits for the first answer, unsubscribes; the answer's size (to check it is whole). */
    async open(name: string, input: unknown): Promise<unknown> {
      const id = `s${++next}`;
      const message = await answer(id, () => connection.receive(JSON.stringify({ t: 'subscribe', id, name, input })));
      await connection.receive(JSON.stringify({ t: 'unsubscribe', id }));
      if (message.t !== 'data' || !message.result.ok) throw new Error(`${name} failed: ${JSON.stringify(message)}`);
      return message.result.value;
    },
  };
}

/**
 * A selector no earlier query used: RxDB answers a repeated query from its cache, and the reference
 * must read the storage (the host's openings may be answered from that cache: see `…FirstOpenMs`).
 */
let nonces = 0;
const nonce = () => `bench-nonce-${++nonces}`;

interface Timing<T> {
  ms: number;
  /** This process's CPU time meanwhile: on a loaded machine wall time mostly measures the wait for a core. */
  cpuMs: number;
  value: T;
}

async function timed<T>(run: () => Promise<T>): Promise<Timing<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

async function medianOf(run: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const times: Timing<unknown>[] = [];
  for (let i = 0; i < WARM_UP + REPEATS; i++) {
    const timing = await timed(run);
    if (i >= WARM_UP) times.push(timing);
  }
  return { ms: percentile(times.map((t) => t.ms), 50), cpuMs: percentile(times.map((t) => t.cpuMs), 50) };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-equipment-'));
let host: Host | undefined;
try {
  const { storage, location } = createLabStorage(dataDir);
  const hosted = await createHost({ storage, databaseLocation: location, log: createLogger({ directory: path.join(dataDir, 'logs') }), clock, expiryCheckMs: 0, platform: { monotonic: () => performance.now() } });
  if (!hosted.ok) throw new Error(hosted.error.message);
  host = hosted.value;
  const db = host.db;
  const ui = connect(host);
  await ui.call('auth/create-administrator', { name: 'Bench Admin', email: 'admin@bench.lab', password: 'bench password long enough' });
  const admin = (await db.people.findOne({ selector: { email: 'admin@bench.lab' } }).exec())!.id;

  log(`seeding ${INSTRUMENTS} instruments (data in ${dataDir})`);
  const records = await seedInstruments(db, { instruments: INSTRUMENTS, custodianId: admin, userId: admin, today });
  log(`  ${records} records; waiting for the scheduler's derive`);
  await idle();

  log(`history card of ${historyInstrumentId} (${REPEATS} openings)`);
  const firstHistory = await timed(() => ui.open('equipment/history', { id: historyInstrumentId }));
  const history = firstHistory.value as { events: unknown[] };
  if (history.events.length < HISTORY_EVENTS) throw new Error(`the history card has ${history.events.length} events, not ${HISTORY_EVENTS}`);
  const historyOpen = await medianOf(() => ui.open('equipment/history', { id: historyInstrumentId }));
  const historyRead = await medianOf(() => {
    const fresh = nonce();
    return Promise.all([
      db.audit.find({ selector: { recordId: historyInstrumentId, id: { $ne: fresh } }, sort: [{ at: 'asc' }] }).exec(),
      db.records.find({ selector: { parentId: historyInstrumentId, id: { $ne: fresh } } }).exec(),
    ]);
  });

  log(`calibration dashboard over ${INSTRUMENTS} instruments (${REPEATS} openings)`);
  const firstBoard = await timed(() => ui.open('equipment/dashboard', { horizonDays: 30 }));
  const board = firstBoard.value as { dueSoon: unknown[]; overdue: unknown[] };
  const dashboard = await medianOf(() => ui.open('equipment/dashboard', { horizonDays: 30 }));
  const dashboardRead = await medianOf(() => {
    const fresh = nonce();
    return Promise.all(['equipment', 'calibration_plan', 'calibration'].map((kind) => db.records.find({ selector: { kind, id: { $ne: fresh } } }).exec()));
  });

  // Bookings on instruments fit for use (in service, calibrated well ahead), each on another instrument
  // (so nothing comes from RxDB's query cache), one slot each in the next days.
  const candidates = Array.from({ length: WARM_UP + BOOKINGS }, (_, n) => {
    const equipmentId = `BEQ${String(3 + ((n * 7919) % (INSTRUMENTS - 3))).padStart(6, '0')}`;
    const start = new Date(Date.parse(`${today}T09:00:00Z`) + (1 + (n % 20)) * 86_400_000).toISOString();
    return { equipmentId, start, end: new Date(Date.parse(start) + 2 * 3_600_000).toISOString() };
  });
  log(`usage gating of ${BOOKINGS} bookings, then booking them`);
  // The gate alone first: no write in between, so nothing else (the scheduler's derive after a write) runs meanwhile.
  const gate: Timing<boolean>[] = [];
  for (const [n, c] of candidates.entries()) {
    const candidate = { id: `BBK${n}`, kind: 'booking', status: 'booked', parentId: c.equipmentId, personId: admin, data: { ...c, custodianId: admin, personId: admin, purpose: 'Bench' } };
    // As writeRecord judges a proposed record (src-main/records/record-handlers.ts).
    const judged = await timed(async () => checkInvariant(bookingKind, candidate as unknown as RecordDocument, null, await loadLookup(db, recordReads(candidate)), clock().toISOString(), admin) === null);
    if (n >= WARM_UP) gate.push(judged);
  }
  const command: Timing<boolean>[] = [];
  for (const [n, c] of candidates.entries()) {
    const booked = await timed(() => ui.call('equipment/book', { ...c, purpose: 'Bench' }).then(() => true, () => false));
    if (n >= WARM_UP) command.push(booked);
  }
  // Only fit instruments are timed: a refusal is judged as fast, but the command then writes nothing.
  const fit = gate.filter((g) => g.value);
  const booked = command.filter((b) => b.value);
  if (fit.length !== booked.length) throw new Error(`the gate let ${fit.length} bookings through, the command ${booked.length}`);
  if (fit.length < BOOKINGS / 2) throw new Error(`only ${fit.length} of ${BOOKINGS} bookings were accepted`);
  const spread = (timings: Timing<unknown>[], field: 'ms' | 'cpuMs') => ({ p50: round(percentile(timings.map((t) => t[field]), 50)), p99: round(percentile(timings.map((t) => t[field]), 99)) });

  const result = {
    instruments: INSTRUMENTS,
    historyEvents: history.events.length,
    historyOpenMs: round(historyOpen.ms),
    historyFirstOpenMs: round(firstHistory.ms),
    historyReferenceReadMs: round(historyRead.ms),
    historyRatio: ratio(historyOpen.ms, historyRead.ms),
    dashboardMs: round(dashboard.ms),
    dashboardFirstOpenMs: round(firstBoard.ms),
    dashboardReferenceReadMs: round(dashboardRead.ms),
    dashboardRatio: ratio(dashboard.ms, dashboardRead.ms),
    dashboard: { dueSoon: board.dueSoon.length, overdue: board.overdue.length },
    gateCheckMs: spread(fit, 'ms'),
    bookCommandMs: spread(booked, 'ms'),
    gateShareOfBooking: ratio(percentile(fit.map((t) => t.ms), 50), percentile(booked.map((t) => t.ms), 50)),
    bookingsTimed: fit.length,
    cpuMs: { historyOpen: round(historyOpen.cpuMs), historyReferenceRead: round(historyRead.cpuMs), dashboard: round(dashboard.cpuMs), dashboardReferenceRead: round(dashboardRead.cpuMs), gateCheck: spread(fit, 'cpuMs'), bookCommand: spread(booked, 'cpuMs') },
    loadAverage: round(os.loadavg()[0] ?? 0),
    goals: { historyOpenMs: 300, dashboardMs: 300, gateCheckMsP99: 5 },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
