import { occurrencesBetween, type MeetingOccurrence } from '../../../src-shared/meetings/occurrences';
import { meetingReminders } from '../../../src-shared/scheduler/meeting-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import { changedOwners, documentsOfOwners, leadTimesOf, ownerOfMeetingId, remindedPeople } from '../../meetings/meeting-reminder-source';
import { documentsBetween } from '../../meetings/meeting-window';
import type { ReminderRule } from '../reminder-rule';
import { flatMapInSlices } from './in-slices';

const DAY_MS = 86_400_000;
/** The longest lead time a person may choose (calendar-settings.ts): a week. */
const MAX_LEAD_MS = 7 * DAY_MS;

/** Occurrences that can still be reminded of: started at most a day ago, starting within a month (plus the longest lead time). */
const windowOf = (now: Date) => ({ from: now.getTime() - DAY_MS, to: now.getTime() + 31 * DAY_MS + MAX_LEAD_MS });

function remindersOf(occurrences: readonly MeetingOccurrence[], leadOf: (personId: string) => number[], now: Date): Promise<DueReminder[]> {
  return flatMapInSlices(occurrences, (o) =>
    meetingReminders({ id: o.id, title: o.doc.title, startsAt: o.startsAt, timeZone: o.doc.data.timeZone, attendeeIds: remindedPeople(o), isCancelled: o.isCancelled }, leadOf, now),
  );
}

/**
 * "Meeting starts in 15 minutes" for each attendee who has not declined, at the lead times of
 * their calendar settings, for every occurrence of one-off meetings and series (src-shared/meetings).
 * Per series or meeting after an edit; in full when someone changes their lead times.
 */
export function createMeetingRule(): ReminderRule {
  return {
    kind: 'meeting_reminder',
    watches: ['meetings', 'notifications'],
    async derive(db, now) {
      const { from, to } = windowOf(now);
      const [docs, leadOf] = await Promise.all([documentsBetween(db, from, to), leadTimesOf(db)]);
      return remindersOf(occurrencesBetween(docs, from, to), leadOf, now);
    },
    incremental: {
      ownerOf: (r) => ownerOfMeetingId(r.link?.itemId ?? ''),
      async deriveFor(db, changed, now) {
        const owners = changedOwners(changed, true);
        if (owners === 'all') return 'all';
        const { from, to } = windowOf(now);
        const [docs, leadOf] = await Promise.all([documentsOfOwners(db, owners), leadTimesOf(db)]);
        return { owners, reminders: await remindersOf(occurrencesBetween(docs, from, to), leadOf, now) };
      },
    },
  };
}
