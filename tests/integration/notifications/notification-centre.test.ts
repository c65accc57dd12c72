import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { notify } from '../../../src-main/notifications/notify';
import type { NotificationView } from '../../../src-shared/notifications/notification-views';
import { tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { addPerson, entriesOf, openNotificationHost, servicesProbe, signIn, signInAdmin } from './support';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('notification centre', () => {
  it('shows a notification to its recipient only, counts it unread until read, and filters by type', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const bob = await signIn(host, 'bob@lab.org');
    const count = bob.subscribe('notifications/unread-count');
    expect(await count.next()).toEqual({ ok: true, value: { count: 0 } });

    const sent = await admin.client.call<{ id: string }>('notifications/send-test', { recipientId: bobId, subject: 'Calibrate the balance', body: 'Before Friday.' });
    expect(sent.ok).toBe(true);
    expect(await count.next()).toEqual({ ok: true, value: { count: 1 } });

    const list = bob.subscribe('notifications/list', {});
    const entries = await list.next<NotificationView[]>();
    expect(entries).toMatchObject({ ok: true, value: [{ event: 'system', subject: 'Calibrate the balance', body: 'Before Friday.', isRead: false, actorName: 'Ada Admin', link: { section: 'notifications' } }] });
    // The administrator's own centre stays empty.
    expect(await admin.client.subscribe('notifications/list', {}).next()).toEqual({ ok: true, value: [] });
    expect(await bob.subscribe('notifications/list', { event: 'task_due' }).next()).toEqual({ ok: true, value: [] });

    // Someone else cannot mark Bob's entry read.
    const id = sent.ok ? sent.value.id : '';
    expect(await admin.client.call('notifications/mark-read', { ids: [id] })).toEqual({ ok: true, value: { changed: 0 } });
    expect(await bob.call('notifications/mark-read', { ids: [id] })).toEqual({ ok: true, value: { changed: 1 } });
    expect(await count.next()).toEqual({ ok: true, value: { count: 0 } });

    await admin.client.call('notifications/send-test', { recipientId: bobId });
    await admin.client.call('notifications/send-test', { recipientId: bobId });
    expect(await count.next()).toMatchObject({ value: { count: 1 } });
    expect(await count.next()).toMatchObject({ value: { count: 2 } });
    expect(await bob.call('notifications/mark-all-read', {})).toEqual({ ok: true, value: { changed: 2 } });
    // Each entry written is one change, so the count may pass through 1 on its way to 0.
    let latest = await count.next<{ count: number }>();
    while (latest.ok && latest.value.count > 0) latest = await count.next<{ count: number }>();
    expect(latest).toEqual({ ok: true, value: { count: 0 } });
  });

  it('keeps this PC’s desktop settings: read back, refused without a sign-in or with bad input', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const settings = admin.client.subscribe('notifications/desktop-settings');
    const initial = await settings.next<{ keepRunningInTray: boolean }>();
    expect(initial.ok).toBe(true);
    const flipped = !(initial.ok && initial.value.keepRunningInTray);
    // Serve mode and this test have no login items: start at sign-in stays off and unavailable.
    const expected = { keepRunningInTray: flipped, startAtSignIn: false, canStartAtSignIn: false };
    expect(await admin.client.call('notifications/set-desktop-settings', { keepRunningInTray: flipped })).toEqual({ ok: true, value: expected });
    expect(await settings.next()).toEqual({ ok: true, value: expected });
    expect(await admin.client.call('notifications/set-desktop-settings', { keepRunningInTray: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'keepRunningInTray' } });
    const stranger = connectTestClient(host);
    expect(await stranger.call('notifications/set-desktop-settings', { keepRunningInTray: !flipped })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await admin.client.subscribe('notifications/desktop-settings').next()).toEqual({ ok: true, value: expected });
  });

  it('refuses test notifications from non-administrators and to unknown people', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const bob = await signIn(host, 'bob@lab.org');
    expect(await bob.call('notifications/send-test', { recipientId: admin.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.client.call('notifications/send-test', { recipientId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'recipientId' } });
    expect(await entriesOf(host, bobId)).toEqual([]);
  });

  it('notifies once per key, applies preferences, and records the firing when in-app is off', async () => {
    const probe = servicesProbe();
    host = await openNotificationHost(tempDataDir(), { extraFeatures: [probe.feature] });
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const bob = await signIn(host, 'bob@lab.org');

    const saved = await bob.call('notifications/set-preferences', {
      channels: { task_assigned: { inApp: false, desktop: false, email: false, webhook: false } },
      quietHours: { isEnabled: true, start: '22:00', end: '07:00', utcOffsetMinutes: 60 },
    });
    expect(saved.ok).toBe(true);
    expect(await bob.subscribe('notifications/preferences').next()).toMatchObject({ ok: true, value: { quietHours: { isEnabled: true, utcOffsetMinutes: 60 } } });
    expect(await bob.call('notifications/set-preferences', { channels: {}, quietHours: { isEnabled: true, start: '25:00', end: '07:00', utcOffsetMinutes: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'quietHours.start' },
    });

    // notify() as another feature's background work calls it: inside the write queue.
    const services = probe.get();
    const send = (key: string, event: 'task_assigned' | 'mention') =>
      services.runExclusive(() => notify(services, { event, recipientIds: [bobId, bobId], subject: `About ${key}`, body: 'Body', key, link: { section: 'tasks', itemId: 'T1' } }));
    await send('task:T1:assigned', 'task_assigned');
    const first = await send('comment:C1:mention', 'mention');
    const again = await send('comment:C1:mention', 'mention');
    expect(again.ids).toEqual(first.ids);
    const entries = await entriesOf(host, bobId);
    expect(entries.map((e) => [e.event, e.subject])).toEqual([['mention', 'About comment:C1:mention']]);
    const firings = await host.db.notifications.find({ selector: { kind: 'firing', recipientId: bobId } }).exec();
    expect(firings.map((f) => f.get('event'))).toEqual(['task_assigned']);
  });
});
