import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { DeliveryView, WebhookView } from '../../../src-shared/notifications/notification-views';
import { verifySignature } from '../../../src-shared/notifications/webhook-signature';
import { tempDataDir } from '../support/sqlite-host';
import { startWebhookReceiver } from './receivers';
import { addPerson, eventually, openNotificationHost, signIn, signInAdmin } from './support';

let host: Host | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await host?.close();
  host = undefined;
  for (const close of closers.splice(0)) await close();
});

type Admin = Awaited<ReturnType<typeof signInAdmin>>;

async function subscribe(admin: Admin, url: string) {
  const created = await admin.client.call<{ webhook: WebhookView; secret: string }>('webhooks/create', { name: 'LIMS', url, events: ['system'] });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

async function settled(admin: Admin, subscriptionId: string, status: 'delivered' | 'dead'): Promise<DeliveryView> {
  const live = admin.client.subscribe('notifications/deliveries', { subscriptionId });
  for (;;) {
    const result = await live.next<DeliveryView[]>();
    const found = result.ok ? result.value[0] : undefined;
    if (found?.status === status) return found;
  }
}

describe('webhooks to a real HTTP receiver on loopback', () => {
  it('POSTs a signed JSON payload with a timestamp and an idempotency key', async () => {
    const receiver = await startWebhookReceiver(() => 200);
    closers.push(receiver.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const { webhook, secret } = await subscribe(admin, receiver.url);
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await admin.client.subscribe('webhooks/list').next())).not.toContain(secret);

    await admin.client.call('notifications/send-test', { recipientId: bobId, subject: 'Balance B-12 needs recalibration' });
    const delivery = await settled(admin, webhook.id, 'delivered');
    expect(delivery).toMatchObject({ channel: 'webhook', attempts: 1, log: [{ isOk: true, detail: 'HTTP 200: ok' }] });

    const [hook] = receiver.hooks;
    const payload = JSON.parse(hook!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({ id: delivery.id, event: 'system', subject: 'Balance B-12 needs recalibration', recipient: { id: bobId, name: 'Bob Baker' }, link: { section: 'notifications' } });
    expect(Date.parse(String(payload.timestamp))).toBeGreaterThan(Date.now() - 60_000);
    expect(hook!.headers['content-type']).toBe('application/json');
    expect(hook!.headers['x-labflow-delivery']).toBe(delivery.id);
    expect(hook!.headers['idempotency-key']).toBe(delivery.id);
    expect(hook!.headers['x-labflow-event']).toBe('system');
    const signature = String(hook!.headers['x-labflow-signature']);
    expect(verifySignature(signature, secret, hook!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature(signature, 'whsec_other', hook!.body, Math.floor(Date.now() / 1000))).toBe(false);

    // A rotated secret signs the next delivery.
    const rotated = await admin.client.call<{ secret: string }>('webhooks/rotate-secret', { id: webhook.id });
    await admin.client.call('notifications/send-test', { recipientId: bobId });
    const second = await eventually(async () => receiver.hooks[1]);
    expect(verifySignature(String(second.headers['x-labflow-signature']), rotated.ok ? rotated.value.secret : '', second.body, Math.floor(Date.now() / 1000))).toBe(true);
  });

  it('retries a receiver that fails twice and delivers on the third attempt', async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 2 ? 500 : 204));
    closers.push(receiver.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const { webhook } = await subscribe(admin, receiver.url);
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    const delivery = await settled(admin, webhook.id, 'delivered');
    expect(delivery.attempts).toBe(3);
    expect(delivery.log.map((l) => [l.isOk, l.detail])).toEqual([[false, 'HTTP 500: receiver failed'], [false, 'HTTP 500: receiver failed'], [true, 'HTTP 204']]);
    // Every attempt carried the same idempotency key, so the receiver can drop repeats.
    expect(new Set(receiver.hooks.map((h) => h.headers['x-labflow-delivery']))).toEqual(new Set([delivery.id]));
  });

  it('dead-letters a delivery to a dead receiver with its last error, and redelivers it on request', async () => {
    let isDown = true;
    const receiver = await startWebhookReceiver(() => (isDown ? 503 : 200));
    closers.push(receiver.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const { webhook } = await subscribe(admin, receiver.url);
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    const dead = await settled(admin, webhook.id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: 'HTTP 503: receiver failed' });
    expect(receiver.hooks).toHaveLength(3);

    isDown = false;
    expect(await admin.client.call('webhooks/redeliver', { deliveryId: dead.id })).toMatchObject({ ok: true, value: { status: 'pending', attempts: 0 } });
    const redelivered = await settled(admin, webhook.id, 'delivered');
    expect(redelivered.log.at(-1)).toMatchObject({ isOk: true });
    expect(receiver.hooks.at(-1)?.headers['x-labflow-delivery']).toBe(dead.id);
  });

  it('sends again after a restart in the middle of a delivery, without ever blocking commands', async () => {
    let shouldHang = true;
    const receiver = await startWebhookReceiver(() => (shouldHang ? 0 : 200));
    closers.push(receiver.close);
    const dir = tempDataDir();
    host = await openNotificationHost(dir);
    const admin = await signInAdmin(host);
    const { webhook } = await subscribe(admin, receiver.url);
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    await eventually(async () => receiver.hooks[0]);
    // The receiver holds the request; commands still answer meanwhile: when this one returns, the
    // delivery is still being sent (had the command waited for the send, the send would have ended
    // first, by its timeout, and been recorded).
    expect((await admin.client.call('notifications/mark-all-read', {})).ok).toBe(true);
    const [inFlight] = await host.db.notifications.find({ selector: { kind: 'outbox' } }).exec();
    expect(inFlight?.get('status')).toBe('sending');
    await host.close();
    host = undefined;

    shouldHang = false;
    host = await openNotificationHost(dir);
    const again = await signInAdmin(host, false);
    const delivery = await settled(again, webhook.id, 'delivered');
    expect(receiver.hooks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(receiver.hooks.map((h) => h.headers['x-labflow-delivery']))).toEqual(new Set([delivery.id]));
  });

  it('updates a webhook for an administrator only, checking the new address like a new one', async () => {
    const receiver = await startWebhookReceiver(() => 200);
    closers.push(receiver.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const bob = await signIn(host, 'bob@lab.org');
    const { webhook } = await subscribe(admin, 'https://lims.lab.org/hooks');
    expect(await bob.call('webhooks/update', { id: webhook.id, url: receiver.url })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.client.call('webhooks/update', { id: webhook.id, url: 'http://169.254.169.254/latest/meta-data/' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'url' } });
    expect(await admin.client.call('webhooks/update', { id: 'WH-NONE', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const updated = await admin.client.call<WebhookView>('webhooks/update', { id: webhook.id, name: 'LIMS (test)', url: receiver.url, isActive: true });
    expect(updated).toMatchObject({ ok: true, value: { id: webhook.id, name: 'LIMS (test)', url: receiver.url, isActive: true } });
    // The next delivery goes to the new address.
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    expect(await settled(admin, webhook.id, 'delivered')).toMatchObject({ attempts: 1 });
    expect(receiver.hooks).toHaveLength(1);
    // Switched off, it gets nothing more.
    expect(await admin.client.call('webhooks/update', { id: webhook.id, isActive: false })).toMatchObject({ ok: true, value: { isActive: false } });
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    await host.whenIdle();
    expect(receiver.hooks).toHaveLength(1);
  });

  it('refuses link-local and metadata addresses when subscribing', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://metadata.google.internal/', 'http://[fe80::1]/', 'ftp://lims.lab.org/']) {
      expect(await admin.client.call('webhooks/create', { name: 'Bad', url, events: ['system'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'url' } });
    }
    expect(await admin.client.call('webhooks/create', { name: 'No events', url: 'https://lims.lab.org/', events: [] })).toMatchObject({ ok: false, error: { field: 'events' } });
  });
});

describe('the outbox in team mode', () => {
  it('is left to the sync server while Team sync is set up, and delivered here again once it is not', async () => {
    const receiver = await startWebhookReceiver(() => 200);
    closers.push(receiver.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const { webhook } = await subscribe(admin, receiver.url);
    // What Settings → Team sync stores when this PC joins a team.
    await host.db.upsertLocal('team-sync', { serverUrl: 'http://127.0.0.1:9', joinedAt: new Date().toISOString() });
    await admin.client.call('notifications/send-test', { recipientId: admin.id });
    // Idle with the delivery due: this PC will not send it.
    await host.whenIdle();
    const [waiting] = await host.db.notifications.find({ selector: { kind: 'outbox' } }).exec();
    expect(waiting?.toJSON()).toMatchObject({ status: 'pending', data: { attempts: 0 } });
    expect(Date.parse(waiting!.get('dueAt') as string)).toBeLessThanOrEqual(Date.now());
    expect(receiver.hooks).toHaveLength(0);

    await (await host.db.getLocal('team-sync'))?.remove();
    const delivery = await settled(admin, webhook.id, 'delivered');
    expect(delivery.attempts).toBe(1);
    expect(receiver.hooks).toHaveLength(1);
  });
});
