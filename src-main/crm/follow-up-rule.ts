import { followUpReminder, followUpsDue, type FollowUpSource } from '../../src-shared/crm/crm-schedule';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { changedDocumentsOf } from '../scheduler/rules/changed-documents';
import { hostUtcOffsetMinutes } from '../scheduler/rules/local-time';

/** Owners are reminded of a follow-up at this time on its day (the host's zone). */
const FOLLOW_UP_TIME = '09:00';

type InteractionDoc = FollowUpSource & { kind?: string; _deleted?: boolean };

const remindersOf = (interactions: readonly InteractionDoc[]): DueReminder[] => {
  const settings = { dueTimeOfDay: FOLLOW_UP_TIME, utcOffsetMinutes: hostUtcOffsetMinutes() };
  return followUpsDue(interactions.filter((i) => i.kind === 'interaction' && !i._deleted)).flatMap((due) => followUpReminder(due, settings) ?? []);
};

/**
 * "Follow up today" to an interaction's owner on its next follow-up day, once (the reminder's id
 * is the interaction and the day: src-shared/crm/crm-schedule.ts); a follow-up marked done, moved
 * or removed loses its pending reminder. Derived again only for the interactions a change touched.
 */
export function createFollowUpRule(): ReminderRule {
  return {
    kind: 'crm_follow_up',
    watches: ['records'],
    async derive(db) {
      const docs = await db.records.find({ selector: { kind: 'interaction' } }).exec();
      return remindersOf(docs.map((d) => d.toJSON() as InteractionDoc));
    },
    incremental: {
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed) {
        const { owners, docs } = await changedDocumentsOf<InteractionDoc>(db, changed, 'records');
        return { owners, reminders: remindersOf(docs) };
      },
    },
  };
}
