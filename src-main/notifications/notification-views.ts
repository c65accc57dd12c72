import type { NotificationEvent } from '../../src-shared/notifications/notification-events';
import { deliverySchema, entryDataSchema, type StoredNotification } from '../../src-shared/notifications/notification-model';
import type { DeliveryView, NotificationView, WebhookView } from '../../src-shared/notifications/notification-views';
import type { StoredWebhook } from './notification-store';

/** Stored documents → what the UI gets. Documents are parsed; a malformed one is shown as such, never trusted. */

export function toNotificationView(doc: StoredNotification): NotificationView {
  const parsed = entryDataSchema.safeParse(doc.data);
  const data = parsed.success ? parsed.data : { subject: '(unreadable notification)', body: '' };
  return {
    id: doc.id,
    event: (doc.event || 'system') as NotificationEvent,
    subject: data.subject,
    body: data.body,
    at: doc.at,
    isRead: doc.isRead,
    ...(data.link ? { link: data.link } : {}),
    ...(data.actorName ? { actorName: data.actorName } : {}),
    ...(data.summary ? { summaryCount: data.summary.count } : {}),
  };
}

export function toDeliveryView(doc: StoredNotification): DeliveryView {
  const parsed = deliverySchema.safeParse(doc.data);
  const base = { id: doc.id, event: doc.event, status: doc.status || 'dead', nextAttemptAt: doc.dueAt, createdAt: doc.createdAt } as const;
  if (!parsed.success) return { ...base, channel: 'email', target: '', subject: '(unreadable delivery)', attempts: 0, maxAttempts: 0, log: [], status: 'dead' };
  const d = parsed.data;
  return {
    ...base,
    status: doc.status || 'dead',
    channel: d.channel,
    target: d.channel === 'email' ? d.to : d.subscriptionId,
    subject: d.channel === 'email' ? d.subject : String(d.payload.subject ?? ''),
    attempts: d.attempts,
    maxAttempts: d.maxAttempts,
    log: d.log,
    ...(d.lastError ? { lastError: d.lastError } : {}),
    ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
  };
}

export const toWebhookView = (doc: StoredNotification<StoredWebhook>): WebhookView => ({
  id: doc.id,
  name: doc.data.name,
  url: doc.data.url,
  events: doc.data.events,
  isActive: doc.data.isActive,
  createdAt: doc.createdAt,
});
