import { hashId } from '../core/hash-id';
import type { DueReminder } from '../scheduler/reminder';
import type { AppLink } from './app-link';
import type { NotificationEvent } from './notification-events';
import type { StoredNotification } from './notification-model';

export interface ReminderSummary {
  /** Deterministic from the reminders it covers, so a repeated catch-up writes the same entry. */
  id: string;
  recipientId: string;
  kind: string;
  event: NotificationEvent;
  subject: string;
  body: string;
  link?: AppLink;
  reminders: DueReminder[];
}

export interface CatchUpOptions {
  /** A reminder firing this much after its time was missed (downtime, sleep), not merely late. */
  lateAfterMs: number;
  /** From this many missed reminders of one kind for one person, they arrive as one entry. */
  summariseFrom: number;
}

export const defaultCatchUp: CatchUpOptions = { lateAfterMs: 60_000, summariseFrom: 3 };

const MAX_LISTED = 20;

/**
 * Splits reminders about to fire into ones that fire on their own and summaries: the missed
 * reminders of one kind for one person, when there are many, become one entry listing them —
 * after a week away a person gets "12 task reminders", not twelve pop-ups.
 */
export function summariseMissed(reminders: readonly DueReminder[], now: Date, options: CatchUpOptions = defaultCatchUp): { single: DueReminder[]; summaries: ReminderSummary[] } {
  const groups = new Map<string, DueReminder[]>();
  const single: DueReminder[] = [];
  for (const r of reminders) {
    if (now.getTime() - Date.parse(r.dueAt) <= options.lateAfterMs) {
      single.push(r);
      continue;
    }
    const key = `${r.recipientId}\u0000${r.kind}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const summaries: ReminderSummary[] = [];
  for (const group of groups.values()) {
    if (group.length < options.summariseFrom) {
      single.push(...group);
      continue;
    }
    const sorted = [...group].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.subject.localeCompare(b.subject) || a.id.localeCompare(b.id));
    const first = sorted[0]!;
    const listed = sorted.slice(0, MAX_LISTED).map((r) => `• ${r.subject}`);
    const more = sorted.length > MAX_LISTED ? [`… and ${sorted.length - MAX_LISTED} more`] : [];
    summaries.push({
      id: hashId('sum', sorted.map((r) => r.id).join(',')),
      recipientId: first.recipientId,
      kind: first.kind,
      event: first.event,
      subject: `${sorted.length} reminders while LabFlow was not running`,
      body: [...listed, ...more].join('\n'),
      ...(first.link ? { link: { section: first.link.section } } : {}),
      reminders: sorted,
    });
  }
  return { single, summaries };
}

/** The durable record that a reminder fired inside a summary: same id as the reminder, so it never fires again. */
export function firingRecord(reminder: DueReminder, summaryId: string, now: Date): StoredNotification {
  const at = now.toISOString();
  return {
    id: reminder.id,
    kind: 'firing',
    recipientId: reminder.recipientId,
    isRead: true,
    at,
    event: reminder.event,
    status: '',
    dueAt: reminder.dueAt,
    data: { key: reminder.key, summarisedIn: summaryId },
    createdAt: at,
    updatedAt: at,
    createdBy: 'system',
    updatedBy: 'system',
    auditId: 'none',
  };
}
