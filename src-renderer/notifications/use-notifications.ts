import { useEffect, useState } from 'react';
import { linkToHash, type AppLink } from '../../src-shared/notifications/app-link';
import type { NotificationEvent } from '../../src-shared/notifications/notification-events';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';

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

export interface Toast {
  id: string;
  title: string;
  body: string;
  link?: AppLink;
}

/** Desktop notices pushed by the host in serve mode, only those for `personId`. */
export function useToasts(personId: string) {
  const client = useBridge();
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(
    () =>
      client.onEvent((name, payload) => {
        if (name !== 'notifications/toast') return;
        const toast = payload as Toast & { recipientId: string };
        if (toast.recipientId !== personId) return;
        setToasts((current) => [...current.filter((t) => t.id !== toast.id), { id: toast.id, title: toast.title, body: toast.body, ...(toast.link ? { link: toast.link } : {}) }].slice(-3));
      }),
    [client, personId],
  );
  const dismiss = (id: string) => setToasts((current) => current.filter((t) => t.id !== id));
  return { toasts, dismiss };
}
