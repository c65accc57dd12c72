import { defaultTrainingReminderSettings, trainingReminders, type CompletionForReminders, type TrainingReminderSettings } from '../../src-shared/hr/training-reminders';
import type { TrainingCompletionData } from '../../src-shared/hr/training-kinds';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { LabDatabase } from '../database/open-database';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { hostUtcOffsetMinutes } from '../scheduler/rules/local-time';

type CompletionDoc = Omit<RecordDocument, 'data'> & { data: TrainingCompletionData };

/** Completions as the reminders read them, with their course's title and their person's name. */
async function forReminders(db: LabDatabase, docs: readonly CompletionDoc[]): Promise<CompletionForReminders[]> {
  if (docs.length === 0) return [];
  const [courses, people] = await Promise.all([
    db.records.findByIds([...new Set(docs.map((d) => d.data.courseId))]).exec(),
    db.people.findByIds([...new Set(docs.map((d) => d.data.personId))]).exec(),
  ]);
  return docs.map((d) => ({
    id: d.id,
    personId: d.data.personId,
    personName: String(people.get(d.data.personId)?.get('name') ?? 'A colleague'),
    courseId: d.data.courseId,
    courseTitle: String(courses.get(d.data.courseId)?.get('title') ?? 'a course'),
    completedOn: d.data.completedOn,
    expiresOn: d.data.expiresOn,
    isWithdrawn: d.status === 'withdrawn',
    managerIds: d.managerIds ?? [],
  }));
}

const completionsWhere = async (db: LabDatabase, selector: Record<string, unknown>): Promise<CompletionDoc[]> =>
  (await db.records.find({ selector: { kind: 'training_completion', ...selector } }).exec()).map((d) => d.toJSON() as unknown as CompletionDoc);

/**
 * "Your training runs out" to the person and their managers (src-shared/hr/training-reminders.ts).
 * Derived again per person after a change of their completions (a renewal replaces the reminders of
 * the completion it renews); a change of a course's title or of people derives the rule in full.
 */
export function createTrainingReminderRule(settings: Partial<TrainingReminderSettings> = {}): ReminderRule {
  const effective: TrainingReminderSettings = { ...defaultTrainingReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'training_expiry',
    watches: ['records', 'people'],
    derive: async (db, now) => trainingReminders(await forReminders(db, await completionsWhere(db, {})), effective, now),
    incremental: {
      ownerOf: (r) => r.about ?? '',
      async deriveFor(db, changed, now) {
        if ((changed.get('people')?.size ?? 0) > 0) return 'all';
        const ids = [...(changed.get('records') ?? [])];
        const found = await db.records.findByIds(ids).exec();
        const kinds = [...found.values()].map((d) => String(d.get('kind')));
        if (kinds.includes('training_course')) return 'all';
        const personIds = [...new Set([...found.values()].filter((d) => d.get('kind') === 'training_completion').map((d) => String(d.get('personId'))))];
        // Every completion of the people concerned: a renewal ends the reminders of the one it renews.
        const docs = personIds.length ? await completionsWhere(db, { personId: { $in: personIds } }) : [];
        // A changed id that is gone may have been a completion: it loses its reminders.
        const owners = new Set([...docs.map((d) => d.id), ...ids.filter((id) => !found.has(id))]);
        return { owners, reminders: trainingReminders(await forReminders(db, docs), effective, now) };
      },
    },
  };
}
