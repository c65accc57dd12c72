import { formatDay } from '../format/display-format';
import type { RecordLookup, RecordReads } from '../records/record-kind';
import { trainingCoursesParent } from './training-kinds';
import { isTrainedFor, type Completion, type TrainingRequirement } from './training-matrix';

/**
 * Authorisation follows training: whoever books or logs use of an instrument must hold a valid
 * completion of every course that instrument requires, from the first to the last day of the use.
 * Equipment's usage gate (src-shared/equipment/instrument-reads.ts) reads these records and calls
 * this, on the PC and on the sync server alike. No course naming the instrument: nothing to check.
 */
type Doc = Record<string, unknown>;
const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The courses (all share one parent) and the person's completions. */
export const trainingReads = (personId: string): RecordReads => ({
  byParent: [{ kind: 'training_course', parentId: trainingCoursesParent }],
  byPerson: [{ kind: 'training_completion', personId }],
});

export function trainingRefusal(lookup: RecordLookup, use: { personId: string; personName?: string | undefined; equipmentId: string; instrumentLabel: string; fromDay: string; toDay: string }): string | null {
  const courses = lookup.byParent('training_course', trainingCoursesParent).filter((c) => c.kind === 'training_course' && c.status !== 'retired');
  const requirements: TrainingRequirement[] = courses.map((c) => ({ courseId: String(c.id), roles: strings(dataOf(c).requiredForRoles), equipmentIds: strings(dataOf(c).requiredForEquipmentIds) }));
  if (!requirements.some((r) => r.equipmentIds.includes(use.equipmentId))) return null;
  const completions: Completion[] = lookup
    .byPerson('training_completion', use.personId)
    .filter((c) => c.kind === 'training_completion' && c.status === 'recorded')
    .map((c) => ({ personId: use.personId, courseId: String(dataOf(c).courseId ?? ''), completedOn: String(dataOf(c).completedOn ?? ''), expiresOn: String(dataOf(c).expiresOn ?? '') }));
  for (const day of [...new Set([use.fromDay, use.toDay])]) {
    const trained = isTrainedFor(use.personId, use.equipmentId, requirements, completions, day);
    if (trained.ok) continue;
    const titles = trained.courseIds.map((id) => `“${String(dataOf(courses.find((c) => c.id === id) ?? {}).title ?? 'a required course')}”`).join(', ');
    return `${use.personName ?? 'This person'} has no valid training for ${use.instrumentLabel} on ${formatDay(day)}: ${titles} is expired or not recorded. HR records training; it can be used once the training is valid.`;
  }
  return null;
}
