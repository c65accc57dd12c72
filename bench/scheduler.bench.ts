/**
 * Scheduler benchmark (DESIGN.md §4): 10,000 reminders due within one minute, fired by the real
 * scheduler on the real host and SQLite storage; then a SIGKILL and a restart with 1,000 reminders
 * overdue.
 *
 *   npm run bench:scheduler
 *
 * Phase 1 runs on the real clock: 10,000 meetings whose "starts in 15 minutes" reminders fall due
 * 6 ms apart over 60 s. Lateness is measured per reminder from its due instant to the moment its
 * notification write arrives in the change stream (after it is stored), against the real clock.
 * Phase 2 seeds 1,000 more meetings due a second later, SIGKILLs the host process before they fall
 * due, and restarts it with its clock an hour ahead (the fake clock stands in for an hour of
 * downtime); catch-up is the time from the restarted host's start to the last of the 1,000 being
 * stored. Duplicates: second inserts of one reminder id seen in either process, plus stored
 * documents sharing a reminder key. Missed: expected reminder ids with no document at the end.
 *
 * Goals: p99 lateness ≤ 250 ms, catch-up ≤ 2,000 ms, zero duplicates, zero missed.
 * Progress goes to stderr; ONE JSON object on the last line of stdout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { meetingColumns, meetingData } from '../tests/integration/support/meeting-documents';
import { meetingReminders } from '../src-shared/scheduler/meeting-reminders';
import type { ChildMessage, ParentMessage } from './scheduler/host-child';

const REMINDERS = 10_000;
const WINDOW_MS = 60_000;
const OVERDUE = 1_000;
const PEOPLE = 50;
const LEAD_MS = 15 * 60_000;
const DOWNTIME_MS = 3_600_000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const at = '2026-01-01T00:00:00.000Z';
const base = (id: string) => ({ id, createdAt: at, updatedAt: at, createdBy: 'bench', updatedBy: 'bench', auditId: 'bench' });

function startChild(dataDir: string, offsetMs: number) {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'scheduler', 'host-child.ts'), [dataDir, String(offsetMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const inbox: ChildMessage[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (m) => {
    inbox.push(m as ChildMessage);
    for (const w of waiters.splice(0)) w();
  });
  const next = async <T extends ChildMessage['type']>(type: T, timeoutMs = 180_000): Promise<Extract<ChildMessage, { type: T }>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = inbox.findIndex((m) => m.type === type);
      if (index >= 0) return inbox.splice(index, 1)[0] as Extract<ChildMessage, { type: T }>;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`host process: no '${type}' message`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  const send = (message: ParentMessage) => child.send(message);
  return { child, next, send };
}

function meetings(from: number, count: number, firstDueMs: number, spacingMs: number) {
  const people = Array.from({ length: PEOPLE }, (_, i) => `BP${String(i).padStart(4, '0')}`);
  const docs = Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const startsAt = new Date(firstDueMs + i * spacingMs + LEAD_MS).toISOString();
    const personId = people[n % PEOPLE]!;
    return { ...base(`BM${String(n).padStart(6, '0')}`), ...meetingColumns(startsAt, personId), title: `Bench meeting ${n}`, data: meetingData([personId]) };
  });
  const expect = docs.map((d) => {
    const [reminder] = meetingReminders({ id: d.id, title: d.title, startsAt: d.startsAt, timeZone: 'UTC', attendeeIds: [d.organiserId], isCancelled: false }, () => [LEAD_MS], new Date(0));
    return { id: reminder!.id, dueAtMs: Date.parse(reminder!.dueAt) };
  });
  return { docs, expect, people };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-scheduler-'));
try {
  // Phase 1: 10,000 reminders due within one minute, real clock.
  log(`phase 1: ${REMINDERS} reminders due within ${WINDOW_MS / 1000} s (data in ${dataDir})`);
  const first = startChild(dataDir, 0);
  await first.next('ready');
  const firstDueMs = Date.now() + 8_000;
  const phase1 = meetings(0, REMINDERS, firstDueMs, WINDOW_MS / REMINDERS);
  const people = phase1.people.map((id, i) => ({ ...base(id), kind: 'person', name: `Bench person ${i}`, email: `p${i}@bench.lab`, roles: ['member'], isActive: true, passwordHash: '' }));
  first.send({ type: 'seed', people, meetings: phase1.docs, expect: phase1.expect });
  await first.next('seeded');
  log(`  seeded; first reminder due in ${Math.round((firstDueMs - Date.now()) / 1000)} s`);
  const fired = await first.next('fired', WINDOW_MS + 120_000);
  const p99 = percentile(fired.latenessMs, 99);
  log(`  all fired: lateness p50 ${percentile(fired.latenessMs, 50)} ms, p99 ${p99} ms, max ${Math.max(...fired.latenessMs)} ms`);

  // Phase 2: 1,000 more, due a second from now; kill the host before they are due.
  const secondDueMs = Date.now() + 1_500;
  const phase2 = meetings(REMINDERS, OVERDUE, secondDueMs, 1);
  first.send({ type: 'seed', people: [], meetings: phase2.docs, expect: [] });
  await first.next('seeded');
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  log(`phase 2: SIGKILL with ${OVERDUE} reminders about to fall due; restarting with the clock ${DOWNTIME_MS / 60_000} min ahead`);
  while (Date.now() < secondDueMs + 1_000) await new Promise((resolve) => setTimeout(resolve, 100));

  const second = startChild(dataDir, DOWNTIME_MS);
  await second.next('ready');
  second.send({ type: 'expect', expect: phase2.expect });
  const caughtUp = await second.next('fired');
  log(`  caught up ${OVERDUE} overdue reminders ${Math.round(caughtUp.sinceHostStartMs)} ms after the host started`);

  // Let a moment pass for anything that would fire twice, then count.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const all = [...phase1.expect, ...phase2.expect].map((e) => e.id);
  second.send({ type: 'count', ids: all });
  const counted = await second.next('counted');
  second.send({ type: 'stop' });
  await new Promise((resolve) => second.child.once('exit', resolve));

  const result = {
    latenessMsP99: Math.round(p99),
    restartCatchUpMs: Math.round(caughtUp.sinceHostStartMs),
    duplicates: fired.insertsSeenTwice + caughtUp.insertsSeenTwice + counted.docsSharingAKey,
    missed: all.length - counted.found,
    latenessMsP50: Math.round(percentile(fired.latenessMs, 50)),
    latenessMsMax: Math.round(Math.max(...fired.latenessMs)),
    reminders: REMINDERS,
    overdue: OVERDUE,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
