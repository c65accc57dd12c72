import { deliverySchema, type StoredNotification } from '../../src-shared/notifications/notification-model';
import { backoffDelayMs, type BackoffPolicy } from '../../src-shared/scheduler/backoff';
import type { SqlClient, SqlDatabase } from '../db/sql-database';
import type { Logger } from '../logger';
import { lockCollections, notifyChanged, upsertDocument } from '../replication/document-store';
import type { ServerOutboxDispatcher } from './outbox-dispatcher';

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
}

interface DueRow {
  notification_id: string;
  attempts: number;
  data: StoredNotification;
  deleted: boolean;
}

/**
 * Sends the team's outbox once per notification id, however many PCs pushed it and however many
 * server processes run: each process claims due rows with `FOR UPDATE SKIP LOCKED`, so a row being
 * sent by one process is invisible to the others, and a delivered row is never picked again.
 * The outcome is written back to the notification document (status, attempts, log), which syncs
 * to every PC. Failures are retried with exponential back-off up to the delivery's `maxAttempts`.
 */
export function startOutboxWorker(options: OutboxWorkerOptions) {
  const { db, dispatcher, log, clock = () => new Date(), random = Math.random, intervalMs = 2000, batchSize = 10 } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let isStopped = false;

  async function runOnce(): Promise<number> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<DueRow>(
        `SELECT d.notification_id, d.attempts, doc.data, doc.deleted FROM outbox_deliveries d
           JOIN documents doc ON doc.collection = 'notifications' AND doc.id = d.notification_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1
          ORDER BY d.next_attempt_at LIMIT $2
          FOR UPDATE OF d SKIP LOCKED`,
        [clock().toISOString(), batchSize],
      );
      for (const row of rows) await deliverOne(tx, row);
      return rows.length;
    });
  }

  async function deliverOne(tx: SqlClient, row: DueRow) {
    const parsed = deliverySchema.safeParse(row.data.data);
    if (row.deleted || !parsed.success) {
      await tx.query("UPDATE outbox_deliveries SET status = 'failed', last_error = $2 WHERE notification_id = $1", [row.notification_id, row.deleted ? 'The notification was removed.' : 'The delivery is unreadable.']);
      return;
    }
    const delivery = parsed.data;
    const started = Date.now();
    const outcome = await dispatcher.deliver(delivery, row.data).catch((error: unknown) => ({ isOk: false, detail: error instanceof Error ? error.message : String(error), isPermanent: false }));
    const now = clock();
    const attempts = row.attempts + 1;
    const isDead = !outcome.isOk && (outcome.isPermanent === true || attempts >= delivery.maxAttempts);
    const status = outcome.isOk ? 'delivered' : isDead ? 'failed' : 'pending';
    const next = new Date(now.getTime() + (outcome.isOk || isDead ? 0 : backoffDelayMs(attempts, random(), options.backoff)));
    await tx.query(
      'UPDATE outbox_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, delivered_at = $6 WHERE notification_id = $1',
      [row.notification_id, status, attempts, next.toISOString(), outcome.isOk ? null : outcome.detail, outcome.isOk ? now.toISOString() : null],
    );
    const entry = { at: now.toISOString(), isOk: outcome.isOk, detail: outcome.detail, durationMs: Date.now() - started };
    const data = {
      ...delivery,
      attempts,
      log: [...delivery.log, entry].slice(-20),
      ...(outcome.isOk ? { deliveredAt: now.toISOString() } : { lastError: outcome.detail }),
    };
    const docStatus = outcome.isOk ? 'delivered' : isDead ? 'dead' : 'pending';
    await writeNotification(tx, { ...row.data, status: docStatus, dueAt: next.toISOString(), updatedAt: now.toISOString(), data });
    log.info({ event: 'outbox.attempt', notificationId: row.notification_id, channel: delivery.channel, status, attempts, detail: outcome.detail }, 'outbox delivery attempt');
  }

  async function writeNotification(tx: SqlClient, doc: StoredNotification) {
    await lockCollections(tx, ['notifications']);
    await upsertDocument(tx, 'notifications', doc.id, { ...doc, _deleted: false });
    await notifyChanged(tx, ['notifications']);
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
    /** Runs one pass now (tests). Returns how many deliveries were attempted. */
    runOnce,
    async stop(): Promise<void> {
      isStopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
