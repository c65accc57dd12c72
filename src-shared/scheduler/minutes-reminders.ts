import { describeWhen } from '../meetings/meeting-labels';
import { reminder, type DueReminder } from './reminder';

/** A meeting occurrence that has ended, as the minutes reminder reads it. */
export interface OccurrenceForMinutes {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  organiserId: string;
  isCancelled: boolean;
  hasPublishedMinutes: boolean;
}

/** Minutes not published this long after a meeting ended remind its organiser. */
export const MINUTES_DUE_AFTER_MS = 24 * 3_600_000;

/**
 * "Minutes not published" to the organiser, once, `afterMs` after the occurrence ended. Publishing
 * (or cancelling) before then means it never fires; the end is in the key, so a moved meeting
 * gets its own reminder.
 */
export function minutesDueReminders(occurrence: OccurrenceForMinutes, afterMs = MINUTES_DUE_AFTER_MS): DueReminder[] {
  if (occurrence.isCancelled || occurrence.hasPublishedMinutes) return [];
  const endMs = Date.parse(occurrence.endsAt);
  if (Number.isNaN(endMs)) return [];
  const key = `meeting_minutes_due:${occurrence.id}:${occurrence.endsAt}:${occurrence.organiserId}`;
  return [
    reminder({
      key,
      kind: 'meeting_minutes_due',
      series: key,
      dueAt: new Date(endMs + afterMs).toISOString(),
      recipientId: occurrence.organiserId,
      event: 'meeting_minutes_due',
      subject: `Minutes not published: ${occurrence.title}`,
      body: `The meeting “${occurrence.title}” (${describeWhen(occurrence.startsAt, occurrence.timeZone)}) has no published minutes yet. Publish them so the attendees get the decisions and action items.`,
      link: { section: 'meetings', itemId: occurrence.id },
    }),
  ];
}
