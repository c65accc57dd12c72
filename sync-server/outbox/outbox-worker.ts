import { deliverySchema, LOG_LIMIT, type Delivery, type StoredNotification } from '../../src-shared/notifications/notification-model';
import { backoffDelayMs, type BackoffPolicy } from '../../src-shared/scheduler/backoff';
import type { SqlDatabase } from '../db/sql-database';
import type { Logger } from '../logger';
import { lockCollections, notifyChanged, readDocument, readForUpdate, upsertDocument } from '../replication/document-store';
import type { DispatchOutcome, ServerOutboxDispatcher } from './outbox-dispatcher';

export interface OutboxWorkerOptions {
  db: SqlDatabase;
  dispatcher: ServerOutboxDispatcher;
  log: Logger;
  clock?: () => Date;
  random?: () => number;
  /** How often to look for due deliveries. */
  intervalMs?: number;
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** How long a claimed delivery is held while it is sent; one whose process died mid-send is taken again after it. */
  leaseMs?: number;
  /** How long a delivery the server cannot send yet (no email settings, secret not sealed for it) waits before the next look. */
  waitMs?: number;
}

interface ClaimedRow {
  notification_id: string;
  attempts: number;
}

const CLAIM_SQL = `UPDATE outbox_deliveries d SET status = 'sending', next_attempt_at = $2
   FROM (SELECT notification_id FROM outbox_deliveries
          WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $3
          FOR UPDATE SKIP LOCKED) due
  WHERE d.notification_id = due.notification_id
  RETURNING d.notification_id, d.attempts`;

/**
 * Sends the team's outbox once per notification id, however many PCs pushed it and however many
 * server processes run. A process claims due rows in one statement (`FOR UPDATE SKIP LOCKED`, so
 * two processes never claim the same row) by marking them `sending` with a lease; it sends outside
 * any transaction — an SMTP server that takes its time never holds the database (the embedded one
 * serialises everything) — and records the outcome in a second short transaction. A process that
 * dies mid-send leaves the row `sending` until the lease ends; it is then sent again with the same
 * idempotency key (at least once on the wire, like the desktop's outbox).
 *
 * The outcome is written back to the notification document (status, attempts, log), which syncs to
 * every PC. Failures are retried with exponential back-off up to the delivery's `maxAttempts`;
 * a delivery the server cannot send yet waits without using up attempts.
 */
export function startOutboxWorker(options: OutboxWorkerOptions) {
  const { db, dispatcher, log, clock = () => new Date(), random = Math.random, intervalMs = 2000, batchSize = 10 } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const waitMs = options.waitMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let isStopped = false;

  async function runOnce(): Promise<number> {
    const now = clock();
    const { rows } = await db.query<ClaimedRow>(CLAIM_SQL, [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), batchSize]);
    await Promise.all(rows.map((row) => deliverOne(row)));
    return rows.length;
  }

  async function deliverOne(row: ClaimedRow): Promise<void> {
    const stored = await readDocument(db, 'notifications', row.notification_id);
    const parsed = stored && !stored.deleted ? deliverySchema.safeParse(stored.data.data) : null;
    if (!stored || !parsed?.success) {
      const reason = stored && !stored.deleted ? 'The delivery is unreadable.' : 'The notification was removed.';
      await db.query("UPDATE outbox_deliveries SET status = 'failed', last_error = $2 WHERE notification_id = $1", [row.notification_id, reason]);
      return;
    }
    const started = Date.now();
    const outcome: DispatchOutcome = await dispatcher
      .deliver(parsed.data, stored.data as unknown as StoredNotification)
      .catch((error: unknown) => ({ isOk: false, detail: error instanceof Error ? error.message : String(error) }));
    await record(row, outcome, Date.now() - started);
  }

  async function record(row: ClaimedRow, outcome: DispatchOutcome, durationMs: number): Promise<void> {
    const now = clock();
    const isWaiting = !outcome.isOk && outcome.isWaiting === true;
    await db.transaction(async (tx) => {
      await lockCollections(tx, ['notifications']);
      const current = (await readForUpdate(tx, 'notifications', [row.notification_id])).get(row.notification_id);
      const parsed = deliverySchema.safeParse(current?.data.data);
      if (!current || !parsed.success) return;
      const delivery = parsed.data;
      const attempts = isWaiting ? row.attempts : row.attempts + 1;
      const isDead = !outcome.isOk && !isWaiting && (outcome.isPermanent === true || attempts >= delivery.maxAttempts);
      const status = outcome.isOk ? 'delivered' : isDead ? 'failed' : 'pending';
      const delayMs = outcome.isOk || isDead ? 0 : isWaiting ? waitMs : backoffDelayMs(attempts, random(), options.backoff);
      const next = new Date(now.getTime() + delayMs);
      // Only while this process still holds the claim: after a lease ran out another process owns the row.
      const { rows: held } = await tx.query(
        `UPDATE outbox_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, delivered_at = $6
          WHERE notification_id = $1 AND status = 'sending' RETURNING notification_id`,
        [row.notification_id, status, attempts, next.toISOString(), outcome.isOk ? null : outcome.detail, outcome.isOk ? now.toISOString() : null],
      );
      if (held.length === 0) return;
      // A delivery that waits changes its document only when the reason does, so waiting does not make sync traffic.
      if (isWaiting && delivery.lastError === outcome.detail) return;
      const data: Delivery = isWaiting
        ? { ...delivery, lastError: outcome.detail }
        : {
            ...delivery,
            attempts,
            log: [...delivery.log, { at: now.toISOString(), isOk: outcome.isOk, detail: outcome.detail.slice(0, 500), durationMs }].slice(-LOG_LIMIT),
            ...(outcome.isOk ? { deliveredAt: now.toISOString() } : { lastError: outcome.detail }),
          };
      const docStatus = outcome.isOk ? 'delivered' : isDead ? 'dead' : 'pending';
      await upsertDocument(tx, 'notifications', row.notification_id, { ...current.data, status: docStatus, dueAt: next.toISOString(), updatedAt: now.toISOString(), updatedBy: 'sync-server', data, _deleted: false });
      await notifyChanged(tx, ['notifications']);
    });
    log.info({ event: isWaiting ? 'outbox.waiting' : 'outbox.attempt', notificationId: row.notification_id, isOk: outcome.isOk, detail: outcome.detail }, isWaiting ? 'outbox delivery waits' : 'outbox delivery attempt');
  }

  const tick = async () => {
    if (isStopped) return;
    try {
      running = runOnce();
      const count = await running;
      // A full batch means more may be due: go on at once.
      timer = setTimeout(() => void tick(), count === batchSize ? 0 : intervalMs);
    } catch (error) {
      log.error({ err: error }, 'outbox worker failed; retrying');
      timer = setTimeout(() => void tick(), intervalMs);
    } finally {
      running = null;
    }
  };
  timer = setTimeout(() => void tick(), 0);

  return {
    /** Runs one pass now (tests). Returns how many deliveries were claimed. */
    runOnce,
    async stop(): Promise<void> {
      isStopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
