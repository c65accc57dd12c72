import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { DeliveryView } from '../../../src-shared/notifications/notification-views';
import { tempDataDir } from '../support/sqlite-host';
import { decodeQuotedPrintable, startSmtpReceiver } from './receivers';
import { addPerson, eventually, openNotificationHost, signInAdmin } from './support';

let host: Host | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await host?.close();
  host = undefined;
  for (const close of closers.splice(0)) await close();
});

const settings = (port: number, pass = 'smtp-secret-42') => ({ host: '127.0.0.1', port, tlsMode: 'none', user: 'labflow', password: pass, from: 'labflow@lab.org', fromName: 'LabFlow QC', appUrl: 'https://labflow.lab.org' });

async function deliveryOutcome(admin: Awaited<ReturnType<typeof signInAdmin>>, id: string): Promise<DeliveryView> {
  const live = admin.client.subscribe('notifications/deliveries', { channel: 'email' });
  for (;;) {
    const result = await live.next<DeliveryView[]>();
    const found = result.ok ? result.value.find((d) => d.id === id) : undefined;
    if (found && (found.status === 'delivered' || found.status === 'dead')) return found;
  }
}

describe('email through a real SMTP server on loopback', () => {
  it('keeps the password encrypted, sends the test email and notifications with both bodies, headers and a link back', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const dataDir = tempDataDir();
    host = await openNotificationHost(dataDir);
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');

    const saved = await admin.client.call('notifications/set-email-settings', settings(smtp.port));
    expect(saved).toMatchObject({ ok: true, value: { host: '127.0.0.1', hasPassword: true } });
    expect(JSON.stringify(saved)).not.toContain('smtp-secret-42');
    expect(await admin.client.subscribe('notifications/email-settings').next()).toMatchObject({ ok: true, value: { hasPassword: true, user: 'labflow' } });

    const test = await admin.client.call<{ deliveryId: string }>('notifications/send-test-email', { to: 'qa@lab.org' });
    if (!test.ok) throw new Error(test.error.message);
    expect(await deliveryOutcome(admin, test.value.deliveryId)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(smtp.mails[0]).toMatchObject({ from: 'labflow@lab.org', to: ['qa@lab.org'] });
    expect(smtp.mails[0]?.raw).toMatch(/^Subject: \[LabFlow\] Test email$/m);

    // A notification to Bob (email is on for administrators' messages by default).
    await admin.client.call('notifications/send-test', { recipientId: bobId, subject: 'Balance B-12 needs recalibration', body: 'Before Friday, please.' });
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes('bob@lab.org')));
    const raw = mail.raw;
    const decoded = decodeQuotedPrintable(raw);
    expect(raw).toMatch(/^From: LabFlow QC <labflow@lab\.org>$/m);
    expect(raw).toMatch(/^To: Bob Baker <bob@lab\.org>$/m);
    expect(raw).toMatch(/^Subject: \[LabFlow\] Balance B-12 needs recalibration$/m);
    expect(raw).toMatch(/^X-LabFlow-Delivery: ob-[0-9a-f]{32}$/im);
    expect(raw).toMatch(/^X-LabFlow-Event: system$/im);
    expect(raw).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(raw).toMatch(/^Message-ID: <ob-[0-9a-f]{32}@labflow>$/im);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(raw).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
    expect(decoded).toContain('Hello Bob Baker,');
    expect(decoded).toContain('Open in LabFlow: https://labflow.lab.org/#/notifications');
    expect(decoded).toContain('<a href="https://labflow.lab.org/#/notifications">Open in LabFlow</a>');
    expect(decoded).toContain('<h2 style="font-size:18px;margin:16px 0 8px">Balance B-12 needs recalibration</h2>');

    // The password is nowhere in the data folder in plain text (database, WAL, audit trail).
    await host.close();
    host = undefined;
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('labflow.sqlite'))) {
      expect(readFileSync(join(dataDir, file)).includes('smtp-secret-42')).toBe(false);
    }
  });

  it('reports a wrong password and a refused connection in the delivery log, without retrying a test email', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);

    await admin.client.call('notifications/set-email-settings', settings(smtp.port, 'wrong password'));
    const wrong = await admin.client.call<{ deliveryId: string }>('notifications/send-test-email', { to: 'qa@lab.org' });
    const failed = await deliveryOutcome(admin, wrong.ok ? wrong.value.deliveryId : '');
    expect(failed).toMatchObject({ status: 'dead', attempts: 1, maxAttempts: 1 });
    expect(failed.lastError).toContain(`The SMTP server 127.0.0.1:${smtp.port} refused the user name or password.`);
    expect(smtp.mails).toEqual([]);

    await smtp.close();
    closers.pop();
    await admin.client.call('notifications/set-email-settings', { ...settings(smtp.port), password: undefined });
    const refused = await admin.client.call<{ deliveryId: string }>('notifications/send-test-email', { to: 'qa@lab.org' });
    const down = await deliveryOutcome(admin, refused.ok ? refused.value.deliveryId : '');
    expect(down.status).toBe('dead');
    expect(down.lastError).toMatch(new RegExp(`Could not connect to the SMTP server 127\\.0\\.0\\.1:${smtp.port}.*ECONNREFUSED`));
  });

  it('refuses email settings from non-administrators and a test email before settings exist', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    expect(await admin.client.call('notifications/send-test-email', { to: 'qa@lab.org' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await admin.client.call('notifications/set-email-settings', { ...settings(25), port: 70000 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'port' } });
    await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const { signIn } = await import('./support');
    const bob = await signIn(host, 'bob@lab.org');
    expect(await bob.call('notifications/set-email-settings', settings(25))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bob.subscribe('notifications/email-settings').next()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
