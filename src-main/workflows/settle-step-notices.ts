import type { StoredNotification } from '../../src-shared/notifications/notification-model';
import { isSettledBy } from '../../src-shared/workflows/step-notices';
import type { HostServices } from '../host/handler-types';

/**
 * Marks read the unread "Waiting for you" and SLA entries of steps that have ended, so the badge
 * counts only what still waits for someone. Like reading, this is not a change to the lab's
 * records and is not audited (notification-handlers.ts `setRead`). Runs inside the write queue,
 * right after the workflow change that ended the steps. Returns how many entries it settled.
 */
export async function settleStepNotices(services: Pick<HostServices, 'db' | 'clock'>, endedTokens: readonly string[]): Promise<number> {
  if (endedTokens.length === 0) return 0;
  const ended = new Set(endedTokens);
  // Unread entries of these two events only: the (kind, isRead) selector keeps the read set small.
  const unread = await services.db.notifications
    .find({ selector: { kind: 'notification', isRead: false, event: { $in: ['workflow_step_entered', 'sla_violation'] } } })
    .exec();
  const at = services.clock().toISOString();
  const settled = unread
    .map((doc) => doc.toJSON() as StoredNotification<{ key?: string }>)
    .filter((entry) => isSettledBy(entry.data.key, ended))
    .map((entry) => ({ ...entry, isRead: true, updatedAt: at, updatedBy: 'system' }));
  if (settled.length > 0) await services.db.notifications.bulkUpsert(settled);
  return settled.length;
}
