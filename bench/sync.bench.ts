/**
 * Sync benchmark: the sync server (its own process, like in production), PostgreSQL (a throwaway
 * cluster; PGlite when the PostgreSQL binaries are missing) and clients, all on loopback.
 *
 *   npm run bench:sync                (BENCH_CONCURRENT_SECONDS=n shortens the 30 s write phase)
 *
 * - initialPullDocsPerSecond: a fresh PC pulling a collection of 10k / 100k documents by
 *   checkpoint (RxDB's pull protocol, pages of 1000) over HTTP, parsing every page.
 * - liveP50Ms / liveP95Ms: 1,000 single-document pushes by one client, each timed from the start
 *   of the push to its arrival on another client's live SSE stream.
 * - concurrentClients: 20 clients, each with its own account, pushing 5-document batches for 30 s;
 *   writesPerSecond counts documents accepted, errors counts failed requests and refused rows.
 *
 * - storm (sync-storm.ts): 2 PCs × 1,000 offline edits on 200 shared tasks, a second person on one
 *   PC: edits, convergeMs, divergentDocs, silentLosses (BENCH_STORM_EDITS, BENCH_STORM_TASKS).
 *
 * - firstSyncDocsPerSecond / firstSyncPeakRssMb (sync-first-sync.ts, issue 19 item 9): a new PC
 *   (a real host in its own process on LabFlow's SQLite storage) joining a server that holds 10k /
 *   100k mixed documents, until it holds all of them; its memory peak at 100k. With CPU times
 *   and the load average beside them in `firstSync` (BENCH_FIRST_SYNC_ONLY=1 runs only this part).
 *
 * Goals: initial pull ≥ 10,000 docs/s; first sync ≥ 10,000 docs/s with peak RSS ≤ 400 MB; live p95 ≤ 100 ms; 20 clients for 30 s with zero errors;
 * the storm converges ≤ 5,000 ms after the network is back with 0 divergent documents and 0 silent
 * losses. Prints progress to stderr and ONE JSON object on the last line of stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../sync-server/auth/passwords';
import { openPgDatabase } from '../sync-server/db/pg-database';
import type { SessionTokens } from '../src-shared/sync/protocol';
import { postgresUnavailableReason, startPostgresCluster } from '../tests/integration/sync/support/postgres-cluster';
import { startSyncServer } from '../tests/e2e/support/sync-server';
import { firstSyncBenchmark, type FirstSyncResult } from './sync-first-sync';
import { stormBenchmark } from './sync-storm';

const log = (message: string) => process.stderr.write(message + '\n');
const CONCURRENT_SECONDS = Number(process.env.BENCH_CONCURRENT_SECONDS ?? 30);
const CLIENTS = 20;
const LIVE_WRITES = 1000;
const STORM_EDITS = Number(process.env.BENCH_STORM_EDITS ?? 1000);
const STORM_TASKS = Number(process.env.BENCH_STORM_TASKS ?? 200);
const FIRST_SYNC_ONLY = process.env.BENCH_FIRST_SYNC_ONLY === '1';
const at = new Date().toISOString();
const base = (id: string, by = 'bench') => ({ id, createdAt: at, updatedAt: at, createdBy: by, updatedBy: by, auditId: '' });

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

type Cluster = Awaited<ReturnType<typeof startPostgresCluster>>;

/** A database of its own on the cluster for a part of the benchmark; undefined without a cluster (that part uses PGlite). */
async function ownDatabase(cluster: Cluster | null, name: string): Promise<string | undefined> {
  if (!cluster) return undefined;
  const admin = await openPgDatabase(cluster.url);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  return cluster.url.replace(/\/postgres$/, `/${name}`);
}

/** The first sync of a new PC at 10k and 100k (its own database on the cluster; in-memory PGlite without one). */
async function firstSync(cluster: Cluster | null) {
  const databaseUrl = await ownDatabase(cluster, 'first_sync');
  const { small, large } = await firstSyncBenchmark({ databaseUrl, small: 10_000, large: 100_000, log });
  const figures = (r: FirstSyncResult) => ({ documents: r.documents, docsPerSecond: r.docsPerSecond, storedMs: r.storedMs, upToDateMs: r.upToDateMs, hostCpuMs: r.hostCpuMs, serverCpuMs: r.serverCpuMs, cpuDocsPerSecond: Math.round(r.documents / (r.hostCpuMs / 1000)), peakRssMb: r.peakRssMb, loadAverage: r.loadAverage });
  return {
    firstSyncDocsPerSecond: { '10k': small.docsPerSecond, '100k': large.docsPerSecond },
    firstSyncPeakRssMb: large.peakRssMb,
    firstSync: { '10k': figures(small), '100k': figures(large) },
  };
}

