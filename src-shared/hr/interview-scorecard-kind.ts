import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { hr } from './hr-who';
import { scorecardGaps } from './interviews';

/**
 * One interviewer's scorecard for one candidate (its parent): a score of 1–5 per criterion and a
 * recommendation. The interviewer writes it and submits it; afterwards nobody changes it. Read by
 * HR, the hiring manager and the interviewer — not by the other interviewers, so no one is swayed.
 */
export const recommendations = [
  { value: 'strong_hire', label: 'Strong hire' },
  { value: 'hire', label: 'Hire' },
  { value: 'no_hire', label: 'No hire' },
  { value: 'strong_no_hire', label: 'Strong no hire' },
] as const;

const criterionScore = z.object({
  criterion: z.string().trim().min(1, 'Name the criterion.').max(200),
  score: z.number().int().min(1, 'Score from 1 to 5.').max(5, 'Score from 1 to 5.'),
  comment: z.string().trim().max(2000).default(''),
});

const scorecardData = z.object({
  candidateId: recordIdSchema,
  hiringManagerId: recordIdSchema,
  interviewerId: recordIdSchema,
  /** Who and for which post, as the interviewer reads them: they cannot read the candidate's record. */
  candidateName: z.string().trim().max(200).default(''),
  jobTitle: z.string().trim().max(200).default(''),
  /** The meeting of the interview, when it was scheduled through meetings. */
  meetingId: z.string().max(40).default(''),
  scores: z.array(criterionScore).max(30).default([]),
  recommendation: z.union([z.literal(''), z.enum(recommendations.map((r) => r.value) as [string, ...string[]])]).default(''),
  summary: z.string().trim().max(5000).default(''),
});
export type ScorecardData = z.infer<typeof scorecardData>;

/** The mean score (to one decimal), or null with no scores. */
export const meanScore = (d: Pick<ScorecardData, 'scores'>): number | null =>
  d.scores.length === 0 ? null : Math.round((d.scores.reduce((s, c) => s + c.score, 0) / d.scores.length) * 10) / 10;

const interviewer = { field: 'interviewerId' } as const;

export const interviewScorecardKind = defineRecordKind<ScorecardData>({
  kind: 'interview_scorecard',
  module: 'hr',
  label: 'Interview scorecard',
  pluralLabel: 'Interview scorecards',
  version: 1,
  data: scorecardData as z.ZodType<ScorecardData>,
  title: (d) => `Scorecard${d.candidateName ? ` for ${d.candidateName}` : ''}${meanScore(d) === null ? '' : ` (${meanScore(d)})`}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Submitted', tone: 'success', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [{ from: ['draft'], to: 'submitted', label: 'Submit scorecard', who: interviewer, requires: ['recommendation'] }],
  columns: { parentId: (d) => d.candidateId, ownerId: (d) => d.interviewerId },
  links: { parent: 'candidate' },
  fields: [
    { field: 'interviewerId', label: 'Interviewer', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'recommendation', label: 'Recommendation', type: 'choice', choices: recommendations, isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'summary', label: 'Summary', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: { anyOf: [hr, { field: 'hiringManagerId' }, interviewer] },
  create: { anyOf: [hr, { field: 'hiringManagerId' }] },
  edit: [{ fields: ['scores', 'recommendation', 'summary'], who: interviewer, inStatuses: ['draft'] }],
  remove: { who: hr, inStatuses: ['draft'] },
  invariant: {
    reads: (d) => ({ ids: [{ collection: 'records', id: d.candidateId }], byParent: [{ kind: 'interview_scorecard', parentId: d.candidateId }] }),
    check({ record, previous, lookup }) {
      if (record.status === 'submitted' && previous?.status !== 'submitted') {
        const gaps = scorecardGaps(record.data);
        if (gaps.length > 0) return { message: `Score every criterion and recommend before submitting: ${gaps.join(', ')} still open.`, field: 'data.scores' };
      }
      const candidate = lookup.get('records', record.data.candidateId);
      if (!candidate || candidate.kind !== 'candidate') return { message: 'Choose the candidate this scorecard is for.', field: 'data.candidateId' };
      if ((candidate.data as { hiringManagerId?: unknown } | undefined)?.hiringManagerId !== record.data.hiringManagerId) return { message: 'The hiring manager must be the candidate\'s.', field: 'data.hiringManagerId' };
      const twice = lookup.byParent('interview_scorecard', record.data.candidateId).some((o) => o.id !== record.id && (o.data as { interviewerId?: unknown }).interviewerId === record.data.interviewerId);
      return twice ? { message: 'This interviewer already has a scorecard for this candidate.', field: 'data.interviewerId' } : null;
    },
  },
});
