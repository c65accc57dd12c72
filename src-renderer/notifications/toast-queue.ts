import type { AppLink } from '../../src-shared/notifications/app-link';

/** A desktop notice pushed by the host in serve mode (the window's stand-in for a native notification). */
export interface Toast {
  id: string;
  title: string;
  body: string;
  link?: AppLink;
}

/**
 * Toasts waiting to be seen, newest last. Only the newest is shown, with a count of the others,
 * so a burst of notices never stacks over the page; every notice also sits in the notification
 * centre, so dropping the oldest beyond `limit` loses nothing.
 */
export type ToastQueue = readonly Toast[];

export const TOAST_QUEUE_LIMIT = 20;

/** Adds a notice; one with an id already waiting replaces it (the host may repeat a push). */
export function receiveToast(queue: ToastQueue, toast: Toast, limit = TOAST_QUEUE_LIMIT): ToastQueue {
  return [...queue.filter((t) => t.id !== toast.id), toast].slice(-limit);
}

/** Drops one notice (closed, opened, or hidden after its time); the one before it shows next. */
export function dismissToast(queue: ToastQueue, id: string): ToastQueue {
  return queue.filter((t) => t.id !== id);
}

/** What the corner shows: the newest notice and how many more are waiting behind it. */
export function visibleToast(queue: ToastQueue): { toast: Toast; moreCount: number } | null {
  const toast = queue.at(-1);
  return toast ? { toast, moreCount: queue.length - 1 } : null;
}
