import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import type { ScorecardData } from './interview-scorecard-kind';

/**
 * Interviews: a candidate at the interview stage is interviewed by colleagues at a meeting
 * (meetings module: invitations, calendar, private to its attendees), and each interviewer fills
 * in their own scorecard against the same criteria. The criteria are the lab's, one list for every
 * post, so that averages compare across candidates.
 */
export const interviewCriteria = ['Technical knowledge', 'Laboratory practice and safety', 'Problem solving', 'Communication', 'Teamwork'] as const;

/** The interview to schedule: who interviews, when, where. */
export const interviewInputSchema = z
  .object({
    candidateId: recordIdSchema,
    interviewerIds: z.array(recordIdSchema).min(1, 'Choose at least one interviewer.').max(10, 'At most ten interviewers.'),
    startsAt: z.iso.datetime({ offset: true, message: 'Enter a date and time.' }),
    minutes: z.number().int('Whole minutes.').min(15, 'An interview takes at least 15 minutes.').max(480, 'An interview takes at most 8 hours.'),
    timeZone: z.string().min(1).max(60),
    place: z.string().trim().max(300).default(''),
  })
  .refine((d) => new Set(d.interviewerIds).size === d.interviewerIds.length, { message: 'Each interviewer once.', path: ['interviewerIds'] });
export type InterviewInput = z.infer<typeof interviewInputSchema>;

/** The interview's end, from its start and length. */
export const interviewEnd = (startsAt: string, minutes: number): string => new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();

/** Whether every criterion is scored (1–5) and a recommendation chosen: what submitting needs. */
export function scorecardGaps(d: Pick<ScorecardData, 'scores' | 'recommendation'>): string[] {
  const scored = new Set(d.scores.map((s) => s.criterion));
  const missing: string[] = interviewCriteria.filter((c) => !scored.has(c));
  return d.recommendation ? missing : [...missing, 'Recommendation'];
}
