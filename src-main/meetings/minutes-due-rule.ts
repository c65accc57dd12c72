import { occurrencesBetween, type MeetingOccurrence } from '../../src-shared/meetings/occurrences';
import { minutesDueReminders, MINUTES_DUE_AFTER_MS } from '../../src-shared/scheduler/minutes-reminders';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { flatMapInSlices } from '../scheduler/rules/in-slices';
import { changedOwners, documentsOfOwners, ownerOfMeetingId } from './meeting-reminder-source';
import { documentsBetween } from './meeting-window';

const DAY_MS = 86_400_000;

/** Occurrences whose minutes reminder is still useful: ended in the last week (and a day), or ending within a month. */
const windowOf = (now: Date) => ({ from: now.getTime() - 8 * DAY_MS - MINUTES_DUE_AFTER_MS, to: now.getTime() + 31 * DAY_MS });

const remindersOf = (occurrences: readonly MeetingOccurrence[], fromMs: number) =>
  flatMapInSlices(
    occurrences.filter((o) => Date.parse(o.endsAt) >= fromMs),
    (o) =>
      minutesDueReminders({
        id: o.id,
        title: o.doc.title,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        timeZone: o.doc.data.timeZone,
        organiserId: o.doc.organiserId,
        isCancelled: o.isCancelled,
        hasPublishedMinutes: o.hasDocument && o.doc.data.minutesVersions.length > 0,
      }),
  );

/** "Minutes not published" to the organiser a day after each occurrence that has none; per series or meeting after an edit. */
export function createMinutesDueRule(): ReminderRule {
  return {
    kind: 'meeting_minutes_due',
    watches: ['meetings'],
    async derive(db, now) {
      const { from, to } = windowOf(now);
      return remindersOf(occurrencesBetween(await documentsBetween(db, from, to), from, to), from);
    },
    incremental: {
      ownerOf: (r) => ownerOfMeetingId(r.link?.itemId ?? ''),
      async deriveFor(db, changed, now) {
        const owners = changedOwners(changed);
        if (owners === 'all') return 'all';
        const { from, to } = windowOf(now);
        return { owners, reminders: await remindersOf(occurrencesBetween(await documentsOfOwners(db, owners), from, to), from) };
      },
    },
  };
}
