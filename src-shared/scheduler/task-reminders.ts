import { CLOSED_STATUSES, type TaskStatus } from '../tasks/task-model';
import { dueInstant, type LocalTimeSettings } from './due-time';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/** The task fields reminders read (the `tasks` collection). */
export interface TaskForReminders {
  id: string;
  title: string;
  status: string;
  assigneeId?: string;
  dueDate?: string;
}

export interface TaskReminderSettings extends LocalTimeSettings {
  /** Reminders before the due instant, e.g. one day and one hour. */
  leadTimesMs: number[];
  /** Overdue open tasks are reminded once per this period (a day). */
  overdueEveryMs: number;
}

export const defaultTaskReminderSettings: TaskReminderSettings = {
  leadTimesMs: [86_400_000, 3_600_000],
  overdueEveryMs: 86_400_000,
  dueTimeOfDay: '17:00',
  utcOffsetMinutes: 0,
};

/**
 * Reminders of an open task with an assignee and a due date. The due date and the assignee are part
 * of the reminder keys: moving the date or reassigning the task starts a fresh series for the new
 * date or person, and the old series is never derived again.
 */
export function taskReminders(task: TaskForReminders, settings: TaskReminderSettings, now: Date): DueReminder[] {
  if (!task.assigneeId || !task.dueDate || CLOSED_STATUSES.has(task.status as TaskStatus)) return [];
  const dueAtMs = dueInstant(task.dueDate, settings);
  if (dueAtMs === undefined) return [];
  return dueSeries({
    kind: 'task_due',
    event: 'task_due',
    subjectKey: `${task.id}:${task.dueDate}`,
    recipientId: task.assigneeId,
    dueAtMs,
    leadTimesMs: settings.leadTimesMs,
    overdueEveryMs: settings.overdueEveryMs,
    now,
    link: { section: 'tasks', itemId: task.id },
    text: (phase) =>
      phase.type === 'lead'
        ? { subject: `Due in ${describeLead(phase.leadMs)}: ${task.title}`, body: `The task “${task.title}” is due on ${task.dueDate}.` }
        : {
            subject: `Overdue: ${task.title}`,
            body: `The task “${task.title}” was due on ${task.dueDate} and is still open${phase.occurrence > 0 ? ` (${phase.occurrence + 1} days)` : ''}.`,
          },
  });
}
