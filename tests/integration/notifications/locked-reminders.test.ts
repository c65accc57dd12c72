import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { DesktopNotice, DesktopNotifier } from '../../../src-main/notifications/desktop-notifier';
import { tempDataDir } from '../support/sqlite-host';
import { addPerson, eventually, manualClock, openNotificationHost, signIn, signInAdmin } from './support';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const TIMEOUT_MS = 30 * 60_000;

const currentHost = (): Host => {
  if (!host) throw new Error('no host open');
  return host;
};

/** The desktop side as the relay drives it (native pop-ups and the tray badge), recorded. */
function fakeNotifier() {
  const shown: DesktopNotice[] = [];
  const counts: number[] = [];
  const notifier: DesktopNotifier = {
    show: (notice) => void shown.push(notice),
    withdraw: () => undefined,
    setUnreadCount: (count) => void counts.push(count),
  };
  return { notifier, shown, counts, lastCount: () => counts.at(-1) };
}

async function lab() {
  const clock = manualClock();
  const desktop = fakeNotifier();
  host = await openNotificationHost(tempDataDir(), { clock: clock.clock, sessionTimeoutMs: TIMEOUT_MS, platform: { desktopNotifier: desktop.notifier } });
  const admin = await signInAdmin(host);
  const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
  await addPerson(admin.client, 'Cleo Chen', 'cleo@lab.org');
  const current = host;
  /** Bob at this PC: signed in, his window watching the unread count as the UI does. */
  const bobSignsIn = async () => {
    const bob = await signIn(current, 'bob@lab.org');
    const count = bob.subscribe('notifications/unread-count');
    await count.next();
    return bob;
  };
  const remindBob = async (subject: string) => {
    const sent = await admin.client.call('notifications/send-test', { recipientId: bobId, subject, body: 'Balance B-12 in room 2.14' });
    expect(sent.ok).toBe(true);
  };
  /** Bob leaves his desk: half an hour passes in which only the administrator does something. */
  const bobIdlesOut = async (bob: Awaited<ReturnType<typeof bobSignsIn>>) => {
    clock.advance(TIMEOUT_MS / 2);
    expect((await admin.client.call('notifications/set-desktop-settings', {})).ok).toBe(true);
    clock.advance(TIMEOUT_MS / 2 + 1);
    // The host notices the inactivity on Bob's next message and ends his session: his window locks.
    expect(await bob.call('notifications/mark-all-read', {})).toMatchObject({ ok: false, error: { code: 'session_expired' } });
  };
  const shownAfter = (before: number) => eventually(async () => (desktop.shown.length > before ? desktop.shown.slice(before) : undefined));
  return { desktop, admin, bobId, bobSignsIn, bobIdlesOut, remindBob, shownAfter };
}

describe('tray reminders while the window is locked (issue 17 item 2)', () => {
  it('keep reaching the desktop after the session locks, with no detail but the place to open, and the tray count stays current', async () => {
    const { desktop, bobId, bobSignsIn, bobIdlesOut, remindBob, shownAfter } = await lab();
    const bob = await bobSignsIn();
    await remindBob('Calibrate balance B-12');
    expect(await shownAfter(0)).toEqual([expect.objectContaining({ recipientId: bobId, title: 'Calibrate balance B-12', body: 'Balance B-12 in room 2.14' })]);
    await eventually(async () => (desktop.lastCount() === 1 ? true : undefined));

    await bobIdlesOut(bob);

    await remindBob('Sign the deviation DEV-7');
    const [locked] = await shownAfter(1);
    expect(locked).toEqual({ id: expect.any(String), recipientId: bobId, title: 'LabFlow', body: '1 new reminder', link: { section: 'notifications' } });
    expect(JSON.stringify(locked)).not.toMatch(/DEV-7|B-12|deviation/);
    await eventually(async () => (desktop.lastCount() === 2 ? true : undefined));

    // Bob continues with his password: pop-ups show their detail again.
    await bobSignsIn();
    await remindBob('Review SOP-3');
    expect(await shownAfter(2)).toEqual([expect.objectContaining({ title: 'Review SOP-3' })]);
    await eventually(async () => (desktop.lastCount() === 3 ? true : undefined));
  });

  it('stop for a person who signed out, and for a locked person once someone else signs in here', async () => {
    const { desktop, bobSignsIn, bobIdlesOut, remindBob, admin } = await lab();
    const bob = await bobSignsIn();
    expect((await bob.call('auth/sign-out', {})).ok).toBe(true);
    await remindBob('Calibrate balance B-12');
    // A later pop-up for someone present proves the relay ran past Bob's entry without showing it.
    const adminCount = admin.client.subscribe('notifications/unread-count');
    await adminCount.next();
    await admin.client.call('notifications/send-test', { recipientId: admin.id, subject: 'For the administrator' });
    expect((await eventually(async () => (desktop.shown.length > 0 ? desktop.shown : undefined))).map((n) => n.title)).toEqual(['For the administrator']);

    await bobIdlesOut(await bobSignsIn());
    const cleo = await signIn(currentHost(), 'cleo@lab.org');
    await cleo.subscribe('notifications/unread-count').next();
    await remindBob('Sign the deviation DEV-7');
    await admin.client.call('notifications/send-test', { recipientId: admin.id, subject: 'Second for the administrator' });
    await eventually(async () => (desktop.shown.length > 1 ? true : undefined));
    expect(desktop.shown.map((n) => n.title)).toEqual(['For the administrator', 'Second for the administrator']);
  });
});