async function main() {
  const reason = postgresUnavailableReason();
  const cluster = reason ? null : await startPostgresCluster();
  if (FIRST_SYNC_ONLY) {
    try {
      const result = await firstSync(cluster);
      log(`goals met: first sync ${result.firstSyncDocsPerSecond['10k'] >= 10_000 && result.firstSyncDocsPerSecond['100k'] >= 10_000}, memory ${result.firstSyncPeakRssMb <= 400}`);
      console.log(JSON.stringify(result));
    } finally {
      await cluster?.stop();
    }
    return;
  }
  const pgliteDir = reason ? mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-sync-')) : null;
  log(cluster ? 'PostgreSQL: throwaway cluster' : `PostgreSQL binaries missing (${reason}); using PGlite`);
  const server = await startSyncServer(cluster ? { databaseUrl: cluster.url } : { dataDir: pgliteDir! });
  log(`sync server at ${server.url}`);
  try {
    const post = (p: string, body: unknown, token?: string) =>
      fetch(server.url + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const admin = await json<SessionTokens>(await post('/auth/setup', { setupToken: server.setupToken, name: 'Bench Admin', email: 'admin@bench.lab', password: 'bench admin password' }));

    // Accounts for the concurrent writers, created the way an admin PC does: a pushed person with a hash.
    const hash = await hashPassword('bench client password');
    const people = Array.from({ length: CLIENTS + 1 }, (_, i) => ({ ...base(`BENCH-P${i}`), kind: 'person', name: `Client ${i}`, email: `client${i}@bench.lab`, roles: ['member'], isActive: true, passwordHash: hash, _deleted: false }));
    await json(await post('/sync/v2/people/push', { rows: people.map((p) => ({ newDocumentState: p })) }, admin.accessToken));
    const clients = await Promise.all(people.map(async (p) => json<SessionTokens>(await post('/auth/sign-in', { email: p.email, password: 'bench client password' }))));

    // Seed 10k and 100k documents straight into the table (loading is not what is measured).
    const db = cluster ? await openPgDatabase(cluster.url) : null;
    if (db) {
      const seed = async (collection: string, count: number) => {
        await db.query(
          `INSERT INTO documents (collection, id, seq, deleted, data)
           SELECT $1, 'B' || lpad(g::text, 7, '0'), nextval('document_seq'), false,
                  jsonb_build_object('id', 'B' || lpad(g::text, 7, '0'), 'projectId', 'P1', 'code', 'B' || g, 'name', 'Benchmark item ' || g, 'title', 'Benchmark item ' || g,
                    'status', 'planned', 'isArchived', false, 'kanbanRank', lpad(g::text, 7, '0'), 'createdAt', $3::text, 'updatedAt', $3::text, 'createdBy', 'bench', 'updatedBy', 'bench', 'auditId', '')
             FROM generate_series(1, $2) AS g`,
          [collection, count, at],
        );
      };
      await seed('projects', 10_000);
      await seed('tasks', 100_000);
      // Statistics as autovacuum would have them after the documents arrived over time.
      await db.query('ANALYZE documents');
      await db.close();
    } else {
      // PGlite allows one process: seed through the API instead.
      for (const [collection, count] of [['projects', 10_000], ['tasks', 100_000]] as const) {
        for (let start = 0; start < count; start += 200) {
          const rows = Array.from({ length: Math.min(200, count - start) }, (_, i) => {
            const id = `B${String(start + i + 1).padStart(7, '0')}`;
            return { newDocumentState: { ...base(id), projectId: 'P1', code: id, name: id, title: id, status: 'planned', isArchived: false, kanbanRank: id, _deleted: false } };
          });
          await json(await post(`/sync/v2/${collection}/push`, { rows }, admin.accessToken));
        }
      }
    }
    log('seeded 10k projects and 100k tasks');

    // Initial pull.
    const initialPull = async (collection: string) => {
      const started = performance.now();
      let checkpoint: { seq: number; id: string; scope: string } | null = null;
      let total = 0;
      for (;;) {
        const query = new URLSearchParams({ limit: '1000', ...(checkpoint ? { seq: String(checkpoint.seq), id: checkpoint.id, scope: checkpoint.scope } : {}) });
        const page: { documents: unknown[]; checkpoint: { seq: number; id: string; scope: string } | null } = await json(await fetch(`${server.url}/sync/v2/${collection}/pull?${query}`, { headers: { authorization: `Bearer ${clients[0]!.accessToken}` } }));
        total += page.documents.length;
        checkpoint = page.checkpoint ?? checkpoint;
        if (page.documents.length < 1000) break;
      }
      const seconds = (performance.now() - started) / 1000;
      log(`initial pull of ${collection}: ${total} docs in ${seconds.toFixed(2)} s`);
      return Math.round(total / seconds);
    };
    const pull10k = await initialPull('projects');
    const pull100k = await initialPull('tasks');

    // Live latency: pushes by one client, arrivals on another client's stream.
    const arrivals = new Map<string, number>();
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/sync/v2/meetings/stream`, { headers: { authorization: `Bearer ${clients[1]!.accessToken}` }, signal: controller.signal });
    const reading = (async () => {
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          if (data) for (const doc of (JSON.parse(data.slice(6)) as { documents: { id: string }[] }).documents) arrivals.set(doc.id, performance.now());
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const latencies: number[] = [];
    for (let i = 0; i < LIVE_WRITES; i++) {
      const id = `LIVE${String(i).padStart(5, '0')}`;
      const sent = performance.now();
      await json(await post('/sync/v2/meetings/push', { rows: [{ newDocumentState: { ...base(id), title: `Meeting ${i}`, startsAt: at, data: {}, _deleted: false } }] }, clients[0]!.accessToken));
      const deadline = sent + 5000;
      while (!arrivals.has(id) && performance.now() < deadline) await new Promise((r) => setImmediate(r));
      latencies.push((arrivals.get(id) ?? deadline) - sent);
    }
    controller.abort();
    await reading;
    latencies.sort((x, y) => x - y);
    const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
    log(`live: p50 ${percentile(50)} ms, p95 ${percentile(95)} ms over ${latencies.length} writes`);

    // 20 concurrent writers.
    let written = 0;
    let errors = 0;
    const endAt = performance.now() + CONCURRENT_SECONDS * 1000;
    await Promise.all(clients.slice(1, CLIENTS + 1).map(async (client, c) => {
      for (let n = 0; performance.now() < endAt; n++) {
        const rows = Array.from({ length: 5 }, (_, i) => {
          const id = `C${String(c).padStart(2, '0')}-${String(n).padStart(6, '0')}-${i}`;
          return { newDocumentState: { ...base(id, people[c + 1]!.id), kind: 'comment', subjectType: 'projects', subjectId: 'B0000001', at, data: { text: `Comment ${n}` }, _deleted: false } };
        });
        try {
          const result = await json<{ refused: unknown[]; conflicts: unknown[] }>(await post('/sync/v2/activity/push', { rows }, client.accessToken));
          errors += result.refused.length;
          written += rows.length - result.refused.length - result.conflicts.length;
        } catch (error) {
          errors++;
          log(`client ${c}: ${String(error)}`);
        }
      }
    }));
    const writesPerSecond = Math.round(written / CONCURRENT_SECONDS);
    log(`concurrent: ${CLIENTS} clients, ${written} documents in ${CONCURRENT_SECONDS} s, ${errors} errors`);

    // The storm's server gets a database of its own on the cluster (PGlite without one).
    const stormDatabaseUrl = await ownDatabase(cluster, 'storm');
    const storm = await stormBenchmark({ tasks: STORM_TASKS, editsPerPc: STORM_EDITS, databaseUrl: stormDatabaseUrl, log });
    const first = await firstSync(cluster);

    const result = {
      initialPullDocsPerSecond: { '10k': pull10k, '100k': pull100k },
      liveP50Ms: percentile(50),
      liveP95Ms: percentile(95),
      concurrentClients: { clients: CLIENTS, writesPerSecond, errors },
      storm,
      ...first,
    };
    const goals = [
      result.initialPullDocsPerSecond['10k'] >= 10_000 && result.initialPullDocsPerSecond['100k'] >= 10_000,
      result.liveP95Ms <= 100,
      errors === 0,
      storm.convergeMs <= 5000 && storm.divergentDocs === 0 && storm.silentLosses === 0,
      first.firstSyncDocsPerSecond['10k'] >= 10_000 && first.firstSyncDocsPerSecond['100k'] >= 10_000 && first.firstSyncPeakRssMb <= 400,
    ];
    log(`goals met: initial pull ${goals[0]}, live p95 ${goals[1]}, concurrent without errors ${goals[2]}, storm ${goals[3]}, first sync ${goals[4]}`);
    console.log(JSON.stringify(result));
  } finally {
    await server.stop();
    await cluster?.stop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
