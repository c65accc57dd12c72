import { hashId } from '../../src-shared/core/hash-id';
import type { NotificationEvent } from '../../src-shared/notifications/notification-events';
import type { StoredNotification } from '../../src-shared/notifications/notification-model';
import { preferencesSchema, type Preferences } from '../../src-shared/notifications/preferences';
import type { TlsMode } from '../../src-shared/notifications/notification-views';
import type { LabDatabase } from '../database/open-database';

/** Reads of the settings kept in the `notifications` collection; documents are parsed, never trusted. */

export const EMAIL_SETTINGS_ID = 'email-settings';
export const DESKTOP_SETTINGS_ID = 'desktop-settings';
/** One preferences document per person, with an id every PC derives the same way. */
export const preferencesId = (personId: string): string => hashId('pref', personId);

export interface StoredEmailSettings {
  host: string;
  port: number;
  tlsMode: TlsMode;
  user: string;
  /** Encrypted by the platform's SecretStore; absent when no password is set. */
  passwordCipher?: string;
  from: string;
  fromName: string;
  appUrl: string;
}

export interface StoredWebhook {
  name: string;
  url: string;
  events: NotificationEvent[];
  secretCipher: string;
  isActive: boolean;
}

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
