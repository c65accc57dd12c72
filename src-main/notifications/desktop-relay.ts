import type { Subscription } from 'rxjs';
import { entryDataSchema, type StoredNotification } from '../../src-shared/notifications/notification-model';
import type { LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import type { DesktopNotice, DesktopNotifier } from './desktop-notifier';

export interface DesktopRelay {
  /** A person is looking at LabFlow on this PC (their UI watches the unread count); returns "left". */
  enter(personId: string): () => void;
  dispose(): void;
}

/** More pop-ups than this within one burst become one "N new notifications" pop-up. */
const BURST_LIMIT = 3;
const BURST_MS = 400;

/**
 * Brings new entries to the desktop: every new entry marked for the desktop (the person's channel,
 * outside quiet hours) pops up — but only for people signed in on this PC, so a shared lab PC
 * does not show one person's notifications to another — and the tray shows their unread count.
 * Driven by the collection's change stream, so entries written by any feature, or arriving from
 * team sync, pop up the same way.
 */
export function createDesktopRelay(db: LabDatabase, notifier: DesktopNotifier, log: Logger): DesktopRelay {
  const present = new Map<string, number>();
  let countSubscription: Subscription | undefined;
  let burst: DesktopNotice[] = [];
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    burstTimer = undefined;
    const byPerson = new Map<string, DesktopNotice[]>();
    for (const n of burst) byPerson.set(n.recipientId, [...(byPerson.get(n.recipientId) ?? []), n]);
    burst = [];
    for (const [recipientId, notices] of byPerson) {
      if (notices.length <= BURST_LIMIT) notices.forEach((n) => notifier.show(n));
      else notifier.show({ id: notices[0]!.id, recipientId, title: `${notices.length} new notifications`, body: notices.slice(0, 3).map((n) => n.title).join('\n'), link: { section: 'notifications' } });
    }
  };

  const inserts = db.notifications.$.subscribe((event) => {
    const doc = event.documentData as StoredNotification;
    // Read since it popped up (opened, or settled when its step ended): it no longer waits for anyone.
    if (event.operation === 'UPDATE' && doc.isRead && present.has(doc.recipientId)) {
      burst = burst.filter((n) => n.id !== doc.id);
      notifier.withdraw({ id: doc.id, recipientId: doc.recipientId });
      return;
    }
    if (event.operation !== 'INSERT') return;
    if ((doc.kind !== 'notification' && doc.kind !== 'firing') || !present.has(doc.recipientId)) return;
    const data = entryDataSchema.safeParse(doc.data);
    if (!data.success || !data.data.isDesktop) return;
    burst.push({ id: doc.id, recipientId: doc.recipientId, title: data.data.subject, body: data.data.body, ...(data.data.link ? { link: data.data.link } : {}) });
    burstTimer ??= setTimeout(flush, BURST_MS);
  });

  const watchCount = () => {
    countSubscription?.unsubscribe();
    const ids = [...present.keys()];
    if (ids.length === 0) {
      notifier.setUnreadCount(0);
      return;
    }
    countSubscription = db.notifications.count({ selector: { recipientId: { $in: ids }, isRead: false, kind: 'notification' } }).$.subscribe({
      next: (count) => notifier.setUnreadCount(count),
      error: (error: unknown) => log.error('unread count for the tray failed', error),
    });
  };

  return {
    enter(personId) {
      const count = present.get(personId) ?? 0;
      present.set(personId, count + 1);
      if (count === 0) watchCount();
      let hasLeft = false;
      return () => {
        if (hasLeft) return;
        hasLeft = true;
        const left = (present.get(personId) ?? 1) - 1;
        if (left > 0) present.set(personId, left);
        else {
          present.delete(personId);
          watchCount();
        }
      };
    },
    dispose() {
      inserts.unsubscribe();
      countSubscription?.unsubscribe();
      if (burstTimer) clearTimeout(burstTimer);
    },
  };
}
