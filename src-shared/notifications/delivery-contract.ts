import { z } from 'zod';
import { command, query } from '../bridge/define';
import { emailSchema } from '../people/person';
import { notificationEventSchema } from './notification-events';
import { outboxStatuses } from './notification-model';
import { tlsModes, type DeliveryView, type EmailSettingsView, type WebhookView } from './notification-views';

const webhookName = z.string().trim().min(1, 'Enter a name.').max(100);
const webhookUrl = z.string().trim().min(1, 'Enter the address.').max(2000);
const webhookEvents = z.array(notificationEventSchema).min(1, 'Choose at least one event.').max(50);

/** Administrators: email (SMTP), webhook subscriptions and the outbox's delivery log. */
export const deliveryContract = {
  'notifications/email-settings': query<EmailSettingsView | null>()(z.object({})),
  /** Saves the SMTP settings. `password` absent keeps the stored one; '' removes it. Stored encrypted, never returned. */
  'notifications/set-email-settings': command<EmailSettingsView>()(
    z.object({
      host: z.string().trim().min(1, 'Enter the SMTP server.').max(253),
      port: z.number().int().min(1, 'Enter a port from 1 to 65535.').max(65535, 'Enter a port from 1 to 65535.'),
      tlsMode: z.enum(tlsModes),
      user: z.string().trim().max(254).default(''),
      password: z.string().max(500).optional(),
      from: emailSchema,
      fromName: z.string().trim().max(100).default('LabFlow'),
      appUrl: z
        .string()
        .trim()
        .max(500)
        .regex(/^(https?:\/\/[^\s]+)?$/, 'Enter the address people open LabFlow at (http:// or https://), or leave it empty.')
        .default(''),
    }),
  ),
  /** Queues a test email (no retries); its outcome shows in the delivery log within seconds. */
  'notifications/send-test-email': command<{ deliveryId: string }>()(z.object({ to: emailSchema })),
  'webhooks/list': query<WebhookView[]>()(z.object({})),
  /** Creates a subscription; the signing secret is returned this once and stored encrypted. */
  'webhooks/create': command<{ webhook: WebhookView; secret: string }>()(
    z.object({ name: webhookName, url: webhookUrl, events: webhookEvents, isActive: z.boolean().default(true) }),
  ),
  'webhooks/update': command<WebhookView>()(
    z.object({ id: z.string().min(1).max(40), name: webhookName.optional(), url: webhookUrl.optional(), events: webhookEvents.optional(), isActive: z.boolean().optional() }),
  ),
  'webhooks/rotate-secret': command<{ webhook: WebhookView; secret: string }>()(z.object({ id: z.string().min(1).max(40) })),
  /** Sends a delivery again (a dead-lettered one included), with the same idempotency key. */
  'webhooks/redeliver': command<DeliveryView>()(z.object({ deliveryId: z.string().min(1).max(40) })),
  'notifications/deliveries': query<DeliveryView[]>()(
    z.object({
      channel: z.enum(['email', 'webhook']).optional(),
      subscriptionId: z.string().min(1).max(40).optional(),
      status: z.enum(outboxStatuses).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
};
