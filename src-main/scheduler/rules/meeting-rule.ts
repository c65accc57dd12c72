import { defaultMeetingLeadTimesMs, meetingReminders } from '../../../src-shared/scheduler/meeting-reminders';
import type { ReminderRule } from '../reminder-rule';

/**
 * "Meeting starts in 15 minutes" for each attendee, from the `meetings` collection. Attendees are
 * read from `data.attendeeIds` and a cancellation from `data.status === 'cancelled'` — the shape
 * the meetings feature is expected to write; adjust here when it lands.
 */
export function createMeetingRule(leadTimesMs: readonly number[] = defaultMeetingLeadTimesMs): ReminderRule {
  const longest = Math.max(...leadTimesMs);
  return {
    kind: 'meeting_reminder',
    watches: ['meetings'],
    async derive(db, now) {
      // Meetings that started more than a day ago can no longer be reminded of usefully.
      const since = new Date(now.getTime() - 86_400_000).toISOString();
      const docs = await db.meetings.find({ selector: { startsAt: { $gte: since } } }).exec();
      return docs.flatMap((doc) => {
        // One plain copy per meeting: cheaper than a getter per field when thousands are derived.
        const meeting = doc.toJSON() as { id: string; title: string; startsAt: string; data?: { attendeeIds?: unknown; status?: unknown } };
        const data = meeting.data ?? {};
        const attendeeIds = Array.isArray(data.attendeeIds) ? data.attendeeIds.filter((a): a is string => typeof a === 'string') : [];
        if (Date.parse(meeting.startsAt) - longest > now.getTime() + 31 * 86_400_000) return [];
        return meetingReminders({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, attendeeIds, isCancelled: data.status === 'cancelled' }, leadTimesMs, now);
      });
    },
  };
}
