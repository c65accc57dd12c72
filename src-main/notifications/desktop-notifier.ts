import type { AppLink } from '../../src-shared/notifications/app-link';
import type { BroadcastEvent } from '../host/feature';

/** A notification to pop up on the desktop of the person it is for. */
export interface DesktopNotice {
  id: string;
  recipientId: string;
  title: string;
  body: string;
  link?: AppLink;
}

/**
 * The desktop side of notifications, behind one small interface: Electron shows native
 * notifications and the tray badge (src-main/electron/desktop-notifier.ts); serve mode and tests
 * push an event the browser shows as a toast.
 */
export interface DesktopNotifier {
  show(notice: DesktopNotice): void;
  /** The notice was read (opened, settled when its step ended, marked read on another screen): take it down if it still shows. */
  withdraw(notice: Pick<DesktopNotice, 'id' | 'recipientId'>): void;
  /** Unread entries of the people signed in on this PC (the tray badge). */
  setUnreadCount(count: number): void;
}

/** Serve mode: every connected UI receives the notice and shows it when it is for its signed-in person. */
export function createBroadcastNotifier(broadcast: BroadcastEvent): DesktopNotifier {
  return {
    show: (notice) => broadcast('notifications/toast', notice),
    withdraw: (notice) => broadcast('notifications/toast-withdrawn', { id: notice.id, recipientId: notice.recipientId }),
    setUnreadCount: () => undefined,
  };
}
