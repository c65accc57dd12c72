import { randomBytes } from 'node:crypto';
import { combineLatest, map, of, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { renderEmail } from '../../src-shared/notifications/email-templates';
import type { EmailDelivery, StoredNotification } from '../../src-shared/notifications/notification-model';
import type { EmailSettingsView } from '../../src-shared/notifications/notification-views';
import { checkWebhookUrl } from '../../src-shared/notifications/webhook-address';
import { isAdmin } from '../../src-shared/people/roles';
import type { CommandContext, CommandHandlers, QueryContext, QueryHandlers } from '../host/handler-types';
import { EMAIL_SETTINGS_ID, readEmailSettings, readWebhook, type StoredEmailSettings, type StoredWebhook } from './notification-store';
import { toDeliveryView, toWebhookView } from './notification-views';
import { insertNew } from './notify';
import { teamOutboxState$ } from '../sync/outbox-key-store';
import { sealedForServer, serverAccessFor } from './server-secrets';

type DeliveryCommands =
  | 'notifications/set-email-settings'
  | 'notifications/send-test-email'
  | 'webhooks/create'
  | 'webhooks/update'
  | 'webhooks/rotate-secret'
  | 'webhooks/redeliver';
type DeliveryQueries = 'notifications/email-settings' | 'webhooks/list' | 'notifications/deliveries';

const write = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });
const refusal = () => fail('forbidden', 'Only an administrator can change email and webhook settings.');
const adminOnly = (context: CommandContext) => (context.session && isAdmin(context.session.person.roles) ? null : refusal());
const isAdminQuery = (context: QueryContext) => {
  const session = context.sessions.session$.value;
  return session !== null && isAdmin(session.person.roles);
};
const forbiddenQuery = <T>(): Observable<Result<T>> => of(refusal());

const noSecretStore = () =>
  fail('invalid_state', 'This PC has no way to store secrets encrypted (no key store is available), so none can be saved here.');

