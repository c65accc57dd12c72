import { defaultTaskReminderSettings, taskReminders, type TaskForReminders, type TaskReminderSettings } from '../../../src-shared/scheduler/task-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';
import { hostUtcOffsetMinutes } from './local-time';

const OPEN = ['backlog', 'todo', 'in_progress', 'blocked', 'in_review'];

/** A stored task's reminders: the same filter as the full query (open, due date, assignee), then the domain rule. */
export function taskDocumentReminders(task: TaskForReminders, settings: TaskReminderSettings, now: Date): DueReminder[] {
  if (!OPEN.includes(task.status) || task.dueDate === undefined || task.assigneeId === undefined) return [];
  return taskReminders(task, settings, now);
}

/** Task due and overdue reminders for the assignee, from the `tasks` collection; per task after an edit. */
export function createTaskDueRule(settings: Partial<TaskReminderSettings> = {}): ReminderRule {
  const effective: TaskReminderSettings = { ...defaultTaskReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'task_due',
    watches: ['tasks'],
    async derive(db, now) {
      const docs = await db.tasks.find({ selector: { status: { $in: OPEN }, dueDate: { $exists: true }, assigneeId: { $exists: true } } }).exec();
      return flatMapInSlices(docs, (d) => taskReminders(d.toJSON() as TaskForReminders, effective, now));
    },
    incremental: {
      // taskReminders links every reminder to its task.
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed, now) {
        const { owners, docs } = await changedDocumentsOf<TaskForReminders>(db, changed, 'tasks');
        return { owners, reminders: docs.flatMap((task) => taskDocumentReminders(task, effective, now)) };
      },
    },
  };
}
