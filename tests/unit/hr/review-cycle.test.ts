import { describe, expect, it } from 'vitest';
import { ratingProblem, weightedGoalScore } from '../../../src-shared/hr/performance-review-kind';
import { cycleSchema, isQuarterly, reviewsForCycle, startCycleSchema } from '../../../src-shared/hr/review-cycle';

const template = { competencies: ['Good laboratory practice', 'Teamwork'], goals: [{ title: 'Validate the HPLC method', weight: 70 }, { title: 'Train two colleagues', weight: 30 }] };

describe('review cycles', () => {
  it('are a year or a quarter', () => {
    expect(['2026', '2026-Q1', '2026-Q4'].map((c) => cycleSchema.safeParse(c).success)).toEqual([true, true, true]);
    expect(['26', '2026-Q5', '2026 Q2', 'H1'].map((c) => cycleSchema.safeParse(c).success)).toEqual([false, false, false, false]);
    expect([isQuarterly('2026-Q2'), isQuarterly('2026')]).toEqual([true, false]);
  });

  it('refuse a template whose goal weights do not add up to 100%', () => {
    const input = { cycle: '2026', dueDate: '2026-12-15', personIds: ['max'], ...template };
    expect(startCycleSchema.safeParse(input).success).toBe(true);
    const parsed = startCycleSchema.safeParse({ ...input, goals: [{ title: 'Only', weight: 90 }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The goals\' weights must add up to 100%.');
    expect(startCycleSchema.safeParse({ ...input, personIds: [] }).success).toBe(false);
  });

  it('give each person one review with the template’s goals and competencies unrated, skipping those who have one', () => {
    const planned = reviewsForCycle({ cycle: '2026', dueDate: '2026-12-15', personIds: ['max', 'mia', 'max', 'otto'], ...template }, [
      { personId: 'mia', cycle: '2026', status: 'self_review' },
      { personId: 'otto', cycle: '2026', status: 'cancelled' },
      { personId: 'max', cycle: '2025', status: 'signed' },
    ]);
    expect(planned.map((p) => p.personId)).toEqual(['max', 'otto']);
    expect(planned[0]).toEqual({
      personId: 'max', cycle: '2026', dueDate: '2026-12-15',
      goals: [{ title: 'Validate the HPLC method', weight: 70, selfRating: null, managerRating: null, progressNote: '' }, { title: 'Train two colleagues', weight: 30, selfRating: null, managerRating: null, progressNote: '' }],
      competencies: [{ name: 'Good laboratory practice', selfRating: null, managerRating: null }, { name: 'Teamwork', selfRating: null, managerRating: null }],
    });
  });

  it('score the goals by their weights once the manager has rated all', () => {
    const goals = reviewsForCycle({ cycle: '2026', dueDate: '2026-12-15', personIds: ['max'], ...template }, [])[0]!.goals;
    expect(weightedGoalScore(goals)).toBeNull();
    expect(weightedGoalScore(goals.map((g, i) => ({ ...g, managerRating: i === 0 ? 5 : 2 })))).toBe(4.1);
  });
});

describe('who rates what', () => {
  const [planned] = reviewsForCycle({ cycle: '2026', dueDate: '2026-12-15', personIds: ['max'], ...template }, []);
  const review = { ...planned!, selfComments: '', managerComments: '', meetingId: '', employeeSignatureId: '', managerSignatureId: '' };
  const rated = (which: 'selfRating' | 'managerRating', value: number) => ({ ...review, goals: review.goals.map((g) => ({ ...g, [which]: value })) });

  it('lets the person rate themselves and the manager rate, each only their own column', () => {
    expect(ratingProblem(review, rated('selfRating', 4), 'max', 'max')).toBeNull();
    expect(ratingProblem(review, rated('managerRating', 3), 'max', 'olga')).toBeNull();
    expect(ratingProblem(review, rated('managerRating', 5), 'max', 'max')).toMatchObject({ field: 'data.goals' });
    expect(ratingProblem(review, rated('selfRating', 1), 'max', 'olga')).toMatchObject({ message: 'Only the person reviewed rates themselves.' });
  });

  it('lets either change the rest of a line (a progress note) without touching ratings', () => {
    const noted = { ...review, goals: review.goals.map((g) => ({ ...g, progressNote: 'Half done' })) };
    expect(ratingProblem(review, noted, 'max', 'max')).toBeNull();
    expect(ratingProblem(review, noted, 'max', 'olga')).toBeNull();
  });
});
