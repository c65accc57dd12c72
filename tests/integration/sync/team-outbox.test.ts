import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryView, EmailSettingsView, WebhookView } from '../../../src-shared/notifications/notification-views';
import { verifySignature } from '../../../src-shared/notifications/webhook-signature';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { createServerLogger } from '../../../sync-server/logger';
import { configuredOutboxDispatcher } from '../../../sync-server/outbox/configured-dispatcher';
import { startOutboxWorker } from '../../../sync-server/outbox/outbox-worker';
import { startSmtpReceiver, startWebhookReceiver } from '../notifications/receivers';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { waitUntil } from './support/wait';
import { openTestDatabase, startTestServer, type TestServer } from './support/test-server';

/**
 * Team mode end to end: two desktops (own processes, own SQLite, own secret key files), one sync
 * server with its outbox worker, a real SMTP server and a real HTTP receiver. Ada saved the SMTP
 * password before joining; her PC hands it to the server when it joins. Both PCs write the same
 * deliveries; the server sends each once, and the outcome reaches both PCs.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const ben = { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' };
const smtpLogin = { user: 'labflow', pass: 'smtp-secret-42' };

let server: TestServer;
let worker: ReturnType<typeof startOutboxWorker>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let a: Desktop;
let b: Desktop;
let hookSecret = '';
let subscriptionId = '';

const value = async <T,>(desktop: Desktop, name: string, input: unknown = {}): Promise<T> => {
  const result = await desktop.query<T>(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const upToDate = (desktop: Desktop) => waitUntil(async () => (await value<{ phase: string }>(desktop, 'sync/status')).phase === 'up_to_date', 'up to date');
const at = new Date().toISOString();
const outbox = (id: string, recipientId: string, data: Record<string, unknown>) => ({
  id, kind: 'outbox', recipientId, isRead: true, at, event: 'system', status: 'pending', dueAt: at, createdAt: at, updatedAt: at, createdBy: 'system', updatedBy: 'system', auditId: 'none',
  data: { idempotencyKey: id, attempts: 0, maxAttempts: 3, log: [], ...data },
});
const emailDelivery = (id: string) => outbox(id, 'P-ANY', { channel: 'email', to: 'lab@lab.org', toName: 'Lab', subject: `Reminder ${id}`, text: 'Balance B-12 is due', html: '<p>Balance B-12 is due</p>' });
const hookDelivery = (id: string) => outbox(id, subscriptionId, { channel: 'webhook', subscriptionId, payload: { id, event: 'system', subject: `Reminder ${id}` } });
const statusOn = async (desktop: Desktop, id: string) => (await desktop.find<{ status: string }>('notifications', { id }))[0]?.status;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  worker = startOutboxWorker({ db: server.db, dispatcher: configuredOutboxDispatcher({ db: server.db, outboxKey: server.services.outboxKey.pair, timeoutMs: 3_000 }), log: createServerLogger('silent'), intervalMs: 100 });
  smtp = await startSmtpReceiver(smtpLogin);
  receiver = await startWebhookReceiver(() => 200);
  const env = { LABFLOW_SYNC_RETRY_MS: '300' };
  [a, b] = await Promise.all([startDesktop(tempDataDir(), env), startDesktop(tempDataDir(), env)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await worker?.stop();
  await smtp?.close();
  await receiver?.close();
  await server?.close();
});

describe('email and webhooks in team mode', () => {
  it('hands the secrets to the server: the password saved before joining, the webhook secret as it is made', async () => {
    expect((await a.call('auth/create-administrator', ada)).ok).toBe(true);
    const saved = await a.call<EmailSettingsView>('notifications/set-email-settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: smtpLogin.user, password: smtpLogin.pass, from: 'labflow@lab.org' });
    expect(saved).toMatchObject({ ok: true, value: { hasPassword: true } });
    expect(saved.ok && saved.value.serverAccess).toBeUndefined();

    const setupToken = (await issueSetupToken(server.db))!;
    expect(await a.call('sync/connect', { serverUrl: server.url, ...ada, setupToken })).toMatchObject({ ok: true });
    await waitUntil(async () => (await value<EmailSettingsView>(a, 'notifications/email-settings')).serverAccess === 'sealed', 'the SMTP password sealed for the server');
    const created = await a.call<{ webhook: WebhookView; secret: string }>('webhooks/create', { name: 'LIMS', url: receiver.url, events: ['system'] });
    if (!created.ok) throw new Error(created.error.message);
    ({ secret: hookSecret } = created.value);
    subscriptionId = created.value.webhook.id;
    expect(await value<WebhookView[]>(a, 'webhooks/list')).toEqual([expect.objectContaining({ id: subscriptionId, serverAccess: 'sealed' })]);
    // What travels is sealed: neither the password nor the secret is in the server's copy.
    await upToDate(a);
    const { rows } = await server.db.query<{ data: string }>("SELECT data::text AS data FROM documents WHERE collection = 'notifications'");
    expect(rows.map((r) => r.data).join('')).not.toMatch(new RegExp(`${smtpLogin.pass}|${hookSecret}`));

    expect((await a.call('people/create', { ...ben, roles: ['admin'] })).ok).toBe(true);
    await upToDate(a);
    expect((await b.call('auth/create-administrator', ben)).ok).toBe(true);
    expect(await b.call('sync/connect', { serverUrl: server.url, email: ben.email, password: ben.password })).toMatchObject({ ok: true });
    await upToDate(b);
    // Ben's PC cannot decrypt Ada's password, but sees that the server can read it.
    await waitUntil(async () => (await value<EmailSettingsView | null>(b, 'notifications/email-settings'))?.serverAccess === 'sealed', 'the settings on B');
    expect(await value<WebhookView[]>(b, 'webhooks/list')).toEqual([expect.objectContaining({ id: subscriptionId, serverAccess: 'sealed' })]);
  });

  it('sends one email and one webhook call when both PCs write the same deliveries, and both PCs learn they were delivered', async () => {
    await Promise.all([a, b].flatMap((pc) => [pc.insert('notifications', emailDelivery('OB-TEAM-E')), pc.insert('notifications', hookDelivery('OB-TEAM-W'))]));
    await waitUntil(async () => smtp.mails.length > 0 && receiver.hooks.length > 0, 'the email and the webhook call');
    for (const pc of [a, b]) {
      await waitUntil(async () => (await statusOn(pc, 'OB-TEAM-E')) === 'delivered' && (await statusOn(pc, 'OB-TEAM-W')) === 'delivered', 'delivered on both PCs');
    }
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: 'labflow@lab.org', to: ['lab@lab.org'] });
    expect(receiver.hooks).toHaveLength(1);
    const [hook] = receiver.hooks;
    expect(hook!.headers['x-labflow-delivery']).toBe('OB-TEAM-W');
    expect(verifySignature(String(hook!.headers['x-labflow-signature']), hookSecret, hook!.body, Math.floor(Date.now() / 1000))).toBe(true);
    const log = await value<DeliveryView[]>(b, 'notifications/deliveries', { subscriptionId });
    expect(log).toEqual([expect.objectContaining({ id: 'OB-TEAM-W', status: 'delivered', attempts: 1, log: [expect.objectContaining({ isOk: true, detail: 'HTTP 200: ok' })] })]);
  });

  it('shows a readable error in the delivery log when the sealed secret was tampered with', async () => {
    // Altered at rest on the server: one character of the sealed secret changed.
    await server.db.query(
      `UPDATE documents SET data = jsonb_set(data, '{data,serverSecret,cipher}', to_jsonb(overlay(data->'data'->'serverSecret'->>'cipher' placing
         CASE WHEN substr(data->'data'->'serverSecret'->>'cipher', 60, 1) = 'A' THEN 'B' ELSE 'A' END from 60 for 1)))
        WHERE collection = 'notifications' AND id = $1`,
      [subscriptionId],
    );
    await a.insert('notifications', hookDelivery('OB-TEAM-W2'));
    const failed = await waitUntil(async () => (await value<DeliveryView[]>(a, 'notifications/deliveries', { subscriptionId })).find((d) => d.id === 'OB-TEAM-W2' && d.lastError), 'the failed attempt on A');
    expect(failed.lastError).toBe('The signing secret sealed for the sync server cannot be opened: the seal was altered or damaged (it does not authenticate). Make a new secret in Settings → Notifications.');
    expect(failed.log[0]).toMatchObject({ isOk: false, detail: failed.lastError });
    expect(receiver.hooks).toHaveLength(1);
  });
});
