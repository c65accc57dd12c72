import type { SqlClient } from '../db/sql-database';

const CHANNEL_SETTINGS_KINDS: ReadonlySet<unknown> = new Set(['email_settings', 'webhook_subscription']);

/**
 * Queues the delivery of an outbox notification (kind `outbox`) the first time any PC pushes it.
 * Keyed by the notification id, so the same notification pushed by five PCs is delivered once.
 * An administrator's "send again" (the document back to `pending` with no attempts) queues a
 * delivered or failed one anew. New channel settings (a corrected password, a secret sealed for
 * the server) may be what waiting deliveries lacked: every pending one is looked at again now.
 */
export async function enqueueOutbox(tx: SqlClient, doc: Record<string, unknown>): Promise<void> {
  if (doc._deleted === true) return;
  if (CHANNEL_SETTINGS_KINDS.has(doc.kind)) {
    await tx.query("UPDATE outbox_deliveries SET next_attempt_at = now() WHERE status = 'pending' AND next_attempt_at > now()");
    return;
  }
  if (doc.kind !== 'outbox' || doc.status !== 'pending' || typeof doc.id !== 'string') return;
  const isSendAgain = (doc.data as { attempts?: unknown } | undefined)?.attempts === 0;
  await tx.query(
    isSendAgain
      ? `INSERT INTO outbox_deliveries (notification_id) VALUES ($1) ON CONFLICT (notification_id) DO UPDATE
           SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL, delivered_at = NULL
         WHERE outbox_deliveries.status IN ('delivered', 'failed')`
      : 'INSERT INTO outbox_deliveries (notification_id) VALUES ($1) ON CONFLICT (notification_id) DO NOTHING',
    [doc.id],
  );
}
