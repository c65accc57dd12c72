import { describe, expect, it } from 'vitest';
import { interviewScorecardKind } from '../../../src-shared/hr/interview-scorecard-kind';
import { interviewCriteria, interviewEnd, interviewInputSchema, scorecardGaps } from '../../../src-shared/hr/interviews';
import { candidateKind } from '../../../src-shared/hr/candidate-kind';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { hrRecord, lookupOf } from './hr-fixtures';

const all = (score: number) => interviewCriteria.map((criterion) => ({ criterion, score, comment: '' }));
const candidate = hrRecord(candidateKind, 'C1', 'interviews', { requisitionId: 'R1', hiringManagerId: 'mia', name: 'Clara Chen' });
const scorecard = (status: string, data: Record<string, unknown>) => hrRecord(interviewScorecardKind, 'S1', status, { candidateId: 'C1', hiringManagerId: 'mia', interviewerId: 'ivan', ...data });

describe('interviews', () => {
  it('names what a scorecard still lacks before it can be submitted', () => {
    expect(scorecardGaps({ scores: all(4), recommendation: 'hire' })).toEqual([]);
    expect(scorecardGaps({ scores: all(4).slice(0, 3), recommendation: '' })).toEqual(['Communication', 'Teamwork', 'Recommendation']);
  });

  it('refuses to submit a scorecard with a criterion unscored, on host and server alike (the invariant)', () => {
    const draft = scorecard('draft', { scores: all(4).slice(1), recommendation: 'hire' });
    expect(checkInvariant(interviewScorecardKind, scorecard('submitted', { scores: all(4).slice(1), recommendation: 'hire' }), draft, lookupOf([candidate]), '2026-04-01T10:00:00Z', 'ivan')).toMatchObject({ field: 'data.scores', message: expect.stringContaining('Technical knowledge') });
    expect(checkInvariant(interviewScorecardKind, scorecard('submitted', { scores: all(4), recommendation: 'hire' }), draft, lookupOf([candidate]), '2026-04-01T10:00:00Z', 'ivan')).toBeNull();
  });

  it('ends an interview its length after it starts, across midnight too', () => {
    expect(interviewEnd('2026-04-08T09:00:00Z', 90)).toBe('2026-04-08T10:30:00.000Z');
    expect(interviewEnd('2026-04-08T23:30:00+00:00', 60)).toBe('2026-04-09T00:30:00.000Z');
  });

  it('asks for interviewers, each once, and a sensible length', () => {
    const input = { candidateId: 'C1', interviewerIds: ['ivan'], startsAt: '2026-04-08T09:00:00Z', minutes: 60, timeZone: 'Europe/Berlin' };
    expect(interviewInputSchema.safeParse(input).success).toBe(true);
    expect(interviewInputSchema.safeParse({ ...input, interviewerIds: ['ivan', 'ivan'] }).success).toBe(false);
    expect(interviewInputSchema.safeParse({ ...input, minutes: 600 }).success).toBe(false);
  });
});
