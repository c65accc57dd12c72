import { hashId } from '../../src-shared/core/hash-id';
import { EMAIL_SETTINGS_ID, type EmailSettingsData, type WebhookData } from '../../src-shared/notifications/channel-settings';
import type { StoredNotification } from '../../src-shared/notifications/notification-model';
import { preferencesSchema, type Preferences } from '../../src-shared/notifications/preferences';
import type { LabDatabase } from '../database/open-database';

/** Reads of the settings kept in the `notifications` collection; documents are parsed, never trusted. */

export { EMAIL_SETTINGS_ID };
export const DESKTOP_SETTINGS_ID = 'desktop-settings';
/** One preferences document per person, with an id every PC derives the same way. */
export const preferencesId = (personId: string): string => hashId('pref', personId);

/** `passwordCipher` and `secretCipher` are encrypted by this PC's SecretStore; `serverSecret` is sealed for the sync server (team mode). */
export type StoredEmailSettings = EmailSettingsData;
export type StoredWebhook = WebhookData;

const plain = <T>(doc: { toJSON(): unknown } | null | undefined): StoredNotification<T> | null =>
  doc ? (doc.toJSON() as StoredNotification<T>) : null;

export async function readPreferences(db: LabDatabase, personIds: readonly string[]): Promise<Map<string, Preferences>> {
  const docs = await db.notifications.findByIds(personIds.map(preferencesId)).exec();
  const result = new Map<string, Preferences>();
  for (const doc of docs.values()) {
    const parsed = preferencesSchema.safeParse(doc.get('data'));
    if (parsed.success) result.set(doc.get('recipientId') as string, parsed.data);
  }
  return result;
}

export async function readEmailSettings(db: LabDatabase): Promise<StoredNotification<StoredEmailSettings> | null> {
  return plain<StoredEmailSettings>(await db.notifications.findOne(EMAIL_SETTINGS_ID).exec());
}

export async function readWebhooks(db: LabDatabase): Promise<StoredNotification<StoredWebhook>[]> {
  const docs = await db.notifications.find({ selector: { kind: 'webhook_subscription' }, sort: [{ at: 'asc' }] }).exec();
  return docs.map((d) => d.toJSON() as StoredNotification<StoredWebhook>);
}

export async function readWebhook(db: LabDatabase, id: string): Promise<StoredNotification<StoredWebhook> | null> {
  const doc = await db.notifications.findOne(id).exec();
  return doc && doc.get('kind') === 'webhook_subscription' ? plain<StoredWebhook>(doc) : null;
}