const emailView = (data: StoredEmailSettings, serverAccess?: EmailSettingsView['serverAccess']): EmailSettingsView => ({
  host: data.host,
  port: data.port,
  tlsMode: data.tlsMode,
  user: data.user,
  hasPassword: Boolean(data.passwordCipher),
  from: data.from,
  fromName: data.fromName,
  appUrl: data.appUrl,
  ...(serverAccess ? { serverAccess } : {}),
});

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export const deliveryCommandHandlers = (): CommandHandlers<DeliveryCommands> => ({
  async 'notifications/set-email-settings'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const existing = await readEmailSettings(context.db);
    const { password, ...fields } = input;
    // Encrypted for this PC, and in team mode also sealed for the sync server, which sends then.
    let secrets: Pick<StoredEmailSettings, 'passwordCipher' | 'serverSecret'> = { passwordCipher: existing?.data.passwordCipher, serverSecret: existing?.data.serverSecret };
    if (password !== undefined) {
      if (password === '') secrets = {};
      else if (!context.platform.secretStore) return noSecretStore();
      else secrets = { passwordCipher: context.platform.secretStore.encrypt(password), ...(await sealedForServer(context, password, EMAIL_SETTINGS_ID)) };
    }
    const data: StoredEmailSettings = { ...fields, ...(secrets.passwordCipher ? { passwordCipher: secrets.passwordCipher } : {}), ...(secrets.serverSecret ? { serverSecret: secrets.serverSecret } : {}) };
    const now = context.clock().toISOString();
    if (existing) await context.writer.update('notifications', EMAIL_SETTINGS_ID, { data, at: now, dueAt: now }, write(context));
    else await context.writer.insert('notifications', { id: EMAIL_SETTINGS_ID, kind: 'email_settings', recipientId: 'system', isRead: true, at: now, event: '', status: '', dueAt: now, data }, write(context));
    return ok(emailView(data));
  },

  async 'notifications/send-test-email'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const settings = await readEmailSettings(context.db);
    if (!settings) return fail('invalid_state', 'Save the email settings first.');
    const now = context.clock();
    const id = context.newId();
    const content = renderEmail({
      event: 'system',
      subject: 'Test email',
      body: `This is a test email sent by ${context.actor.name} from LabFlow. If you can read it, email notifications work.`,
      link: { section: 'notifications' },
      recipientName: input.to,
      appUrl: settings.data.appUrl || context.platform.appUrl?.() || '',
    });
    // One attempt only: the person who clicked wants to know now whether it works, not after retries.
    const data: EmailDelivery = { channel: 'email', to: input.to, toName: input.to, ...content, idempotencyKey: id, attempts: 0, maxAttempts: 1, log: [] };
    const at = now.toISOString();
    const doc: StoredNotification = {
      id, kind: 'outbox', recipientId: context.actor.id, isRead: true, at, event: 'system', status: 'pending', dueAt: at, data,
      createdAt: at, updatedAt: at, createdBy: context.actor.id, updatedBy: context.actor.id, auditId: 'none',
    };
    await insertNew(context, [doc]);
    return ok({ deliveryId: id });
  },

  async 'webhooks/create'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const target = checkWebhookUrl(input.url);
    if (!target.ok) return target;
    const store = context.platform.secretStore;
    if (!store) return noSecretStore();
    const secret = newSecret();
    // The id is made here because the seal for the server is bound to it.
    const id = context.newId();
    const data: StoredWebhook = { name: input.name, url: target.value.url, events: input.events, secretCipher: store.encrypt(secret), ...(await sealedForServer(context, secret, id)), isActive: input.isActive };
    const now = context.clock().toISOString();
    const doc = await context.writer.insert<StoredNotification<StoredWebhook>>(
      'notifications',
      { id, kind: 'webhook_subscription', recipientId: 'system', isRead: true, at: now, event: '', status: input.isActive ? 'active' : 'inactive', dueAt: now, data },
      write(context),
    );
    return ok({ webhook: toWebhookView(doc), secret });
  },

  async 'webhooks/update'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const existing = await readWebhook(context.db, input.id);
    if (!existing) return fail('not_found', 'That webhook no longer exists.');
    let url = existing.data.url;
    if (input.url !== undefined) {
      const target = checkWebhookUrl(input.url);
      if (!target.ok) return target;
      url = target.value.url;
    }
    const data: StoredWebhook = {
      ...existing.data,
      url,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    const doc = await context.writer.update<StoredNotification<StoredWebhook>>('notifications', input.id, { data, status: data.isActive ? 'active' : 'inactive' }, write(context));
    return doc ? ok(toWebhookView(doc)) : fail('not_found', 'That webhook no longer exists.');
  },

  async 'webhooks/rotate-secret'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const existing = await readWebhook(context.db, input.id);
    if (!existing) return fail('not_found', 'That webhook no longer exists.');
    const store = context.platform.secretStore;
    if (!store) return noSecretStore();
    const secret = newSecret();
    // The old seal must go with the old secret, even when this PC cannot seal the new one yet.
    const { serverSecret: _old, ...rest } = existing.data;
    const data: StoredWebhook = { ...rest, secretCipher: store.encrypt(secret), ...(await sealedForServer(context, secret, input.id)) };
    const doc = await context.writer.update<StoredNotification<StoredWebhook>>('notifications', input.id, { data }, write(context));
    return doc ? ok({ webhook: toWebhookView(doc), secret }) : fail('not_found', 'That webhook no longer exists.');
  },

  async 'webhooks/redeliver'(input, context) {
    const refused = adminOnly(context);
    if (refused) return refused;
    const doc = await context.db.notifications.findOne(input.deliveryId).exec();
    if (!doc || doc.get('kind') !== 'outbox') return fail('not_found', 'That delivery no longer exists.');
    if (doc.get('status') === 'sending' || doc.get('status') === 'pending') return fail('invalid_state', 'This delivery is already waiting to be sent.');
    const stored = doc.toJSON() as StoredNotification<Record<string, unknown>>;
    const now = context.clock().toISOString();
    // A fresh set of attempts with the same idempotency key: receivers that already have it drop it.
    const updated = await doc.incrementalPatch({ status: 'pending', dueAt: now, updatedAt: now, updatedBy: context.actor.id, data: { ...stored.data, attempts: 0 } });
    return ok(toDeliveryView(updated.toJSON() as StoredNotification));
  },
});

export const deliveryQueryHandlers = (): QueryHandlers<DeliveryQueries> => ({
  'notifications/email-settings': (_input, context) =>
    isAdminQuery(context)
      ? combineLatest([context.db.notifications.findOne(EMAIL_SETTINGS_ID).$, teamOutboxState$(context.db)]).pipe(
          map(([doc, team]) => {
            const stored = doc?.toJSON() as StoredNotification<StoredEmailSettings> | undefined;
            return ok(stored ? emailView(stored.data, serverAccessFor(team, stored, context.platform.secretStore)) : null);
          }),
        )
      : forbiddenQuery(),

  'webhooks/list': (_input, context) =>
    isAdminQuery(context)
      ? combineLatest([context.db.notifications.find({ selector: { kind: 'webhook_subscription' }, sort: [{ at: 'asc' }] }).$, teamOutboxState$(context.db)]).pipe(
          map(([docs, team]) =>
            ok(
              docs.map((d) => {
                const stored = d.toJSON() as StoredNotification<StoredWebhook>;
                const serverAccess = serverAccessFor(team, stored, context.platform.secretStore);
                return { ...toWebhookView(stored), ...(serverAccess ? { serverAccess } : {}) };
              }),
            ),
          ),
        )
      : forbiddenQuery(),

  'notifications/deliveries': (input, context) => {
    if (!isAdminQuery(context)) return forbiddenQuery();
    const selector = {
      kind: 'outbox',
      ...(input.subscriptionId ? { recipientId: input.subscriptionId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.channel ? { 'data.channel': input.channel } : {}),
    };
    return context.db.notifications
      .find({ selector, sort: [{ at: 'desc' }], limit: input.limit })
      .$.pipe(map((docs) => ok(docs.map((d) => toDeliveryView(d.toJSON() as StoredNotification)))));
  },
});
