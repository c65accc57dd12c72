import { hashId } from '../core/hash-id';
import type { AppLink } from '../notifications/app-link';
import type { NotificationEvent } from '../notifications/notification-events';

/**
 * One reminder for one person, derived from data by a scheduler rule. Its id is a function of what
 * it is about (never of when it was derived), so deriving it again — after a restart, after sleep,
 * on another PC — gives the same id, and the id of the notification it fires is that id: a second
 * firing collides with the first instead of notifying twice.
 */
export interface DueReminder {
  /** `reminderId(key)`: at most 40 characters, as every stored id. */
  id: string;
  /** The readable identity the id is hashed from, kept on the notification for debugging. */
  key: string;
  /** The rule that derived it (`task_due`, `meeting_reminder`, …). */
  kind: string;
  /**
   * Reminders of one series replace each other: when several are past (the host was not running),
   * only the latest fires. E.g. "due in 1 day", "due in 1 hour", "overdue" of one task and person.
   */
  series: string;
  dueAt: string;
  recipientId: string;
  event: NotificationEvent;
  subject: string;
  body: string;
  link?: AppLink;
  /**
   * The id of the item the reminder is about (a training completion, …) where the link does not
   * name it: a rule that derives one item's reminders at a time finds their owner here, never by
   * taking the key apart.
   */
  about?: string;
}

/** Deterministic id for a reminder key: `rm-` and 128 bits of its SHA-256, 35 characters. */
export const reminderId = (key: string): string => hashId('rm', key);

/** Builds a reminder with its id from its key. */
export const reminder = (fields: Omit<DueReminder, 'id'>): DueReminder => ({ id: reminderId(fields.key), ...fields });

/**
 * Keeps, of each series, every reminder still in the future and only the latest one already due:
 * after downtime a task that went from "due tomorrow" through "due in an hour" to "overdue" gets
 * the overdue reminder once, not all three.
 */
export function collapseSuperseded(reminders: readonly DueReminder[], now: Date): DueReminder[] {
  const nowMs = now.getTime();
  const latestPast = new Map<string, DueReminder>();
  const result: DueReminder[] = [];
  for (const r of reminders) {
    if (Date.parse(r.dueAt) > nowMs) {
      result.push(r);
      continue;
    }
    const current = latestPast.get(r.series);
    if (!current || r.dueAt > current.dueAt || (r.dueAt === current.dueAt && r.key > current.key)) latestPast.set(r.series, r);
  }
  return [...result, ...latestPast.values()];
}
