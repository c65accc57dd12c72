/**
 * Storage benchmark: RxDB's own runPerformanceTests() on our SQLite storage and on RxDB's memory
 * storage in the same process (ratios ours/memory, so machine speed cancels out), then open time
 * and an indexed 50-result query on 10,000 and 100,000 documents on our storage.
 *
 *   npm run bench:storage            (BENCH_RUNS=n to change the number of runs, default 20)
 *
 * The storages take turns in rounds and each metric keeps its best run (runPerformanceTests
 * itself averages only the fastest 5 % of its runs), so a busy machine hurts both sides alike.
 * "uncached" is our storage with its parsed-document cache off: every read parses JSON, as right
 * after an app start. The scale part also runs uncached, i.e. cold.
 *
 * Prints progress to stderr and ONE JSON object on the last line of stdout.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from '../src-main/storage/sqlite/sqlite-storage';

import { runPerformanceTests } from 'rxdb/plugins/test-utils';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const GOALS: Record<string, number> = {
  'time-to-first-insert': 4,
  'insert-documents-500': 18,
  'find-by-ids-3000': 4,
  'serial-inserts-50': 6.5,
  'serial-find-by-id-50': 4.5,
  'find-by-query': 6.5,
  'find-by-query-parallel-4': 5,
  '4x-count': 6.5,
};
const log = (message: string) => process.stderr.write(message + '\n');

type Timings = Record<string, number>;

const ROUNDS = 4;

async function rxdbPerformance(storage: RxStorage<unknown, unknown>, label: string, runs: number): Promise<Timings> {
  log(`runPerformanceTests(${label}), ${runs} runs …`);
  const result = await runPerformanceTests(storage, label, { runs, waitBetweenTests: 20, log: false });
  const timings: Timings = {};
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === 'number' && key !== 'collectionsAmount' && key !== 'docsAmount') timings[key] = value;
  }
  return timings;
}

function best(into: Timings, from: Timings): void {
  for (const [key, value] of Object.entries(from)) into[key] = Math.min(into[key] ?? Infinity, value);
}

function ratiosOf(ours: Timings, memory: Timings): Record<string, number> {
  const ratios: Record<string, number> = {};
  for (const key of Object.keys(ours)) {
    const mem = memory[key];
    if (mem !== undefined && mem > 0) ratios[key] = round(ours[key]! / mem);
  }
  return ratios;
}

type ScaleDoc = { id: string; status: string; priority: number; title: string; createdAt: string };
const scaleSchema: RxJsonSchema<ScaleDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    status: { type: 'string', maxLength: 20 },
    priority: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 1 },
    title: { type: 'string' },
    createdAt: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'status', 'priority', 'title', 'createdAt'],
  indexes: [['status', 'createdAt'], 'priority'],
};
const STATUSES = ['open', 'active', 'review', 'done', 'archived'];

async function openScaleDb(directory: string): Promise<{ db: RxDatabase; items: RxCollection<ScaleDoc> }> {
  const storage = getRxStorageSqlite({ directory, documentCacheSize: 0 });
  const db = await createRxDatabase({ name: 'scale', storage, multiInstance: false });
  const { items } = await db.addCollections({ items: { schema: scaleSchema } });
  return { db, items: items as RxCollection<ScaleDoc> };
}

async function scale(count: number): Promise<Timings> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-'));
  try {
    log(`scale: inserting ${count} documents …`);
    const filled = await openScaleDb(directory);
    const start = performance.now();
    for (let offset = 0; offset < count; offset += 5000) {
      const batch: ScaleDoc[] = [];
      for (let i = offset; i < Math.min(count, offset + 5000); i++) {
        const n = String(i).padStart(8, '0');
        batch.push({
          id: 'doc' + n,
          status: STATUSES[i % STATUSES.length]!,
          priority: i % 100,
          title: `Task ${n} with a title of realistic length for a laboratory`,
          createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        });
      }
      await filled.items.bulkInsert(batch);
    }
    const insertMs = performance.now() - start;
    await filled.db.close();

    const openStart = performance.now();
    const reopened = await openScaleDb(directory);
    const openMs = performance.now() - openStart;
    // Different statuses each time so RxDB's query cache cannot answer; the first one is cold.
    const queryTimes: number[] = [];
    for (const status of STATUSES) {
      const t0 = performance.now();
      const docs = await reopened.items.find({ selector: { status }, sort: [{ createdAt: 'desc' }], limit: 50 }).exec();
      queryTimes.push(performance.now() - t0);
      if (docs.length !== 50) throw new Error(`expected 50 results, got ${docs.length}`);
    }
    await reopened.db.close();
    const fileBytes = statSync(path.join(directory, 'scale.sqlite')).size;
    return {
      'insert-all-ms': round(insertMs),
      'open-ms': round(openMs),
      'indexed-query-50-first-ms': round(queryTimes[0]!),
      'indexed-query-50-avg-ms': round(queryTimes.reduce((a, b) => a + b, 0) / queryTimes.length),
      'file-mb': round(fileBytes / 1e6),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-'));
try {
  const memory: Timings = {};
  const ours: Timings = {};
  const uncached: Timings = {};
  const runsPerRound = Math.max(1, Math.ceil(RUNS / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    best(memory, await rxdbPerformance(getRxStorageMemory() as RxStorage<unknown, unknown>, 'memory', runsPerRound));
    best(ours, await rxdbPerformance(getRxStorageSqlite({ directory }) as RxStorage<unknown, unknown>, 'labflow-sqlite', runsPerRound));
    const cold = getRxStorageSqlite({ directory, documentCacheSize: 0 }) as RxStorage<unknown, unknown>;
    best(uncached, await rxdbPerformance(cold, 'labflow-sqlite-uncached', runsPerRound));
  }
  for (const timings of [memory, ours, uncached]) for (const key of Object.keys(timings)) timings[key] = round(timings[key]!);
  const ratios = ratiosOf(ours, memory);
  const misses: Record<string, string> = {};
  for (const [key, goal] of Object.entries(GOALS)) {
    if ((ratios[key] ?? Infinity) > goal) misses[key] = `${ratios[key]} > ${goal}`;
  }
  const scaleResult = { '10000': await scale(10_000), '100000': await scale(100_000) };
  const uncachedResult = { ratios: ratiosOf(uncached, memory), ours: uncached };
  console.log(
    JSON.stringify({ ratios, ours, memory, scale: scaleResult, uncached: uncachedResult, goals: GOALS, misses, runs: RUNS }),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
