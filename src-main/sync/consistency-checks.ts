import type { Logger } from '../logging/logger';
import type { DigestCheck } from './digest-check';

/** What Settings → Team sync shows about the consistency check. */
export interface ConsistencyTotals {
  lastCheckedAt: string | null;
  /** Documents this PC held differently from the server, found and fetched again since it joined. */
  differences: number;
}

export interface ConsistencyChecksOptions {
  log: Pick<Logger, 'info' | 'warn'>;
  clock: () => Date;
  /** Every collection is checked this often, besides after each reconnect. */
  intervalMs: number;
  /** Before a check, waits (a bounded while) for the replication to have handed over what it has. */
  awaitSettled(collection: string): Promise<void>;
  load(): Promise<ConsistencyTotals>;
  save(totals: ConsistencyTotals): Promise<void>;
  onChange(): void;
}

/** A check that found the PC behind the server is tried again this often, a few times. */
const BEHIND_RETRY_MS = 1000;
const BEHIND_RETRIES = 5;
/** Versions already counted (so one the replication keeps refusing is not counted every round). */
const MAX_REMEMBERED = 10_000;

/**
 * Runs the consistency checks (digest-check.ts) of every collection, one at a time: after each
 * reconnect of a collection's stream and every `intervalMs`. A difference is logged and counted
 * (persisted, so Settings → Team sync shows it after a restart); the replication has by then been
 * handed the server's versions. A failed check (offline) waits for the next reconnect.
 */
export function createConsistencyChecks(options: ConsistencyChecksOptions) {
  const checks = new Map<string, DigestCheck>();
  const queue = new Map<string, number>();
  const counted = new Set<string>();
  let totals: ConsistencyTotals = { lastCheckedAt: null, differences: 0 };
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let isStopped = false;

  async function runOne(name: string, attempt: number): Promise<void> {
    const check = checks.get(name);
    if (!check) return;
    await options.awaitSettled(name);
    if (isStopped) return;
    const outcome = await check.run();
    if (outcome.result === 'behind' || outcome.result === 'unavailable') {
      if (outcome.result === 'behind' && attempt < BEHIND_RETRIES) setTimeout(() => enqueue(name, attempt + 1), BEHIND_RETRY_MS).unref?.();
      return;
    }
    const fresh = [...outcome.refetched.map((r) => `${name}/${r.id}/${r.hash}`), ...outcome.onlyHere.map((id) => `${name}/${id}/only-here`)].filter((key) => !counted.has(key));
    for (const key of fresh) counted.add(key);
    if (counted.size > MAX_REMEMBERED) counted.clear();
    if (outcome.result === 'differed') {
      options.log.warn('sync check found documents that differ from the server', {
        collection: name,
        refetched: outcome.refetched.length,
        onlyHere: outcome.onlyHere.length,
        ids: [...outcome.refetched.map((r) => r.id), ...outcome.onlyHere].slice(0, 10),
      });
    }
    totals = { lastCheckedAt: options.clock().toISOString(), differences: totals.differences + fresh.length };
    await options.save(totals);
    options.onChange();
  }

  function enqueue(name: string, attempt = 0): void {
    if (isStopped || !checks.has(name)) return;
    queue.set(name, Math.max(attempt, queue.get(name) ?? 0));
    running ??= (async () => {
      while (queue.size > 0 && !isStopped) {
        const [next, tries] = queue.entries().next().value as [string, number];
        queue.delete(next);
        await runOne(next, tries).catch(() => undefined);
      }
      running = null;
    })();
  }

  return {
    async open(): Promise<void> {
      totals = await options.load();
    },
    add(name: string, check: DigestCheck): void {
      checks.set(name, check);
    },
    /** Checks `name` soon (its stream has just reconnected). */
    request: (name: string) => enqueue(name),
    totals: (): ConsistencyTotals => totals,
    start(): void {
      isStopped = false;
      timer ??= setInterval(() => {
        for (const name of checks.keys()) enqueue(name);
      }, options.intervalMs);
      timer.unref?.();
    },
    /** Stops checking (team sync stopped); a check in progress finishes. */
    async stop(): Promise<void> {
      isStopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      queue.clear();
      checks.clear();
      await running;
    },
  };
}

export type ConsistencyChecks = ReturnType<typeof createConsistencyChecks>;
