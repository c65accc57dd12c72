import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { hr, hrScope } from './hr-who';

/**
 * A performance review of one person in one cycle ("2026", "2026-Q2"): goals with weights and
 * competencies, rated first by the person (self review), then by their manager, discussed in a
 * meeting, and signed by both — each signature an e-signature id the signing command fills, so the
 * last move needs both. Read by HR, the person and their manager only.
 */
const rating = z.number().int().min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.').nullable().default(null);

const goal = z.object({
  title: z.string().trim().min(1, 'Name the goal.').max(300),
  /** Percent of the review; the goals' weights add up to 100. */
  weight: z.number().int().min(0).max(100),
  selfRating: rating,
  managerRating: rating,
  progressNote: z.string().trim().max(2000).default(''),
});
const competency = z.object({ name: z.string().trim().min(1).max(200), selfRating: rating, managerRating: rating });

const reviewData = z
  .object({
    personId: recordIdSchema,
    cycle: z.string().trim().min(1, 'Name the cycle, e.g. 2026 or 2026-Q2.').max(40),
    dueDate: planDateSchema,
    goals: z.array(goal).max(20).default([]),
    competencies: z.array(competency).max(40).default([]),
    selfComments: z.string().trim().max(10000).default(''),
    managerComments: z.string().trim().max(10000).default(''),
    meetingId: z.string().max(40).default(''),
    employeeSignatureId: z.string().max(60).default(''),
    managerSignatureId: z.string().max(60).default(''),
  })
  .refine((d) => d.goals.length === 0 || d.goals.reduce((s, g) => s + g.weight, 0) === 100, { message: 'The goals\' weights must add up to 100%.', path: ['goals'] });
export type PerformanceReviewData = z.infer<typeof reviewData>;

/** The weighted goal score (1–5, one decimal) from the manager's ratings; null until every goal is rated. */
export function weightedGoalScore(goals: PerformanceReviewData['goals']): number | null {
  if (goals.length === 0 || goals.some((g) => g.managerRating === null)) return null;
  return Math.round(goals.reduce((s, g) => s + (g.managerRating ?? 0) * g.weight, 0) / 10) / 10;
}

type Rated = { selfRating: number | null; managerRating: number | null };
const ratingsOf = (data: unknown, which: 'selfRating' | 'managerRating'): (number | null)[] => {
  const d = (data ?? {}) as Partial<Pick<PerformanceReviewData, 'goals' | 'competencies'>>;
  return [...(d.goals ?? []), ...(d.competencies ?? [])].map((r: Rated) => r[which] ?? null);
};
const sameRatings = (a: (number | null)[], b: (number | null)[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/**
 * Whose ratings a write changes: the goals and competencies are edited as a whole (the kind's field
 * rules), so the self ratings are checked to come from the person and the manager's from someone
 * else — the person's manager, as the field rules allow. A new line carries no rating.
 */
export function ratingProblem(previous: unknown, next: PerformanceReviewData, personId: string, actorId: string): { message: string; field: string } | null {
  const before = (which: 'selfRating' | 'managerRating') => (previous ? ratingsOf(previous, which) : ratingsOf(next, which).map(() => null));
  const isSelf = actorId === personId;
  if (!isSelf && !sameRatings(before('selfRating'), ratingsOf(next, 'selfRating'))) return { message: 'Only the person reviewed rates themselves.', field: 'data.goals' };
  if (isSelf && !sameRatings(before('managerRating'), ratingsOf(next, 'managerRating'))) return { message: 'The manager\'s ratings are the manager\'s to give.', field: 'data.goals' };
  return null;
}

export const performanceReviewKind = defineRecordKind<PerformanceReviewData>({
  kind: 'performance_review',
  module: 'hr',
  label: 'Performance review',
  pluralLabel: 'Performance reviews',
  version: 1,
  data: reviewData as z.ZodType<PerformanceReviewData>,
  title: (d) => `Review ${d.cycle}`,
  statuses: [
    { id: 'self_review', label: 'Self review', tone: 'info' },
    { id: 'manager_review', label: 'Manager review', tone: 'info' },
    { id: 'meeting', label: 'Review meeting', tone: 'warning' },
    { id: 'sign_off', label: 'Sign-off', tone: 'warning' },
    { id: 'signed', label: 'Signed', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'self_review',
  transitions: [
    { from: ['self_review'], to: 'manager_review', label: 'Hand to manager', who: 'subject' },
    { from: ['manager_review'], to: 'meeting', label: 'Ready to discuss', who: 'manager' },
    // Discussed in a meeting of the meetings module, linked here (meetingId).
    { from: ['meeting'], to: 'sign_off', label: 'Discussed', who: 'manager', requires: ['meetingId'] },
    { from: ['sign_off'], to: 'signed', label: 'Complete', who: { anyOf: ['subject', 'manager', hr] }, requires: ['employeeSignatureId', 'managerSignatureId'] },
    { from: ['self_review', 'manager_review', 'meeting', 'sign_off'], to: 'cancelled', label: 'Cancel', who: hr, needsReason: true },
  ],
  columns: { personId: (d) => d.personId, date: (d) => d.dueDate },
  fields: [
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'cycle', label: 'Cycle', type: 'text', isDefaultColumn: true, isRequired: true },
    { field: 'dueDate', label: 'Due', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Stage', type: 'choice', isDefaultColumn: true },
    { field: 'selfComments', label: 'Self review', type: 'text', isEditable: true, isMultiline: true },
    { field: 'managerComments', label: 'Manager\'s review', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: hrScope,
  create: hr,
  edit: [
    { fields: ['goals', 'competencies', 'dueDate'], who: { anyOf: [hr, 'manager'] }, inStatuses: ['self_review', 'manager_review', 'meeting'] },
    { fields: ['goals', 'competencies', 'selfComments'], who: 'subject', inStatuses: ['self_review'] },
    { fields: ['managerComments', 'meetingId'], who: 'manager', inStatuses: ['manager_review', 'meeting'] },
    { fields: ['employeeSignatureId'], who: 'subject', inStatuses: ['sign_off'] },
    { fields: ['managerSignatureId'], who: 'manager', inStatuses: ['sign_off'] },
  ],
  invariant: {
    reads: () => ({}),
    check: ({ record, previous, actorId }) => ratingProblem(previous?.data ?? null, record.data, record.data.personId, actorId),
  },
});
