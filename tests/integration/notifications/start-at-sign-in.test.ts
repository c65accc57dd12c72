import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { LoginItems } from '../../../src-main/notifications/start-at-sign-in';
import { START_AT_SIGN_IN_DESKTOP_ONLY, type DesktopSettings } from '../../../src-shared/notifications/notification-views';
import { tempDataDir } from '../support/sqlite-host';
import { openNotificationHost, signInAdmin } from './support';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** The OS's login items as the desktop app would change them, recorded; `refuse` makes the next change fail. */
function fakeLoginItems() {
  const calls: boolean[] = [];
  let refusal: Error | undefined;
  const loginItems: LoginItems = {
    setStartAtSignIn(isOn) {
      if (refusal) throw refusal;
      calls.push(isOn);
    },
  };
  return { loginItems, calls, refuse: (error: Error | undefined) => void (refusal = error) };
}

describe('Start LabFlow when I sign in to this computer', () => {
  it('turns the login item on and off, keeps the choice for this PC across a restart and applies only what the OS accepted', async () => {
    const dataDir = tempDataDir();
    const os = fakeLoginItems();
    host = await openNotificationHost(dataDir, { platform: { loginItems: os.loginItems } });
    const admin = await signInAdmin(host);
    expect(await admin.client.subscribe('notifications/desktop-settings').next()).toEqual({ ok: true, value: { keepRunningInTray: true, startAtSignIn: false, canStartAtSignIn: true } });

    const on = await admin.client.call<DesktopSettings>('notifications/set-desktop-settings', { startAtSignIn: true });
    expect(on).toEqual({ ok: true, value: { keepRunningInTray: true, startAtSignIn: true, canStartAtSignIn: true } });
    expect(os.calls).toEqual([true]);

    // Changing the tray setting alone leaves the login item as it is.
    await admin.client.call('notifications/set-desktop-settings', { keepRunningInTray: false });
    expect(os.calls).toEqual([true]);

    os.refuse(new Error('Access is denied.'));
    const refused = await admin.client.call('notifications/set-desktop-settings', { startAtSignIn: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal', field: 'startAtSignIn', message: expect.stringMatching(/did not accept.*error E-[0-9A-F]{8}/) } });
    os.refuse(undefined);

    await host.close();
    host = await openNotificationHost(dataDir, { platform: { loginItems: os.loginItems } });
    const again = await signInAdmin(host, false);
    expect(await again.client.subscribe('notifications/desktop-settings').next()).toEqual({ ok: true, value: { keepRunningInTray: false, startAtSignIn: true, canStartAtSignIn: true } });
    expect(await again.client.call('notifications/set-desktop-settings', { startAtSignIn: false })).toMatchObject({ ok: true, value: { startAtSignIn: false } });
    expect(os.calls).toEqual([true, false]);
  });

  it('is refused in serve mode, saying it applies to the installed desktop app, and refuses bad input', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    expect(await admin.client.call('notifications/set-desktop-settings', { startAtSignIn: true })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: START_AT_SIGN_IN_DESKTOP_ONLY, field: 'startAtSignIn' },
    });
    expect(await admin.client.call('notifications/set-desktop-settings', { startAtSignIn: 'on' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'startAtSignIn' } });
    expect(await admin.client.subscribe('notifications/desktop-settings').next()).toMatchObject({ ok: true, value: { startAtSignIn: false, canStartAtSignIn: false } });
  });
});
