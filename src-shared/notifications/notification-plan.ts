import { hashId } from '../core/hash-id';
import { linkToUrl, type AppLink } from './app-link';
import { renderEmail } from './email-templates';
import type { NotificationEvent } from './notification-events';
import type { CalendarPart, EmailAttachment, EmailDelivery, EntryData, StoredNotification, WebhookDelivery } from './notification-model';
import { channelsFor, type Preferences } from './preferences';
import { quietHoursEnd } from './quiet-hours';

/** One notification for one person, before preferences decide where it goes. */
export interface Notice {
  id: string;
  recipientId: string;
  event: NotificationEvent;
  subject: string;
  body: string;
  link?: AppLink;
  key?: string;
  actorName?: string;
  summary?: { count: number; items: { subject: string; link?: AppLink }[] };
  /** Sent with the email only (a meeting invitation's iCalendar object, the minutes' PDF). */
  calendar?: CalendarPart;
  attachments?: EmailAttachment[];
}

export interface RecipientInfo {
  id: string;
  name: string;
  email: string;
  isActive: boolean;
  preferences?: Preferences;
}

export interface WebhookSubscriber {
  id: string;
  events: readonly NotificationEvent[];
  isActive: boolean;
}

export interface PlanContext {
  now: Date;
  actorId: string;
  /** The app's address for links in emails and webhook payloads ('' when not configured). */
  appUrl: string;
  /** Whether email can be sent at all (email settings saved). */
  isEmailConfigured: boolean;
  recipients: ReadonlyMap<string, RecipientInfo>;
  webhooks: readonly WebhookSubscriber[];
  maxAttempts: { email: number; webhook: number };
}

export const outboxId = (noticeId: string, target: string): string => hashId('ob', `${noticeId}|${target}`);

/**
 * Every document one batch of notices writes, in one step: the in-app entry (or, when the person
 * turned in-app off or no longer exists, a `firing` record with the same id, so a reminder still
 * fires only once), an email delivery and a webhook delivery per matching subscription. Quiet
 * hours hold emails back until they end and leave out the desktop pop-up. All ids are derived
 * from the notice id, so writing the same batch again writes nothing new.
 */
export function planNotices(notices: readonly Notice[], context: PlanContext): StoredNotification[] {
  const at = context.now.toISOString();
  const base = { createdAt: at, updatedAt: at, createdBy: context.actorId, updatedBy: context.actorId, auditId: 'none', at };
  const docs: StoredNotification[] = [];
  for (const notice of notices) {
    const person = context.recipients.get(notice.recipientId);
    const channels = channelsFor(person?.preferences, notice.event);
    const quietUntil = person?.preferences ? quietHoursEnd(person.preferences.quietHours, context.now) : null;
    const isReachable = person !== undefined && person.isActive;
    const entry: EntryData = {
      subject: notice.subject,
      body: notice.body,
      ...(notice.link ? { link: notice.link } : {}),
      ...(notice.key ? { key: notice.key } : {}),
      ...(notice.actorName ? { actorName: notice.actorName } : {}),
      ...(notice.summary ? { summary: notice.summary } : {}),
      ...(isReachable && channels.desktop && !quietUntil ? { isDesktop: true } : {}),
    };
    const showInApp = isReachable && channels.inApp;
    docs.push({ ...base, id: notice.id, kind: showInApp ? 'notification' : 'firing', recipientId: notice.recipientId, isRead: !showInApp, event: notice.event, status: '', dueAt: at, data: entry });
    if (!isReachable) continue;

    const delivery = (id: string) => ({ idempotencyKey: id, attempts: 0, log: [], notificationId: notice.id });
    if (channels.email && context.isEmailConfigured && person.email) {
      const id = outboxId(notice.id, 'email');
      const content = renderEmail({ event: notice.event, subject: notice.subject, body: notice.body, link: notice.link, recipientName: person.name, appUrl: context.appUrl, summaryItems: notice.summary?.items });
      const extras = { ...(notice.calendar ? { calendar: notice.calendar } : {}), ...(notice.attachments?.length ? { attachments: notice.attachments } : {}) };
      const data: EmailDelivery = { channel: 'email', to: person.email, toName: person.name, ...content, ...extras, ...delivery(id), maxAttempts: context.maxAttempts.email };
      docs.push({ ...base, id, kind: 'outbox', recipientId: person.id, isRead: true, event: notice.event, status: 'pending', dueAt: (quietUntil ?? context.now).toISOString(), data });
    }
    if (channels.webhook) {
      for (const hook of context.webhooks) {
        if (!hook.isActive || !hook.events.includes(notice.event)) continue;
        const id = outboxId(notice.id, `webhook:${hook.id}`);
        const payload = {
          id,
          event: notice.event,
          createdAt: at,
          recipient: { id: person.id, name: person.name },
          subject: notice.subject,
          body: notice.body,
          ...(notice.link ? { link: notice.link } : {}),
          ...(notice.link && context.appUrl ? { url: linkToUrl(context.appUrl, notice.link) } : {}),
        };
        const data: WebhookDelivery = { channel: 'webhook', subscriptionId: hook.id, payload, ...delivery(id), maxAttempts: context.maxAttempts.webhook };
        docs.push({ ...base, id, kind: 'outbox', recipientId: hook.id, isRead: true, event: notice.event, status: 'pending', dueAt: at, data });
      }
    }
  }
  return docs;
}
