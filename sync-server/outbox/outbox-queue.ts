import type { SqlClient } from '../db/sql-database';

/**
 * Queues the delivery of an outbox notification (kind `outbox`) the first time any PC pushes it.
 * Keyed by the notification id, so the same notification pushed by five PCs is delivered once.
 */
export async function enqueueOutbox(tx: SqlClient, doc: Record<string, unknown>): Promise<void> {
  if (doc.kind !== 'outbox' || doc.status !== 'pending' || doc._deleted === true || typeof doc.id !== 'string') return;
  await tx.query('INSERT INTO outbox_deliveries (notification_id) VALUES ($1) ON CONFLICT (notification_id) DO NOTHING', [doc.id]);
}
