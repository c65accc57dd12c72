import { defaultMeetingLeadTimesMs, meetingReminders } from '../../../src-shared/scheduler/meeting-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';

const DAY_MS = 86_400_000;

/** A stored meeting as the rule reads it (`toJSON()` of a `meetings` document). */
export interface StoredMeeting {
  id: string;
  title: string;
  startsAt: string;
  data?: { attendeeIds?: unknown; status?: unknown };
}

/**
 * One meeting's reminders. Meetings that started more than a day ago can no longer be reminded of
 * usefully, and ones more than a month beyond the longest lead time are derived on a later round.
 */
export function meetingDocumentReminders(meeting: StoredMeeting, leadTimesMs: readonly number[], now: Date): DueReminder[] {
  const startMs = Date.parse(meeting.startsAt);
  if (!(startMs >= now.getTime() - DAY_MS) || startMs - Math.max(...leadTimesMs) > now.getTime() + 31 * DAY_MS) return [];
  const data = meeting.data ?? {};
  const attendeeIds = Array.isArray(data.attendeeIds) ? data.attendeeIds.filter((a): a is string => typeof a === 'string') : [];
  return meetingReminders({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, attendeeIds, isCancelled: data.status === 'cancelled' }, leadTimesMs, now);
}

/**
 * "Meeting starts in 15 minutes" for each attendee, from the `meetings` collection. Attendees are
 * read from `data.attendeeIds` and a cancellation from `data.status === 'cancelled'` — the shape
 * the meetings feature is expected to write; adjust here when it lands. Per meeting after an edit.
 */
export function createMeetingRule(leadTimesMs: readonly number[] = defaultMeetingLeadTimesMs): ReminderRule {
  return {
    kind: 'meeting_reminder',
    watches: ['meetings'],
    async derive(db, now) {
      const since = new Date(now.getTime() - DAY_MS).toISOString();
      const docs = await db.meetings.find({ selector: { startsAt: { $gte: since } } }).exec();
      // One plain copy per meeting: cheaper than a getter per field when thousands are derived.
      return flatMapInSlices(docs, (doc) => meetingDocumentReminders(doc.toJSON() as StoredMeeting, leadTimesMs, now));
    },
    incremental: {
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed, now) {
        const { owners, docs } = await changedDocumentsOf<StoredMeeting>(db, changed, 'meetings');
        return { owners, reminders: docs.flatMap((meeting) => meetingDocumentReminders(meeting, leadTimesMs, now)) };
      },
    },
  };
}
