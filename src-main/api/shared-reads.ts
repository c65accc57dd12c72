import { performance } from 'node:perf_hooks';
import type { Result } from '../../src-shared/core/result';
import type { LabDatabase } from '../database/open-database';

/**
 * Repeated identical reads share one run. Scripts polling a list each ran the query over every
 * document (10,000 projects copied per call); now the same entry, input and person get the answer
 * of a run that began after the last write — so it is as fresh as a run of its own would be (a
 * script that wrote and then reads always sees its write) — and at most `maxAgeMs` old, which bounds
 * how late a value that changes with the clock alone (an SLA turning "at risk") can be.
 * The database's change stream is synchronous with each write (src-main/storage/sqlite/change-hub.ts),
 * so the count of writes below is exact.
 */
export interface SharedReads {
  run(key: string, read: () => Promise<Result<unknown>>): Promise<Result<unknown>>;
  stop(): void;
}

interface Entry {
  writes: number;
  startedAt: number;
  answer: Promise<Result<unknown>>;
}

export function createSharedReads(db: LabDatabase, options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {}): SharedReads {
  const { maxAgeMs = 1000, maxEntries = 200, now = () => performance.now() } = options;
  let writes = 0;
  const counting = db.eventBulks$.subscribe(() => void writes++);
  const entries = new Map<string, Entry>();
  const isFresh = (entry: Entry) => entry.writes === writes && now() - entry.startedAt <= maxAgeMs;
  return {
    run(key, read) {
      const kept = entries.get(key);
      if (kept && isFresh(kept)) return kept.answer;
      if (kept) entries.delete(key);
      const entry: Entry = { writes, startedAt: now(), answer: read() };
      // A failed read is not kept: the next call tries again.
      entry.answer.then((result) => void (!result.ok && entries.get(key) === entry && entries.delete(key)), () => void entries.delete(key));
      entries.set(key, entry);
      // The map keeps insertion order: the oldest go first.
      for (const [old, stale] of entries) {
        if (entries.size <= maxEntries && isFresh(stale)) break;
        entries.delete(old);
      }
      return entry.answer;
    },
    stop: () => counting.unsubscribe(),
  };
}
