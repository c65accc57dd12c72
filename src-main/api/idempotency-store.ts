import { createHash } from 'node:crypto';
import type { LabDatabase } from '../database/open-database';

/**
 * `Idempotency-Key` on POST: the first answer to a key is kept for a day, and a retry with the same
 * key (same token, same route) gets that answer again instead of acting twice — a network cut after
 * the host acted no longer makes a second order. A retry with another body is refused; one that
 * arrives while the first still runs waits for it. Answers are local documents of this host
 * (one per key, plus an index of their expiries for clearing old ones), so they survive a restart.
 */
export interface KeptAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface KeptEntry {
  requestHash: string;
  answer: KeptAnswer;
  expiresAt: string;
}

const INDEX_KEY = 'api-idempotency';
const KEEP_MS = 24 * 3_600_000;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export type Remembered = { kind: 'new' } | { kind: 'replay'; answer: KeptAnswer } | { kind: 'mismatch' };

type Outcome = Remembered | { kind: 'done'; answer: KeptAnswer };

export function createIdempotencyStore(db: LabDatabase, clock: () => Date) {
  const running = new Map<string, { requestHash: string; outcome: Promise<Outcome> }>();
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(change: () => Promise<T>): Promise<T> => {
    const result = turn.then(change, change);
    turn = result.catch(() => undefined);
    return result;
  };

  const docKey = (scope: string, key: string) => `api-idem-${sha(`${scope}\n${key}`).slice(0, 40)}`;

  async function lookup(id: string, requestHash: string): Promise<Remembered> {
    const doc = await db.getLocal<KeptEntry>(id);
    const entry = doc?.toJSON().data as KeptEntry | undefined;
    if (!entry || entry.expiresAt <= clock().toISOString()) return { kind: 'new' };
    return entry.requestHash === requestHash ? { kind: 'replay', answer: entry.answer } : { kind: 'mismatch' };
  }

  const keep = (id: string, entry: KeptEntry) =>
    exclusive(async () => {
      const now = clock().toISOString();
      const index = ((await db.getLocal<{ entries: { id: string; expiresAt: string }[] }>(INDEX_KEY))?.toJSON().data.entries ?? []).filter((e) => e.id !== id);
      const [expired, live] = [index.filter((e) => e.expiresAt <= now), index.filter((e) => e.expiresAt > now)];
      for (const old of expired) await (await db.getLocal(old.id))?.remove();
      await db.upsertLocal<KeptEntry>(id, entry);
      await db.upsertLocal(INDEX_KEY, { entries: [...live, { id, expiresAt: entry.expiresAt }] });
    });

  async function work(id: string, requestHash: string, act: () => Promise<KeptAnswer>, isKept: (answer: KeptAnswer) => boolean): Promise<Outcome> {
    const known = await lookup(id, requestHash);
    if (known.kind !== 'new') return known;
    const answer = await act();
    if (isKept(answer)) await keep(id, { requestHash, answer, expiresAt: new Date(clock().getTime() + KEEP_MS).toISOString() });
    return { kind: 'done', answer };
  }

  return {
    /**
     * Runs `act` once per key: a retry gets the kept answer, one arriving while the first runs waits
     * for it. `isKept` decides which answers are kept (not server failures, which a retry should redo).
     */
    async once(scope: string, key: string, request: unknown, act: () => Promise<KeptAnswer>, isKept: (answer: KeptAnswer) => boolean): Promise<Outcome> {
      const id = docKey(scope, key);
      const requestHash = sha(JSON.stringify(request) ?? '');
      const inFlight = running.get(id);
      if (inFlight) {
        if (inFlight.requestHash !== requestHash) return { kind: 'mismatch' };
        const first = await inFlight.outcome;
        return first.kind === 'done' || first.kind === 'replay' ? { kind: 'replay', answer: first.answer } : first;
      }
      const outcome = work(id, requestHash, act, isKept);
      running.set(id, { requestHash, outcome });
      try {
        return await outcome;
      } finally {
        running.delete(id);
      }
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
