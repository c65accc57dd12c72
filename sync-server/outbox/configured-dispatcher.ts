import { EMAIL_SETTINGS_ID, emailSettingsDataSchema, sealContext, webhookDataSchema, type SealedSecret } from '../../src-shared/notifications/channel-settings';
import type { EmailDelivery, StoredNotification, WebhookDelivery } from '../../src-shared/notifications/notification-model';
// The desktop's own senders (see eslint.config.js for why the server may import exactly these).
import { sendEmail } from '../../src-main/notifications/outbox/email-sender';
import { createSafeLookup } from '../../src-main/notifications/outbox/safe-lookup';
import { openSealed, type OutboxKeyPair } from '../../src-main/notifications/outbox/server-seal';
import { sendWebhook } from '../../src-main/notifications/outbox/webhook-sender';
import type { SqlClient } from '../db/sql-database';
import { readDocument } from '../replication/document-store';
import type { DispatchOutcome, ServerOutboxDispatcher } from './outbox-dispatcher';

export interface ConfiguredDispatcherOptions {
  db: SqlClient;
  outboxKey: OutboxKeyPair;
  clock?: () => Date;
  /** Per send: SMTP connection, greeting and socket; the whole HTTP request. */
  timeoutMs?: number;
  /** DNS lookup of webhook hosts; the default refuses link-local and cloud-metadata addresses. */
  lookup?: ReturnType<typeof createSafeLookup>;
}

const HAND_OVER = 'an administrator’s PC that can read it hands it to the server when it connects, or enter it again in Settings → Notifications on an administrator’s PC.';
const waiting = (detail: string): DispatchOutcome => ({ isOk: false, isWaiting: true, detail });
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type Unsealed = { ok: true; secret: string } | { ok: false; outcome: DispatchOutcome };

/** Opens a secret a PC sealed for this server. Not sealed (yet), or for an earlier key: the delivery waits; altered: an attempt that failed. */
function unseal(what: string, seal: SealedSecret | undefined, documentId: string, pair: OutboxKeyPair, remedy: string): Unsealed {
  if (!seal) return { ok: false, outcome: waiting(`The sync server cannot read ${what} yet: ${HAND_OVER}`) };
  if (seal.keyId !== pair.key.keyId) return { ok: false, outcome: waiting(`${capitalised(what)} is sealed for an earlier key of the sync server: ${HAND_OVER}`) };
  const opened = openSealed(seal, pair, sealContext(documentId));
  if (!opened.ok) return { ok: false, outcome: { isOk: false, detail: `${capitalised(what)} sealed for the sync server cannot be opened: ${opened.error.message}. ${remedy}` } };
  return { ok: true, secret: opened.value };
}

/**
 * The sync server's dispatcher: sends with the team's own channel settings — the `email_settings`
 * and `webhook_subscription` documents administrators' PCs sync — read at send time, so a corrected
 * password or a rotated secret applies to retries too. Secrets come from the seals PCs made for
 * this server's outbox key (outbox-key.ts); the sending is the desktop's code, the webhook SSRF
 * guard (no link-local or metadata addresses, checked on the address connected to) included.
 */
export function configuredOutboxDispatcher(options: ConfiguredDispatcherOptions): ServerOutboxDispatcher {
  const { db, outboxKey, clock = () => new Date(), timeoutMs = 15_000, lookup = createSafeLookup() } = options;

  async function deliverEmail(delivery: EmailDelivery, notification: StoredNotification): Promise<DispatchOutcome> {
    const stored = await readDocument(db, 'notifications', EMAIL_SETTINGS_ID);
    if (!stored || stored.deleted) return waiting('Email is not set up yet: an administrator saves the SMTP settings in Settings → Notifications, then the sync server sends it.');
    const settings = emailSettingsDataSchema.safeParse(stored.data.data);
    if (!settings.success) return waiting('The sync server cannot read the email settings (saved by a newer LabFlow?); save them again in Settings → Notifications.');
    let password: string | undefined;
    if (settings.data.passwordCipher) {
      const unsealed = unseal('the SMTP password', settings.data.serverSecret, EMAIL_SETTINGS_ID, outboxKey, 'Enter the password again in Settings → Notifications.');
      if (!unsealed.ok) return unsealed.outcome;
      password = unsealed.secret;
    }
    return sendEmail({ ...settings.data, ...(password !== undefined ? { password } : {}) }, delivery, notification.event, timeoutMs);
  }

  async function deliverWebhook(delivery: WebhookDelivery): Promise<DispatchOutcome> {
    const stored = await readDocument(db, 'notifications', delivery.subscriptionId);
    if (!stored || stored.deleted || stored.data.kind !== 'webhook_subscription') return { isOk: false, detail: 'The webhook subscription no longer exists.', isPermanent: true };
    const subscription = webhookDataSchema.safeParse(stored.data.data);
    if (!subscription.success) return waiting('The sync server cannot read this webhook subscription (saved by a newer LabFlow?); save it again in Settings → Notifications.');
    if (!subscription.data.isActive) return { isOk: false, detail: 'The webhook subscription is switched off.', isPermanent: true };
    const unsealed = unseal('the signing secret', subscription.data.serverSecret, delivery.subscriptionId, outboxKey, 'Make a new secret in Settings → Notifications.');
    if (!unsealed.ok) return unsealed.outcome;
    return sendWebhook(subscription.data.url, unsealed.secret, delivery, clock(), timeoutMs, lookup);
  }

  return {
    deliver: (delivery, notification) => (delivery.channel === 'email' ? deliverEmail(delivery, notification) : deliverWebhook(delivery)),
  };
}
