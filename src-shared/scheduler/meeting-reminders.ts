import { describeWhen } from '../meetings/meeting-labels';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/** One occurrence of a meeting and who attends it (src-shared/meetings/occurrences.ts). */
export interface MeetingForReminders {
  /** The occurrence's id (its route): the meeting's id, or the series' id and the original start. */
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  /** People who have not declined (the organiser included). */
  attendeeIds: string[];
  isCancelled: boolean;
}

export const defaultMeetingLeadTimesMs = [15 * 60_000];

/**
 * "Starts in 15 minutes" for each attendee, at each of their own lead times (their calendar
 * settings). The start time is in the key, so moving the meeting reminds again for the new time;
 * a cancelled meeting reminds no one.
 */
export function meetingReminders(meeting: MeetingForReminders, leadTimesOf: (personId: string) => readonly number[], now: Date): DueReminder[] {
  const startMs = Date.parse(meeting.startsAt);
  if (meeting.isCancelled || Number.isNaN(startMs)) return [];
  return [...new Set(meeting.attendeeIds)].flatMap((recipientId) =>
    dueSeries({
      kind: 'meeting_reminder',
      event: 'meeting_reminder',
      subjectKey: `${meeting.id}:${meeting.startsAt}`,
      recipientId,
      dueAtMs: startMs,
      leadTimesMs: leadTimesOf(recipientId),
      now,
      link: { section: 'meetings', itemId: meeting.id },
      text: (phase) => ({
        subject: `${phase.type === 'lead' ? `In ${describeLead(phase.leadMs)}` : 'Now'}: ${meeting.title}`,
        body: `The meeting “${meeting.title}” starts ${describeWhen(meeting.startsAt, meeting.timeZone)}.`,
      }),
    }),
  );
}
