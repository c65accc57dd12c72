import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../../src-main/notifications/outbox/server-seal';
import { EMAIL_SETTINGS_ID, sealContext, type OutboxKey } from '../../../src-shared/notifications/channel-settings';
import type { Delivery } from '../../../src-shared/notifications/notification-model';
import { verifySignature } from '../../../src-shared/notifications/webhook-signature';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { createServerLogger } from '../../../sync-server/logger';
import { configuredOutboxDispatcher } from '../../../sync-server/outbox/configured-dispatcher';
import { startOutboxWorker } from '../../../sync-server/outbox/outbox-worker';
import { startSmtpReceiver, startWebhookReceiver } from '../notifications/receivers';
import { baseFields, createTeam, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * The sync server sending the team's outbox with the team's own channel settings: the email
 * settings and webhook subscriptions administrators' PCs push, their secrets sealed for the
 * server's outbox key. A real SMTP server and a real HTTP receiver on loopback.
 */
const log = createServerLogger('silent');
const smtpLogin = { user: 'labflow', pass: 'smtp-secret-42' };
const hookSecret = 'whsec_team_secret_for_the_server';

let server: TestServer;
let tokens: Awaited<ReturnType<typeof createTeam>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let key: OutboxKey;
let worker: ReturnType<typeof startOutboxWorker>;

const settingsDoc = (id: string, kind: 'email_settings' | 'webhook_subscription', data: Record<string, unknown>): WireDocument => ({
  ...baseFields(id, team.admin.id), kind, recipientId: 'system', isRead: true, at: '2026-01-05T09:00:00.000Z', event: '', status: '', dueAt: '2026-01-05T09:00:00.000Z', data, _deleted: false,
});
const emailSettings = (extra: Record<string, unknown>) =>
  settingsDoc(EMAIL_SETTINGS_ID, 'email_settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: smtpLogin.user, passwordCipher: 'kf1:only-the-pc-that-stored-it-reads-this', from: 'labflow@lab.org', fromName: 'LabFlow', appUrl: '', ...extra });
const subscription = (id: string, url: string, serverSecret?: unknown) =>
  settingsDoc(id, 'webhook_subscription', { name: id, url, events: ['system'], secretCipher: 'kf1:pc-only', isActive: true, ...(serverSecret ? { serverSecret } : {}) });

const delivery = (id: string, data: Partial<Delivery>, by: string = team.member.id): WireDocument => ({
  ...baseFields(id, by), kind: 'outbox', recipientId: team.member.id, isRead: true, at: '2026-01-05T09:00:00.000Z', event: 'system', status: 'pending', dueAt: '2026-01-05T09:00:00.000Z',
  data: { idempotencyKey: id, attempts: 0, maxAttempts: 3, log: [], ...data }, _deleted: false,
});
const email = (id: string) => delivery(id, { channel: 'email', to: 'max@lab.org', toName: 'Max', subject: `Subject ${id}`, text: 'Balance B-12 needs recalibration', html: '<p>Balance B-12</p>' });
const webhook = (id: string, subscriptionId: string, by: string = team.member.id) => ({ ...delivery(id, { channel: 'webhook', subscriptionId, payload: { id, event: 'system', subject: `Hook ${id}` } }, by), recipientId: subscriptionId });

const docOf = async (id: string) => (await pull(server, tokens.admin.accessToken, 'notifications', null, 500)).documents.find((d) => d.id === id)!;
const rowOf = async (id: string) => (await server.db.query<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM outbox_deliveries WHERE notification_id = $1', [id])).rows[0];
const pushAs = async (token: string, docs: WireDocument[], assumed: (WireDocument | null)[] = []) =>
  push(server, token, 'notifications', docs.map((doc, i) => ({ newDocumentState: doc, assumedMasterState: assumed[i] ?? null })));

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  smtp = await startSmtpReceiver(smtpLogin);
  receiver = await startWebhookReceiver(() => 200);
  worker = startOutboxWorker({ db: server.db, dispatcher: configuredOutboxDispatcher({ db: server.db, outboxKey: server.services.outboxKey.pair, timeoutMs: 3_000 }), log, backoff: { baseMs: 5, maxMs: 5 }, intervalMs: 60_000 });
  // Driven by hand below, one pass at a time.
  await worker.stop();
});
afterAll(async () => {
  await smtp?.close();
  await receiver?.close();
  await server?.close();
});

describe('the server outbox key', () => {
  it('is served to signed-in people only, and stays the same across restarts of the services', async () => {
    expect((await server.app.inject({ url: '/sync/v2/outbox/key' })).statusCode).toBe(401);
    const response = await server.app.inject({ url: '/sync/v2/outbox/key', headers: { authorization: `Bearer ${tokens.member.accessToken}` } });
    expect(response.statusCode).toBe(200);
    key = response.json<OutboxKey>();
    expect(key).toEqual({ keyId: expect.stringMatching(/^ok_/), algorithm: 'X25519-HKDF-SHA256-A256GCM', publicKey: expect.any(String) });
    const again = await startTestServer({ db: server.db, closeDb: false });
    expect(again.services.outboxKey).toMatchObject({ pair: { key }, replacedKeyId: null });
    await again.close();
  });
});

describe('email sent by the server', () => {
  it('waits, without using up attempts, while there are no email settings, and says why', async () => {
    await pushAs(tokens.member.accessToken, [email('OB-E1')]);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    expect(await rowOf('OB-E1')).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('Email is not set up') });
    expect(await docOf('OB-E1')).toMatchObject({ status: 'pending', data: { attempts: 0, log: [], lastError: expect.stringContaining('Email is not set up') } });
  });

  it('refuses channel settings from a member: the server would send with them', async () => {
    const result = await pushAs(tokens.member.accessToken, [{ ...emailSettings({ host: 'smtp.attacker.example' }), createdBy: team.member.id, updatedBy: team.member.id }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: EMAIL_SETTINGS_ID, code: 'forbidden', message: 'Only an administrator can change email and webhook settings.' })]);
  });

  it('waits while the password is not sealed for the server, and sends once it is', async () => {
    const unsealed = emailSettings({});
    await pushAs(tokens.admin.accessToken, [unsealed]);
    expect(await worker.runOnce()).toBe(1);
    expect(await docOf('OB-E1')).toMatchObject({ status: 'pending', data: { attempts: 0, lastError: expect.stringContaining('cannot read the SMTP password yet') } });

    // Pushing the sealed password makes the waiting delivery due at once.
    const sealed = emailSettings({ serverSecret: sealForServer(key, smtpLogin.pass, sealContext(EMAIL_SETTINGS_ID)) });
    await pushAs(tokens.admin.accessToken, [sealed], [unsealed]);
    // Pushed again by a second PC: still one delivery.
    await pushAs(tokens.admin.accessToken, [email('OB-E1')]);
    expect(await worker.runOnce()).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: 'labflow@lab.org', to: ['max@lab.org'] });
    expect(smtp.mails[0]!.raw).toMatch(/X-LabFlow-Delivery: OB-E1/i);
    expect(await docOf('OB-E1')).toMatchObject({ status: 'delivered', updatedBy: 'sync-server', data: { attempts: 1, deliveredAt: expect.any(String), log: [expect.objectContaining({ isOk: true })] } });
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  it('sends again when an administrator asks (the document back to pending with no attempts)', async () => {
    const delivered = await docOf('OB-E1');
    const again = { ...delivered, status: 'pending', updatedBy: team.admin.id, data: { ...(delivered.data as object), attempts: 0 } } as WireDocument;
    await pushAs(tokens.admin.accessToken, [again], [delivered]);
    expect(await worker.runOnce()).toBe(1);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.raw).toMatch(/X-LabFlow-Delivery: OB-E1/i);
  });
});

