import { useEffect, useState } from 'react';
import { linkToHash, type AppLink } from '../../src-shared/notifications/app-link';
import type { NotificationEvent } from '../../src-shared/notifications/notification-events';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { dismissToast, receiveToast, visibleToast, type Toast, type ToastQueue } from './toast-queue';

/** The signed-in person's unread count (the rail badge). */
export function useUnreadCount(): number {
  return useLiveQuery('notifications/unread-count', {}).data?.count ?? 0;
}

/** The signed-in person's notification centre, with the commands that act on it. */
export function useNotificationCentre(filter: { event?: NotificationEvent; isUnreadOnly: boolean }) {
  const list = useLiveQuery('notifications/list', { ...(filter.event ? { event: filter.event } : {}), isUnreadOnly: filter.isUnreadOnly, limit: 200 });
  const markRead = useCommand('notifications/mark-read');
  const markAllRead = useCommand('notifications/mark-all-read');
  return { list, markRead, markAllRead };
}

/** Opens the place a notification is about (its hash route). */
export const openLink = (link: AppLink | undefined) => {
  if (link) window.location.hash = linkToHash(link);
};

/** Desktop notices pushed by the host in serve mode, only those for `personId`, one shown at a time. */
export function useToasts(personId: string) {
  const client = useBridge();
  const [queue, setQueue] = useState<ToastQueue>([]);
  useEffect(
    () =>
      client.onEvent((name, payload) => {
        if (name === 'notifications/toast-withdrawn') {
          const withdrawn = payload as { id: string; recipientId: string };
          if (withdrawn.recipientId === personId) setQueue((current) => dismissToast(current, withdrawn.id));
          return;
        }
        if (name !== 'notifications/toast') return;
        const toast = payload as Toast & { recipientId: string };
        if (toast.recipientId !== personId) return;
        setQueue((current) => receiveToast(current, { id: toast.id, title: toast.title, body: toast.body, ...(toast.link ? { link: toast.link } : {}) }));
      }),
    [client, personId],
  );
  return {
    visible: visibleToast(queue),
    dismiss: (id: string) => setQueue((current) => dismissToast(current, id)),
    dismissAll: () => setQueue([]),
  };
}
