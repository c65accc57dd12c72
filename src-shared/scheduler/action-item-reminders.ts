import { instantOfLocal } from '../meetings/time-zones';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/** An open action item that is not a task (a task's item is reminded as a task), with its meeting. */
export interface ActionItemForReminders {
  id: string;
  description: string;
  ownerId: string;
  dueDate: string;
  /** The occurrence it was agreed in (link) and that meeting's title and time zone. */
  meetingId: string;
  meetingTitle: string;
  timeZone: string;
}

export interface ActionItemReminderSettings {
  leadTimesMs: number[];
  overdueEveryMs: number;
  /** 'HH:MM' in the meeting's time zone: when something due "on" a date is due. */
  dueTimeOfDay: string;
}

export const defaultActionItemReminderSettings: ActionItemReminderSettings = { leadTimesMs: [86_400_000], overdueEveryMs: 86_400_000, dueTimeOfDay: '17:00' };

/** "Due tomorrow" and "overdue" (daily) to the owner; the due date and owner are in the key, so changing either starts afresh. */
export function actionItemReminders(item: ActionItemForReminders, settings: ActionItemReminderSettings, now: Date): DueReminder[] {
  const dueAtMs = Date.parse(instantOfLocal(item.dueDate, settings.dueTimeOfDay, item.timeZone));
  if (Number.isNaN(dueAtMs)) return [];
  return dueSeries({
    kind: 'action_item_due',
    event: 'action_item_due',
    subjectKey: `${item.meetingId}:${item.id}:${item.dueDate}`,
    recipientId: item.ownerId,
    dueAtMs,
    leadTimesMs: settings.leadTimesMs,
    overdueEveryMs: settings.overdueEveryMs,
    now,
    link: { section: 'meetings', itemId: item.meetingId },
    text: (phase) =>
      phase.type === 'lead'
        ? { subject: `Action due in ${describeLead(phase.leadMs)}: ${item.description}`, body: `Your action item from “${item.meetingTitle}” is due on ${item.dueDate}.` }
        : { subject: `Overdue action: ${item.description}`, body: `Your action item from “${item.meetingTitle}” was due on ${item.dueDate} and is still open.` },
  });
}
