/**
 * The first-sync part of `bench:sync` (issue 19 item 9): a new PC joining a team whose server
 * already holds N mixed documents (projects, tasks, milestones, comments). A real sync server (in
 * the bench process, on its own database of the benchmark's PostgreSQL cluster, PGlite without
 * one) and a fresh desktop host in its own process on LabFlow's SQLite storage: an administrator
 * created on the PC, `sync/connect`, then pulled until the PC holds every document and says
 * "Up to date".
 *
 * - docsPerSecond: documents ÷ time from `sync/connect` to the PC's database holding all of them
 *   (counted in the PC every 50 ms).
 * - upToDateMs: until the PC's status says "Up to date" (it waits for a quiet second by design).
 * - peakRssMb: the host process's high-water mark of resident memory (VmHWM), start included.
 * - hostCpuMs / serverCpuMs: CPU time of the host process and of the bench process (the server)
 *   over the sync: on a loaded machine wall clock mostly measures the wait for a core.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { issueSetupToken } from '../sync-server/auth/bootstrap';
import type { SyncStatusView } from '../src-shared/sync/sync-status';
import { tempDataDir } from '../tests/integration/support/sqlite-host';
import { startDesktop, type Desktop } from '../tests/integration/sync/support/desktop-driver';
import { mixOf, seedMixedDocuments } from '../tests/integration/sync/support/mixed-documents';
import { openTestDatabase, startTestServer, type TestServer } from '../tests/integration/sync/support/test-server';
import { waitUntil } from '../tests/integration/sync/support/wait';

const ADMIN = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };

export interface FirstSyncResult {
  documents: number;
  docsPerSecond: number;
  storedMs: number;
  upToDateMs: number;
  peakRssMb: number;
  hostCpuMs: number;
  serverCpuMs: number;
  loadAverage: string;
}

/** Resident memory high-water mark and CPU time of a process, from /proc (Linux). */
function processFigures(pid: number): { peakRssMb: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of stat (after the parenthesised name): user and system time in clock ticks (100 per second).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { peakRssMb: Math.round(hwmKb / 1024), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

async function statusOf(desktop: Desktop): Promise<SyncStatusView> {
  const result = await desktop.query<SyncStatusView>('sync/status');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A fresh PC joins the team on `server` and pulls everything; `expected` is what the server holds per collection. */
export async function measureFirstSync(server: TestServer, expected: Record<string, number>, isFirstPc: boolean, timeoutMs: number): Promise<FirstSyncResult> {
  const desktop = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
  try {
    const created = await desktop.call('auth/create-administrator', ADMIN);
    if (!created.ok) throw new Error(`administrator on the PC: ${created.error.message}`);
    const join = isFirstPc ? { ...ADMIN, setupToken: await issueSetupToken(server.db) } : { email: ADMIN.email, password: ADMIN.password };
    const documents = Object.values(expected).reduce((a, b) => a + b, 0);
    const hostBefore = processFigures(desktop.pid);
    const serverBefore = process.cpuUsage();
    const started = performance.now();
    const connected = await desktop.call('sync/connect', { serverUrl: server.url, ...join });
    if (!connected.ok) throw new Error(`the PC joins: ${connected.error.message}`);
    let storedMs = 0;
    let upToDateMs = 0;
    await waitUntil(async () => {
      if (!storedMs) {
        const counts = await Promise.all(Object.entries(expected).map(async ([collection, count]) => (await desktop.count(collection)) >= count));
        if (counts.every(Boolean)) storedMs = performance.now() - started;
      }
      if (storedMs && (await statusOf(desktop)).phase === 'up_to_date') upToDateMs = performance.now() - started;
      return upToDateMs > 0;
    }, `${documents} documents on the new PC and "Up to date"`, timeoutMs);
    const hostAfter = processFigures(desktop.pid);
    const serverCpu = process.cpuUsage(serverBefore);
    return {
      documents,
      docsPerSecond: Math.round(documents / (storedMs / 1000)),
      storedMs: Math.round(storedMs),
      upToDateMs: Math.round(upToDateMs),
      peakRssMb: hostAfter.peakRssMb,
      hostCpuMs: hostAfter.cpuMs - hostBefore.cpuMs,
      serverCpuMs: Math.round((serverCpu.user + serverCpu.system) / 1000),
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    };
  } finally {
    await desktop.close();
  }
}

/** Both sizes of issue 19 item 9 on one server: 10,000 mixed documents, then 90,000 more for a second new PC. */
export async function firstSyncBenchmark(options: { databaseUrl?: string | undefined; small: number; large: number; log: (message: string) => void }) {
  const db = await openTestDatabase(options.databaseUrl);
  const server = await startTestServer({ db, listen: true });
  try {
    const none = { projects: 0, plan_items: 0, tasks: 0, activity: 0 };
    const small = mixOf(options.small);
    await seedMixedDocuments(db, small, none);
    options.log(`first sync: seeded ${options.small} mixed documents ${JSON.stringify(small)}`);
    const first = await measureFirstSync(server, small, true, 600_000);
    options.log(`first sync of ${first.documents}: ${JSON.stringify(first)}`);
    const large = mixOf(options.large);
    const more = Object.fromEntries(Object.entries(large).map(([k, v]) => [k, v - small[k as keyof typeof small]])) as typeof large;
    await seedMixedDocuments(db, more, small);
    options.log(`first sync: seeded up to ${options.large} mixed documents ${JSON.stringify(large)}`);
    // The first PC pushed its administrator and audit entries: the server's people and audit are not counted.
    const second = await measureFirstSync(server, large, false, 1_200_000);
    options.log(`first sync of ${second.documents}: ${JSON.stringify(second)}`);
    return { small: first, large: second };
  } finally {
    await server.close();
  }
}
