import { describe, expect, it } from 'vitest';
import { createElectronNotifier, type NativeNotification } from '../../../src-main/electron/desktop-notifier';
import { createSafeStorageSecretStore } from '../../../src-main/electron/safe-storage-secret-store';
import { trayMenuTemplate, trayTooltip } from '../../../src-main/electron/tray-menu';
import type { AppLink } from '../../../src-shared/notifications/app-link';

// Electron's Notification and safeStorage cannot run here (no Electron binary); these fakes have the
// same methods, and are the only stand-ins in this file.
class FakeNotification implements NativeNotification {
  private click: (() => void) | undefined;
  isShown = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(_event: 'click', listener: () => void) {
    this.click = listener;
  }
  show() {
    this.isShown = true;
  }
  close() {
    this.isShown = false;
  }
  clickIt() {
    this.click?.();
  }
}

describe('tray', () => {
  const actions = { open: () => undefined, openMyWork: () => undefined, setPaused: () => undefined, quit: () => undefined };
  it('shows the unread count in the tooltip and the menu', () => {
    expect(trayTooltip({ unread: 0, isPaused: false })).toBe('LabFlow — no unread notifications');
    expect(trayTooltip({ unread: 1, isPaused: true })).toBe('LabFlow — 1 unread notification (paused)');
    expect(trayMenuTemplate({ unread: 150, isPaused: false }, actions)[0]?.label).toBe('Open LabFlow (99+ unread)');
  });

  it('offers open, my work, pause and quit, and pausing toggles', () => {
    const calls: string[] = [];
    const menu = trayMenuTemplate({ unread: 0, isPaused: false }, { ...actions, openMyWork: () => calls.push('my work'), setPaused: (p) => calls.push(`paused ${p}`) });
    expect(menu.filter((m) => m.label).map((m) => m.label)).toEqual(['Open LabFlow', 'My work', 'Pause notifications', 'Quit LabFlow']);
    const click = (label: string) => (menu.find((m) => m.label === label)?.click as () => void)();
    click('My work');
    click('Pause notifications');
    expect(calls).toEqual(['my work', 'paused true']);
  });
});

describe('native desktop notifications', () => {
  function setup(isPaused = false, isSupported = true) {
    const created: FakeNotification[] = [];
    const opened: (AppLink | undefined)[] = [];
    const counts: number[] = [];
    const notifier = createElectronNotifier({
      notifications: { isSupported: () => isSupported, create: (options) => (created.push(new FakeNotification(options)), created.at(-1)!) },
      open: (link) => opened.push(link),
      isPaused: () => isPaused,
      setUnreadCount: (n) => counts.push(n),
    });
    return { notifier, created, opened, counts };
  }
  const notice = { id: 'n1', recipientId: 'P1', title: 'Overdue: Weigh', body: 'Was due.', link: { section: 'tasks', itemId: 'T1' } };

  it('pop up and open their item when clicked', () => {
    const { notifier, created, opened } = setup();
    notifier.show(notice);
    expect(created[0]).toMatchObject({ isShown: true, options: { title: 'Overdue: Weigh', body: 'Was due.' } });
    created[0]?.clickIt();
    expect(opened).toEqual([{ section: 'tasks', itemId: 'T1' }]);
  });

  it('are taken down once read elsewhere, and only that one', () => {
    const { notifier, created } = setup();
    notifier.show(notice);
    notifier.show({ ...notice, id: 'n2', title: 'Waiting for you: Approve' });
    notifier.withdraw({ id: 'n2', recipientId: 'P1' });
    expect(created.map((n) => n.isShown)).toEqual([true, false]);
  });

  it('stay silent while paused or where the platform has none, and pass the count to the tray', () => {
    const paused = setup(true);
    paused.notifier.show(notice);
    expect(paused.created).toEqual([]);
    const unsupported = setup(false, false);
    unsupported.notifier.show(notice);
    expect(unsupported.created).toEqual([]);
    paused.notifier.setUnreadCount(4);
    expect(paused.counts).toEqual([4]);
  });
});

describe('safeStorage secret store', () => {
  const fallback = { description: 'key file', encrypt: (t: string) => `kf1:${t.split('').reverse().join('')}`, decrypt: (c: string) => c.slice(4).split('').reverse().join('') };
  const keychain = (isAvailable: boolean, backend = 'gnome_libsecret') => ({
    isEncryptionAvailable: () => isAvailable,
    getSelectedStorageBackend: () => backend,
    encryptString: (t: string) => Buffer.from(`enc(${t})`),
    decryptString: (b: Buffer) => b.toString().slice(4, -1),
  });

  it('uses the operating system key store where there is one', () => {
    const store = createSafeStorageSecretStore(keychain(true), fallback);
    const cipher = store.encrypt('smtp-secret');
    expect(cipher.startsWith('ss1:')).toBe(true);
    expect(cipher).not.toContain('smtp-secret');
    expect(store.decrypt(cipher)).toBe('smtp-secret');
    expect(store.decrypt(fallback.encrypt('older'))).toBe('older');
  });

  it('falls back to the key file, never plain text, without a keyring', () => {
    for (const store of [createSafeStorageSecretStore(keychain(false), fallback), createSafeStorageSecretStore(keychain(true, 'basic_text'), fallback)]) {
      expect(store.encrypt('smtp-secret').startsWith('kf1:')).toBe(true);
      expect(store.description).toBe('key file');
    }
  });
});
