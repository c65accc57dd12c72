import type { AppLink } from '../../src-shared/notifications/app-link';
import type { NotificationEvent } from '../../src-shared/notifications/notification-events';
import type { CalendarPart, EmailAttachment, StoredNotification } from '../../src-shared/notifications/notification-model';
import { planNotices, type Notice, type RecipientInfo } from '../../src-shared/notifications/notification-plan';
import { hashId } from '../../src-shared/core/hash-id';
import type { PersonDocument } from '../../src-shared/people/person';
import type { Actor } from '../audit/audited-writer';
import { SYSTEM_ACTOR, type HostServices } from '../host/handler-types';
import { tuningOf } from './notifications-tuning';
import { readEmailSettings, readPreferences, readWebhooks } from './notification-store';

export interface NotifyInput {
  event: NotificationEvent;
  recipientIds: string[];
  subject: string;
  body: string;
  link?: AppLink;
  /**
   * What happened, as a stable key (e.g. a workflow effect's key, `task:<id>:assigned:<personId>`).
   * With a key, notifying again about the same thing notifies no one twice; without one, every call
   * notifies.
   */
  key?: string;
  /** Who caused it (shown with the entry); the system when absent. */
  actor?: Actor;
  /** Sent with the email only: an iCalendar invitation, files such as the minutes' PDF. */
  calendar?: CalendarPart;
  attachments?: EmailAttachment[];
}

/**
 * The one way features notify people: applies each recipient's preferences and quiet hours and
 * writes the in-app entry, the email delivery and the webhook deliveries in one step (the outbox
 * dispatcher sends them afterwards; nothing here touches the network).
 *
 * Must run inside the host's write queue: a command handler already does; background work wraps
 * the call in `services.runExclusive`. Returns the ids of the entries written (or already there).
 */
export async function notify(services: HostServices, input: NotifyInput): Promise<{ ids: string[] }> {
  const actor = input.actor ?? SYSTEM_ACTOR;
  const recipients = [...new Set(input.recipientIds)];
  const notices: Notice[] = recipients.map((recipientId) => ({
    id: input.key ? hashId('ntf', `${input.key}|${recipientId}`) : services.newId(),
    recipientId,
    event: input.event,
    subject: input.subject,
    body: input.body,
    ...(input.link ? { link: input.link } : {}),
    ...(input.key ? { key: input.key } : {}),
    ...(actor.id !== SYSTEM_ACTOR.id ? { actorName: actor.name } : {}),
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(input.attachments ? { attachments: input.attachments } : {}),
  }));
  await writeNotices(services, notices, actor);
  return { ids: notices.map((n) => n.id) };
}

/**
 * Plans and writes notices (see planNotices). Documents that exist already are skipped, so writing
 * the same notices twice — a reminder derived again, a command repeated after a crash — writes each
 * document once. Returns the documents newly written.
 */
export async function writeNotices(services: HostServices, notices: readonly Notice[], actor: Actor = SYSTEM_ACTOR): Promise<StoredNotification[]> {
  return insertNew(services, await planNoticeDocuments(services, notices, actor));
}

/** The documents `writeNotices` would write, for callers that add their own to the same write. */
export async function planNoticeDocuments(services: HostServices, notices: readonly Notice[], actor: Actor = SYSTEM_ACTOR): Promise<StoredNotification[]> {
  if (notices.length === 0) return [];
  const { db } = services;
  const tuning = tuningOf(services.platform.notifications);
  const recipientIds = [...new Set(notices.map((n) => n.recipientId))];
  const [people, preferences, webhooks, email] = await Promise.all([
    db.people.findByIds(recipientIds).exec(),
    readPreferences(db, recipientIds),
    readWebhooks(db),
    readEmailSettings(db),
  ]);
  const recipients = new Map<string, RecipientInfo>();
  for (const doc of people.values()) {
    const person = doc.toJSON() as PersonDocument;
    if (person.kind !== 'person') continue;
    const prefs = preferences.get(person.id);
    recipients.set(person.id, { id: person.id, name: person.name, email: person.email, isActive: person.isActive, ...(prefs ? { preferences: prefs } : {}) });
  }
  return planNotices(notices, {
    now: services.clock(),
    actorId: actor.id,
    appUrl: email?.data.appUrl || services.platform.appUrl?.() || '',
    isEmailConfigured: email !== null,
    recipients,
    webhooks: webhooks.map((w) => ({ id: w.id, events: w.data.events, isActive: w.data.isActive })),
    maxAttempts: tuning.maxAttempts,
  });
}

/**
 * Inserts the documents whose ids do not exist yet, in one write. An existing id is a conflict
 * (409) that leaves the stored document as it is — which is what makes a second firing a no-op.
 */
export async function insertNew(services: HostServices, docs: readonly StoredNotification[]): Promise<StoredNotification[]> {
  if (docs.length === 0) return [];
  const result = await services.db.notifications.bulkInsert([...docs]);
  const failed = result.error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`Writing ${failed.length} notification documents failed: ${JSON.stringify(failed[0])}`);
  const conflicted = new Set(result.error.map((e) => e.documentId));
  return docs.filter((d) => !conflicted.has(d.id));
}
