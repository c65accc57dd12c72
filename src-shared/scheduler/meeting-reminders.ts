import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/** A meeting (`meetings` collection) and who attends it. */
export interface MeetingForReminders {
  id: string;
  title: string;
  startsAt: string;
  attendeeIds: string[];
  isCancelled: boolean;
}

export const defaultMeetingLeadTimesMs = [15 * 60_000];

/**
 * "Starts in 15 minutes" for each attendee. The start time is in the key, so moving the meeting
 * reminds again for the new time; a cancelled meeting reminds no one.
 */
export function meetingReminders(meeting: MeetingForReminders, leadTimesMs: readonly number[], now: Date): DueReminder[] {
  const startMs = Date.parse(meeting.startsAt);
  if (meeting.isCancelled || Number.isNaN(startMs)) return [];
  return [...new Set(meeting.attendeeIds)].flatMap((recipientId) =>
    dueSeries({
      kind: 'meeting_reminder',
      event: 'meeting_reminder',
      subjectKey: `${meeting.id}:${meeting.startsAt}`,
      recipientId,
      dueAtMs: startMs,
      leadTimesMs,
      now,
      link: { section: 'meetings', itemId: meeting.id },
      text: (phase) => ({
        subject: `${phase.type === 'lead' ? `In ${describeLead(phase.leadMs)}` : 'Now'}: ${meeting.title}`,
        body: `The meeting “${meeting.title}” starts at ${meeting.startsAt.slice(11, 16)} UTC on ${meeting.startsAt.slice(0, 10)}.`,
      }),
    }),
  );
}
