import { defaultTaskReminderSettings, taskReminders, type TaskForReminders, type TaskReminderSettings } from '../../../src-shared/scheduler/task-reminders';
import type { ReminderRule } from '../reminder-rule';
import { hostUtcOffsetMinutes } from './local-time';

const OPEN = ['backlog', 'todo', 'in_progress', 'blocked', 'in_review'];

/** Task due and overdue reminders for the assignee, from the `tasks` collection. */
export function createTaskDueRule(settings: Partial<TaskReminderSettings> = {}): ReminderRule {
  const effective: TaskReminderSettings = { ...defaultTaskReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'task_due',
    watches: ['tasks'],
    async derive(db, now) {
      const docs = await db.tasks.find({ selector: { status: { $in: OPEN }, dueDate: { $exists: true }, assigneeId: { $exists: true } } }).exec();
      return docs.flatMap((d) => taskReminders(d.toJSON() as TaskForReminders, effective, now));
    },
  };
}
