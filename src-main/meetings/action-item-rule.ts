import type { MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { actionItemReminders, defaultActionItemReminderSettings, type ActionItemReminderSettings } from '../../src-shared/scheduler/action-item-reminders';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { flatMapInSlices } from '../scheduler/rules/in-slices';
import { changedOwners, documentsOfOwners, ownerOfMeetingId } from './meeting-reminder-source';
import { toMeeting } from './meeting-store';

const YEAR_MS = 365 * 86_400_000;

/** Action items of meetings held in the last year; older ones are no longer chased. */
const isRecent = (doc: MeetingDocument, now: Date) => Date.parse(doc.startsAt) >= now.getTime() - YEAR_MS && doc.status !== 'cancelled';

function remindersOf(doc: MeetingDocument, settings: ActionItemReminderSettings, now: Date): DueReminder[] {
  return doc.data.actionItems.flatMap((item) =>
    // An item that became a task is reminded as the task (task_due), never twice.
    item.taskId || item.isDone || !item.dueDate
      ? []
      : actionItemReminders({ id: item.id, description: item.description, ownerId: item.ownerId, dueDate: item.dueDate, meetingId: doc.id, meetingTitle: doc.title, timeZone: doc.data.timeZone }, settings, now),
  );
}

/** "Action item due" and "overdue" to each owner, for action items that are not tasks; per series or meeting after an edit. */
export function createActionItemRule(settings: ActionItemReminderSettings = defaultActionItemReminderSettings): ReminderRule {
  return {
    kind: 'action_item_due',
    watches: ['meetings'],
    async derive(db, now) {
      const docs = await db.meetings.find({ selector: { startsAt: { $gte: new Date(now.getTime() - YEAR_MS).toISOString() } } }).exec();
      const meetings = docs.flatMap((d) => toMeeting(d) ?? []).filter((d) => isRecent(d, now));
      return flatMapInSlices(meetings, (doc) => remindersOf(doc, settings, now));
    },
    incremental: {
      ownerOf: (r) => ownerOfMeetingId(r.link?.itemId ?? ''),
      async deriveFor(db, changed, now) {
        const owners = changedOwners(changed);
        if (owners === 'all') return 'all';
        const docs = (await documentsOfOwners(db, owners)).filter((d) => isRecent(d, now));
        return { owners, reminders: docs.flatMap((doc) => remindersOf(doc, settings, now)) };
      },
    },
  };
}
