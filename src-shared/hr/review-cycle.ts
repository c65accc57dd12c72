import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { PerformanceReviewData } from './performance-review-kind';

/**
 * Review cycles: annual ("2026") or quarterly ("2026-Q2"), started by HR for a set of people from a
 * template — competencies to rate and goals with weights that add up to 100%. Each person gets one
 * review per cycle; its goals are tracked through the cycle (progress notes while it is with the
 * person) and rated at its end. Pure.
 */
export const cycleSchema = z.string().trim().regex(/^\d{4}(-Q[1-4])?$/, 'Name the cycle as a year (2026) or a quarter (2026-Q2).');

export const reviewTemplateSchema = z.object({
  competencies: z.array(z.string().trim().min(1, 'Name the competency.').max(200)).max(40).default([]),
  goals: z
    .array(z.object({ title: z.string().trim().min(1, 'Name the goal.').max(300), weight: z.number().int().min(0).max(100) }))
    .max(20)
    .default([])
    .refine((goals) => goals.length === 0 || goals.reduce((s, g) => s + g.weight, 0) === 100, 'The goals\' weights must add up to 100%.'),
});
export type ReviewTemplate = z.infer<typeof reviewTemplateSchema>;

export const startCycleSchema = reviewTemplateSchema.extend({
  cycle: cycleSchema,
  dueDate: planDateSchema,
  personIds: z.array(recordIdSchema).min(1, 'Choose the people to review.').max(1000),
});

/** Whether a quarterly cycle: its reviews are shorter, but the steps are the same. */
export const isQuarterly = (cycle: string): boolean => /-Q[1-4]$/.test(cycle);

/** The review data for each person without a standing review in the cycle (cancelled ones do not count). */
export function reviewsForCycle(
  input: { cycle: string; dueDate: string; personIds: readonly string[] } & ReviewTemplate,
  existing: readonly { personId: string; cycle: string; status: string }[],
): Pick<PerformanceReviewData, 'personId' | 'cycle' | 'dueDate' | 'goals' | 'competencies'>[] {
  const taken = new Set(existing.filter((r) => r.cycle === input.cycle && r.status !== 'cancelled').map((r) => r.personId));
  return [...new Set(input.personIds)]
    .filter((id) => !taken.has(id))
    .map((personId) => ({
      personId,
      cycle: input.cycle,
      dueDate: input.dueDate,
      goals: input.goals.map((g) => ({ ...g, selfRating: null, managerRating: null, progressNote: '' })),
      competencies: input.competencies.map((name) => ({ name, selfRating: null, managerRating: null })),
    }));
}

/** Who the reader is to a review: the person, their manager, HR, or someone else. */
export type ReviewRole = 'self' | 'manager' | 'hr';
