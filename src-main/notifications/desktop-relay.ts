import type { Subscription } from 'rxjs';
import { entryDataSchema, type StoredNotification } from '../../src-shared/notifications/notification-model';
import type { LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import type { DesktopNotice, DesktopNotifier } from './desktop-notifier';

/**
 * How a person stopped watching: `left` (signed out, switched person, closed the window), or
 * `locked` (their window locked after inactivity: they are still the PC's person, so reminders keep
 * coming, without detail, until they continue or someone else signs in).
 */
export type LeaveReason = 'left' | 'locked';

export interface DesktopRelay {
  /** A person is looking at LabFlow on this PC (their UI watches the unread count); returns "left". */
  enter(personId: string): (reason?: LeaveReason) => void;
  dispose(): void;
}

/** What a locked screen may show: that something came, not what (no names, subjects or records). */
export function lockedNotice(first: DesktopNotice, count: number): DesktopNotice {
  return {
    id: first.id,
    recipientId: first.recipientId,
    title: 'LabFlow',
    body: count === 1 ? '1 new reminder' : `${count} new reminders`,
    // One reminder opens its item once the person has unlocked; several open the notification centre.
    link: count === 1 && first.link ? first.link : { section: 'notifications' },
  };
}

/** More pop-ups than this within one burst become one "N new notifications" pop-up. */
const BURST_LIMIT = 3;
const BURST_MS = 400;

/**
 * Brings new entries to the desktop: every new entry marked for the desktop (the person's channel,
 * outside quiet hours) pops up — but only for people signed in on this PC, so a shared lab PC
 * does not show one person's notifications to another — and the tray shows their unread count.
 * A person whose window locked after inactivity still gets them (the tray keeps reminding while
 * the window is locked or closed to the tray), as `lockedNotice`s, until they continue, sign out,
 * or another person signs in here.
 * Driven by the collection's change stream, so entries written by any feature, or arriving from
 * team sync, pop up the same way.
 */
export function createDesktopRelay(db: LabDatabase, notifier: DesktopNotifier, log: Logger): DesktopRelay {
  const present = new Map<string, number>();
  /** People whose last window locked: still this PC's person, shown nothing sensitive. */
  const locked = new Set<string>();
  const isHere = (personId: string) => present.has(personId) || locked.has(personId);
  let countSubscription: Subscription | undefined;
  let burst: DesktopNotice[] = [];
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    burstTimer = undefined;
    const byPerson = new Map<string, DesktopNotice[]>();
    for (const n of burst) byPerson.set(n.recipientId, [...(byPerson.get(n.recipientId) ?? []), n]);
    burst = [];
    for (const [recipientId, notices] of byPerson) {
      if (!isHere(recipientId)) continue; // signed out since
      if (!present.has(recipientId)) notifier.show(lockedNotice(notices[0]!, notices.length));
      else if (notices.length <= BURST_LIMIT) notices.forEach((n) => notifier.show(n));
      else notifier.show({ id: notices[0]!.id, recipientId, title: `${notices.length} new notifications`, body: notices.slice(0, 3).map((n) => n.title).join('\n'), link: { section: 'notifications' } });
    }
  };

  const inserts = db.notifications.$.subscribe((event) => {
    const doc = event.documentData as StoredNotification;
    // Read since it popped up (opened, or settled when its step ended): it no longer waits for anyone.
    if (event.operation === 'UPDATE' && doc.isRead && isHere(doc.recipientId)) {
      burst = burst.filter((n) => n.id !== doc.id);
      notifier.withdraw({ id: doc.id, recipientId: doc.recipientId });
      return;
    }
    if (event.operation !== 'INSERT') return;
    if ((doc.kind !== 'notification' && doc.kind !== 'firing') || !isHere(doc.recipientId)) return;
    const data = entryDataSchema.safeParse(doc.data);
    if (!data.success || !data.data.isDesktop) return;
    burst.push({ id: doc.id, recipientId: doc.recipientId, title: data.data.subject, body: data.data.body, ...(data.data.link ? { link: data.data.link } : {}) });
    burstTimer ??= setTimeout(flush, BURST_MS);
  });

  const watchCount = () => {
    countSubscription?.unsubscribe();
    const ids = [...new Set([...present.keys(), ...locked])];
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
      // Someone signed in here: a locked person is no longer this PC's person (nor, continuing, locked).
      const hadLocked = locked.size > 0;
      locked.clear();
      const count = present.get(personId) ?? 0;
      present.set(personId, count + 1);
      if (count === 0 || hadLocked) watchCount();
      let hasLeft = false;
      return (reason = 'left') => {
        if (hasLeft) return;
        hasLeft = true;
        const left = (present.get(personId) ?? 1) - 1;
        if (left > 0) present.set(personId, left);
        else {
          present.delete(personId);
          if (reason === 'locked') locked.add(personId);
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
