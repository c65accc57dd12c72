import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_BATCH_SIZE as BATCH_SIZE, createProjectsInstance, makeTempDir, sqliteStorage } from './storage-fixtures';
import type { TempDir } from './storage-fixtures';

/**
 * Durability under SIGKILL: a child process writes batches and prints each acknowledged one;
 * we kill it at a random moment, 20 times, and after every kill check on the real file that
 * every acknowledged batch is there, no batch is half there, and SQLite's integrity check passes.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const writer = path.join(here, 'crash-writer.ts');
const KILLS = 20;

type Run = { acked: number[]; stderr: string };

type KillPlan = { afterAcks: number; extraDelayMs: number };

/**
 * Starts the writer and SIGKILLs it once it acknowledged `afterAcks` batches (0: once it is
 * ready) plus a random few milliseconds, so the kill lands anywhere in a batch. Counting acks
 * instead of wall time keeps the test meaningful on a slow or busy machine.
 */
function runAndKill(directory: string, firstBatch: number, plan: KillPlan): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, directory, String(firstBatch)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const scheduleKill = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), plan.extraDelayMs);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          if (plan.afterAcks === 0) scheduleKill();
        } else if (line) {
          acked.push(Number(line));
          if (acked.length >= plan.afterAcks) scheduleKill();
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve({ acked, stderr });
    });
  });
}

let temp: TempDir;

beforeAll(() => {
  temp = makeTempDir('labflow-crash-');
});

afterAll(() => temp.cleanup());

describe('crash safety', () => {
  it(`keeps every acknowledged batch and never half a batch across ${KILLS} SIGKILLs`, async () => {
    const storage = sqliteStorage(temp.dir);
    const file = storage.filePathOf('crash');
    let nextBatch = 0;
    let totalAcked = 0;
    for (let round = 0; round < KILLS; round++) {
      // Mostly mid-stream kills; every fourth one lands right after start-up, before or during the first writes.
      const plan = {
        afterAcks: round % 4 === 3 ? 0 : 1 + Math.floor(Math.random() * 40),
        extraDelayMs: Math.random() * 4,
      };
      const { acked } = await runAndKill(temp.dir, nextBatch, plan);
      totalAcked += acked.length;

      // Which batches are in the file, read with a plain connection (the storage is not open).
      const check = new Database(file, { readonly: true });
      const counts = new Map<number, number>();
      for (const id of check.prepare('SELECT id FROM rx_projects_v0 WHERE id LIKE ?').pluck().all('b%') as string[]) {
        const batch = Number(id.slice(1, id.indexOf('-')));
        counts.set(batch, (counts.get(batch) ?? 0) + 1);
      }
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();

      for (const [batch, count] of counts) expect(count, `batch ${batch} is half written`).toBe(BATCH_SIZE);
      for (const batch of acked) expect(counts.get(batch), `acknowledged batch ${batch} is lost`).toBe(BATCH_SIZE);
      const present = [...counts.keys()];
      const highest = present.length > 0 ? Math.max(...present) : -1;
      expect(present.length, 'batches are contiguous').toBe(highest + 1);

      // Through the storage itself: the counter moved in the same transaction as its batch.
      const instance = await createProjectsInstance(storage, 'crash');
      const [counter] = await instance.findDocumentsById(['counter'], false);
      expect(counter ? Number(counter.name) : -1).toBe(highest);
      const lastAcked = acked.at(-1);
      if (lastAcked !== undefined) {
        const docs = await instance.findDocumentsById(
          Array.from({ length: BATCH_SIZE }, (_, i) => `b${lastAcked}-${i}`),
          false,
        );
        expect(docs).toHaveLength(BATCH_SIZE);
      }
      await instance.close();
      nextBatch = highest + 1;
    }
    // The kills must really have interrupted writing, not only start-up.
    expect(totalAcked).toBeGreaterThan(KILLS);
  }, 120_000);
});
