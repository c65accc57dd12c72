import type { AppLink } from '../../src-shared/notifications/app-link';
import type { DesktopNotifier } from '../notifications/desktop-notifier';

/** The part of Electron's `Notification` used here, so the notifier runs in tests without Electron. */
export interface NativeNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
  close(): void;
}
export interface NativeNotifications {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NativeNotification;
}

export interface ElectronNotifierOptions {
  notifications: NativeNotifications;
  /** Brings the window forward and shows the item (window-link.ts). */
  open(link: AppLink | undefined): void;
  /** The tray's "Pause notifications". */
  isPaused(): boolean;
  setUnreadCount(count: number): void;
}

/**
 * Native desktop notifications: each notice pops up (unless paused from the tray, or the platform
 * has none), and clicking it opens the item it is about. Notification objects are kept until
 * clicked or replaced, or the garbage collector may drop the click handler on some platforms.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): DesktopNotifier {
  const shown = new Map<string, NativeNotification>();
  return {
    show(notice) {
      if (options.isPaused() || !options.notifications.isSupported()) return;
      const notification = options.notifications.create({ title: notice.title, body: notice.body.slice(0, 300) });
      notification.on('click', () => {
        shown.delete(notice.id);
        options.open(notice.link);
      });
      shown.set(notice.id, notification);
      if (shown.size > 20) shown.delete(shown.keys().next().value!);
      notification.show();
    },
    withdraw(notice) {
      shown.get(notice.id)?.close();
      shown.delete(notice.id);
    },
    setUnreadCount: (count) => options.setUnreadCount(count),
  };
}