describe('webhooks called by the server', () => {
  it('calls once with a valid signature, however many PCs push the delivery', async () => {
    await pushAs(tokens.admin.accessToken, [subscription('WH-1', receiver.url, sealForServer(key, hookSecret, sealContext('WH-1')))]);
    await pushAs(tokens.member.accessToken, [webhook('OB-W1', 'WH-1')]);
    await pushAs(tokens.admin.accessToken, [webhook('OB-W1', 'WH-1')]);
    expect(await worker.runOnce()).toBe(1);
    expect(receiver.hooks).toHaveLength(1);
    const [hook] = receiver.hooks;
    expect(hook!.headers['x-labflow-delivery']).toBe('OB-W1');
    expect(verifySignature(String(hook!.headers['x-labflow-signature']), hookSecret, hook!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(await docOf('OB-W1')).toMatchObject({ status: 'delivered', data: { log: [{ isOk: true, detail: 'HTTP 200: ok' }] } });
  });

  it('says in the delivery log when a seal does not open (altered, or moved from another subscription)', async () => {
    const moved = sealForServer(key, hookSecret, sealContext('WH-1'));
    await pushAs(tokens.admin.accessToken, [subscription('WH-2', receiver.url, moved), webhook('OB-W2', 'WH-2', team.admin.id)]);
    expect(await worker.runOnce()).toBe(1);
    expect(receiver.hooks).toHaveLength(1);
    const doc = await docOf('OB-W2');
    const expected = 'The signing secret sealed for the sync server cannot be opened: the seal was altered or damaged (it does not authenticate). Make a new secret in Settings → Notifications.';
    expect(doc).toMatchObject({ status: 'pending', data: { attempts: 1, lastError: expected, log: [{ isOk: false, detail: expected }] } });
  });

  it('never calls a link-local or cloud-metadata address, whoever pushed the subscription', async () => {
    await pushAs(tokens.admin.accessToken, [subscription('WH-3', 'http://169.254.169.254/latest/meta-data/', sealForServer(key, hookSecret, sealContext('WH-3'))), webhook('OB-W3', 'WH-3', team.admin.id)]);
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await docOf('OB-W3')).toMatchObject({ status: 'dead', data: { attempts: 1, lastError: expect.stringMatching(/link-local|metadata/) } });
    expect(receiver.hooks).toHaveLength(1);
  });
});
