import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import { trainingCompletionKind, trainingCourseKind, trainingCoursesParent } from '../../../src-shared/hr/training-kinds';
import { expiryOf, isTrainedFor, trainingMatrix, trainingState, type Completion, type TrainingRequirement } from '../../../src-shared/hr/training-matrix';
import { addDays } from '../../../src-shared/projects/plan-dates';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { actor, hrRecord, lookupOf } from './hr-fixtures';

const done = (personId: string, courseId: string, completedOn: string, expiresOn = ''): Completion => ({ personId, courseId, completedOn, expiresOn });
const requirements: TrainingRequirement[] = [
  { courseId: 'GMP', roles: ['member'], equipmentIds: [] },
  { courseId: 'HPLC', roles: [], equipmentIds: ['EQ-HPLC'] },
];

describe('training validity', () => {
  it('runs to the day before the anniversary, or to the end of a too-short month', () => {
    expect(expiryOf('2026-01-15', 12)).toBe('2027-01-14');
    expect(expiryOf('2026-03-31', 1)).toBe('2026-04-30');
    expect(expiryOf('2024-02-29', 12)).toBe('2025-02-28');
    expect(expiryOf('2026-11-10', 3)).toBe('2027-02-09');
    expect(expiryOf('2026-11-10', 0)).toBe('');
  });

  it('is valid, expiring within 30 days, expired or missing', () => {
    const gmp = [done('max', 'GMP', '2025-06-01', '2026-05-31')];
    expect(trainingState(gmp, '2026-04-30')).toBe('valid');
    expect(trainingState(gmp, '2026-05-01')).toBe('expiring');
    expect(trainingState(gmp, '2026-05-31')).toBe('expiring');
    expect(trainingState(gmp, '2026-06-01')).toBe('expired');
    expect(trainingState(gmp, '2025-05-31')).toBe('missing');
    expect(trainingState([], '2026-01-01')).toBe('missing');
    // A refresher before expiry keeps it valid.
    expect(trainingState([...gmp, done('max', 'GMP', '2026-05-20', '2027-05-19')], '2026-06-01')).toBe('valid');
  });

  it('builds the matrix from roles and instruments, a cell per required course only', () => {
    const rows = trainingMatrix(
      [
        { id: 'max', roles: ['member'], equipmentIds: ['EQ-HPLC'] },
        { id: 'ola', roles: ['member'], equipmentIds: [] },
        { id: 'vic', roles: ['visitor'], equipmentIds: [] },
      ],
      requirements,
      [done('max', 'GMP', '2026-01-10', '2027-01-09'), done('max', 'HPLC', '2024-01-10', '2025-01-09'), done('ola', 'HPLC', '2026-01-10')],
      '2026-06-01',
    );
    expect(rows.map((r) => [r.personId, Object.fromEntries(r.cells)])).toEqual([
      ['max', { GMP: 'valid', HPLC: 'expired' }],
      ['ola', { GMP: 'missing' }],
      ['vic', {}],
    ]);
  });

  it('lets someone use an instrument only with every course it requires valid', () => {
    const completions = [done('max', 'HPLC', '2025-06-01', '2026-05-31')];
    expect(isTrainedFor('max', 'EQ-HPLC', requirements, completions, '2026-05-31')).toEqual({ ok: true });
    expect(isTrainedFor('max', 'EQ-HPLC', requirements, completions, '2026-06-01')).toEqual({ ok: false, courseIds: ['HPLC'] });
    expect(isTrainedFor('max', 'EQ-BALANCE', requirements, [], '2026-06-01')).toEqual({ ok: true });
  });

  it('is valid on every day from completion to expiry and on none after (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -400, max: 2200 }), (start, months, offset) => {
        const completedOn = addDays('2024-01-01', start);
        const expiresOn = expiryOf(completedOn, months);
        const day = addDays(completedOn, offset);
        const state = trainingState([done('p', 'c', completedOn, expiresOn)], day);
        const expected = day < completedOn ? 'missing' : day > expiresOn ? 'expired' : addDays(day, 30) >= expiresOn ? 'expiring' : 'valid';
        expect(state).toBe(expected);
        expect(expiresOn > completedOn).toBe(true);
      }),
    );
  });
});

describe('training records', () => {
  const course = hrRecord(trainingCourseKind, 'TC1', 'active', { title: 'HPLC operation', validityMonths: 24, requiredForEquipmentIds: ['EQ-HPLC'] });
  const completion = (expiresOn: string) => hrRecord(trainingCompletionKind, 'CP1', 'recorded', { personId: 'max', courseId: 'TC1', completedOn: '2026-02-10', expiresOn, signedById: 'tia' });

  it('takes its expiry from the course, so a PC cannot extend a certificate', () => {
    expect(checkInvariant(trainingCompletionKind, completion('2028-02-09'), null, lookupOf([course]), '2026-02-10T12:00:00Z', 'tia')).toBeNull();
    expect(checkInvariant(trainingCompletionKind, completion('2030-02-09'), null, lookupOf([course]), '2026-02-10T12:00:00Z', 'tia')).toEqual({ message: `By the course's validity this training is valid until ${formatDay('2028-02-09')}.`, field: 'data.expiresOn' });
  });

  it('files every course under one parent, so one read finds the courses an instrument requires', () => {
    expect(course.parentId).toBe(trainingCoursesParent);
    expect(course.parentId).not.toBe('');
  });

  it('is read by HR, the person, their manager and the trainer who signed it', () => {
    const scope = scopeOfRecord(trainingCompletionKind, completion('2028-02-09'));
    const readers = [actor('hana', ['hr']), actor('max'), actor('mia', ['member'], { managedIds: ['max'] }), actor('tia', ['trainer']), actor('otto')];
    expect(readers.map((who) => canReadScope(trainingCompletionKind, who, scope))).toEqual([true, true, true, true, false]);
  });
});
