import { describe, expect, it } from 'vitest';
import { dueOccurrences, nextCalibrationDue, planStanding } from '../../../src-shared/equipment/calibration-schedule';
import { addInterval, describeInterval } from '../../../src-shared/equipment/interval';
import { isWithinTolerance, judgeReadings } from '../../../src-shared/equipment/tolerance';
import { calibration, yearlyPlan } from './fixtures';

describe('calendar intervals', () => {
  it.each([
    ['2026-01-31', { count: 1, unit: 'months' }, '2026-02-28'],
    ['2024-01-31', { count: 1, unit: 'months' }, '2024-02-29'],
    ['2026-03-15', { count: 12, unit: 'months' }, '2027-03-15'],
    ['2024-02-29', { count: 1, unit: 'years' }, '2025-02-28'],
    ['2026-12-20', { count: 2, unit: 'weeks' }, '2027-01-03'],
    ['2026-03-01', { count: 90, unit: 'days' }, '2026-05-30'],
    ['2026-11-30', { count: 3, unit: 'months' }, '2027-02-28'],
  ] as const)('%s + %o = %s', (date, interval, expected) => {
    expect(addInterval(date, interval)).toBe(expected);
  });

  it('says intervals in words', () => {
    expect(describeInterval({ count: 12, unit: 'months' })).toBe('every 12 months');
    expect(describeInterval({ count: 1, unit: 'weeks' })).toBe('every week');
  });
});

describe('next due date', () => {
  it('is the first due date until a calibration passes, then an interval after the last that passed', () => {
    const plan = yearlyPlan();
    expect(planStanding(plan, []).dueDate).toBe('2026-01-31');
    const first = calibration('2026-01-20');
    expect(planStanding(plan, [first]).dueDate).toBe('2027-01-20');
    // A failed calibration does not restart the clock; voided records count for nothing.
    const failed = calibration('2026-06-01', 'fail');
    const voided = calibration('2026-07-01', 'pass', { isVoided: true });
    const standing = planStanding(plan, [first, failed, voided]);
    expect(standing).toMatchObject({ dueDate: '2027-01-20', lastPassed: { id: first.id }, latest: { id: failed.id } });
  });

  it('takes the earliest active plan of an instrument', () => {
    const yearly = yearlyPlan();
    const weekly = yearlyPlan({ id: 'P2', name: 'Weekly check', interval: { count: 1, unit: 'weeks' }, firstDueDate: '2026-01-05' });
    const retired = yearlyPlan({ id: 'P3', isActive: false, firstDueDate: '2025-01-01' });
    expect(nextCalibrationDue([yearly, weekly, retired], [calibration('2026-01-04', 'pass', { planId: 'P2' })])).toMatchObject({ plan: { id: 'P2' }, dueDate: '2026-01-11' });
    expect(nextCalibrationDue([], [])).toBeNull();
  });

  it('lists due dates met on time, late, and open past ones', () => {
    const plan = yearlyPlan({ interval: { count: 6, unit: 'months' } });
    const cals = [calibration('2026-01-30'), calibration('2026-08-15'), calibration('2027-02-10')];
    const occurrences = dueOccurrences(plan, cals, '2027-12-01');
    expect(occurrences.map((o) => [o.dueDate, o.isOnTime, o.metBy?.performedOn ?? null])).toEqual([
      ['2026-01-31', true, '2026-01-30'],
      ['2026-07-30', false, '2026-08-15'],
      ['2027-02-15', true, '2027-02-10'],
      ['2027-08-10', false, null],
    ]);
  });
});

describe('tolerance', () => {
  it('passes readings on the limit despite binary floating point, and fails beyond it', () => {
    const point = { nominal: 10, tolerance: 0.1 };
    expect(isWithinTolerance(point, 10.1)).toBe(true);
    expect(isWithinTolerance(point, 9.9)).toBe(true);
    expect(isWithinTolerance(point, 10.1000001)).toBe(false);
    expect(isWithinTolerance({ nominal: 200.0, tolerance: 0.0003 }, 200.0003)).toBe(true);
    expect(isWithinTolerance({ nominal: 200.0, tolerance: 0.0003 }, 200.0004)).toBe(false);
    expect(isWithinTolerance({ nominal: 7, tolerance: 0 }, 7)).toBe(true);
  });

  it('judges each point as found and as left, and the calibration overall', () => {
    const verdict = judgeReadings([
      { pointId: 'a', nominal: 10, tolerance: 0.1, asFound: 10.3, asLeft: 10.02 },
      { pointId: 'b', nominal: 100, tolerance: 0.5, asFound: 100.2, asLeft: 100.1 },
    ]);
    expect(verdict).toEqual({
      asFound: 'fail',
      asLeft: 'pass',
      points: [
        { pointId: 'a', asFound: 'fail', asLeft: 'pass' },
        { pointId: 'b', asFound: 'pass', asLeft: 'pass' },
      ],
    });
    expect(judgeReadings([{ pointId: 'a', nominal: 1, tolerance: 0.1, asLeft: 1.2 }])).toMatchObject({ asFound: 'not_measured', asLeft: 'fail' });
    expect(judgeReadings([]).asLeft).toBe('fail');
  });
});
