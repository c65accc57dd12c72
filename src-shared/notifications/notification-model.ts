import { z } from 'zod';
import type { BaseDocument } from '../db/base-fields';
import { appLinkSchema } from './app-link';
import type { NotificationEvent } from './notification-events';

/**
 * The `notifications` collection holds, by `kind`:
 * - `notification`: an entry of a person's notification centre (`isRead` false until read);
 * - `firing`: the durable record that a reminder fired without an entry (summarised into another
 *   entry, or the person turned the in-app channel off) — its id is the reminder id, like an entry's;
 * - `outbox`: one email or webhook delivery, written in the same step as its notification;
 * - `preferences`, `email_settings`, `webhook_subscription`, `desktop_settings`: settings.
 * Only unread entries have `isRead: false`, so the unread index serves the badge alone.
 */
export type NotificationKind = 'notification' | 'firing' | 'outbox' | 'preferences' | 'email_settings' | 'webhook_subscription' | 'desktop_settings';

export interface StoredNotification<TData = Record<string, unknown>> extends BaseDocument {
  kind: NotificationKind;
  /** The person (entries, firings, email, preferences), the webhook subscription (webhook deliveries) or 'system'. */
  recipientId: string;
  isRead: boolean;
  at: string;
  /** The notification event, '' for settings. */
  event: NotificationEvent | '';
  /** Outbox: pending, sending, delivered, dead; '' otherwise. */
  status: OutboxStatus | '';
  /** Outbox: when the next attempt is due; otherwise equal to `at`. */
  dueAt: string;
  data: TData;
}

export const summaryItemSchema = z.object({ subject: z.string(), link: appLinkSchema.optional() });

export const entryDataSchema = z.object({
  subject: z.string(),
  body: z.string(),
  link: appLinkSchema.optional(),
  /** The reminder or notify key it came from. */
  key: z.string().optional(),
  /** Pop up on the desktop when it arrives (the person's channel, outside quiet hours). */
  isDesktop: z.boolean().optional(),
  /** Several reminders missed while LabFlow was not running, shown as one entry. */
  summary: z.object({ count: z.number().int(), items: z.array(summaryItemSchema) }).optional(),
  actorName: z.string().optional(),
});
export type EntryData = z.infer<typeof entryDataSchema>;

export const outboxStatuses = ['pending', 'sending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const attemptLogSchema = z.object({
  at: z.string(),
  isOk: z.boolean(),
  /** The SMTP or HTTP response, or the error. */
  detail: z.string(),
  durationMs: z.number(),
});
export type AttemptLog = z.infer<typeof attemptLogSchema>;

const deliveryCommon = {
  /** Sent with every attempt (webhook header, email Message-ID): receivers drop repeats by it. */
  idempotencyKey: z.string(),
  attempts: z.number().int().min(0),
  maxAttempts: z.number().int().min(1),
  lastError: z.string().optional(),
  /** While `sending`: until when the attempt holds the delivery; after a crash it is retried then. */
  leaseUntil: z.string().optional(),
  deliveredAt: z.string().optional(),
  log: z.array(attemptLogSchema),
  /** The notification entry it belongs to, when there is one. */
  notificationId: z.string().optional(),
};

/** A file sent with an email (an RFQ or purchase order PDF to a supplier); small, base64 in the delivery. */
export const emailAttachmentSchema = z.object({
  fileName: z.string().max(200),
  contentType: z.string().max(100),
  contentBase64: z.string().max(2_000_000),
});

export const emailDeliverySchema = z.object({
  channel: z.literal('email'),
  to: z.string(),
  toName: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  attachments: z.array(emailAttachmentSchema).max(5).optional(),
  ...deliveryCommon,
});

export const webhookDeliverySchema = z.object({
  channel: z.literal('webhook'),
  subscriptionId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  ...deliveryCommon,
});

/** An outbox document's data, parsed when the dispatcher reads it back. */
export const deliverySchema = z.discriminatedUnion('channel', [emailDeliverySchema, webhookDeliverySchema]);
export type Delivery = z.infer<typeof deliverySchema>;
export type EmailDelivery = z.infer<typeof emailDeliverySchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const LOG_LIMIT = 20;
