import { describe, expect, it } from 'vitest';
import { holidayCalendarProblems, holidayShareOn, holidaysBetween, type PublicHoliday } from '../../../src-shared/hr/holiday-calendar';
import { leaveDayCount, leaveDays, leaveDaysByYear } from '../../../src-shared/hr/leave-days';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

const bavaria: PublicHoliday[] = [
  { date: '2026-12-24', name: 'Christmas Eve', isHalfDay: true },
  { date: '2026-12-25', name: 'Christmas Day', isHalfDay: false },
  { date: '2026-12-26', name: 'Boxing Day', isHalfDay: false },
  { date: '2027-01-01', name: "New Year's Day", isHalfDay: false },
  { date: '2027-01-06', name: 'Epiphany', isHalfDay: false },
];
const threeDays = [8, 0, 8, 0, 8, 0, 0]; // Monday, Wednesday, Friday

describe('what a leave costs', () => {
  it('counts working days only: a Monday-to-Sunday week costs 5 for full time and 3 for a Mon/Wed/Fri part-timer', () => {
    const week = { startDate: '2026-06-01', endDate: '2026-06-07' };
    expect(leaveDayCount(week, standardWorkingPattern, [])).toBe(5);
    expect(leaveDayCount(week, threeDays, [])).toBe(3);
  });

  it('does not charge public holidays, and charges half of a half-day holiday', () => {
    // 21 Dec (Mon) to 1 Jan (Fri): 21,22,23 = 3; 24 = 0.5; 25 = 0; 28,29,30,31 = 4; 1 Jan = 0.
    const overNewYear = { startDate: '2026-12-21', endDate: '2027-01-01' };
    expect(leaveDayCount(overNewYear, standardWorkingPattern, bavaria)).toBe(7.5);
    expect(leaveDayCount(overNewYear, standardWorkingPattern, [])).toBe(10);
  });

  it('splits a leave over New Year between the two years', () => {
    const byYear = leaveDaysByYear({ startDate: '2026-12-28', endDate: '2027-01-08' }, standardWorkingPattern, bavaria);
    expect([...byYear.entries()]).toEqual([
      [2026, 4],
      [2027, 4], // 4,5,7,8 Jan: the 1st and the 6th are holidays
    ]);
  });

  it('takes half days off the first afternoon and the last morning, and a single half day costs 0.5', () => {
    const span = { startDate: '2026-06-01', endDate: '2026-06-05', isFirstDayHalf: true, isLastDayHalf: true };
    expect(leaveDayCount(span, standardWorkingPattern, [])).toBe(4);
    expect(leaveDayCount({ startDate: '2026-06-03', endDate: '2026-06-03', isFirstDayHalf: true, isLastDayHalf: true }, standardWorkingPattern, [])).toBe(0.5);
    // A half day on a weekend or a holiday costs nothing, not half.
    expect(leaveDayCount({ startDate: '2026-12-25', endDate: '2026-12-25', isFirstDayHalf: true }, standardWorkingPattern, bavaria)).toBe(0);
  });

  it('counts nothing for a last day before the first', () => {
    expect(leaveDays({ startDate: '2026-06-05', endDate: '2026-06-01' }, standardWorkingPattern, [])).toEqual([]);
  });
});

describe('holiday calendars', () => {
  it('lists holidays in a range in date order and knows each day\'s share', () => {
    expect(holidaysBetween([...bavaria].reverse(), '2026-12-25', '2027-01-01').map((h) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(holidayShareOn(bavaria, '2026-12-24')).toBe(0.5);
    expect(holidayShareOn(bavaria, '2026-12-25')).toBe(1);
    expect(holidayShareOn(bavaria, '2026-12-23')).toBe(0);
  });

  it('names a date listed twice', () => {
    expect(holidayCalendarProblems([...bavaria, { date: '2027-01-01', name: 'Neujahr', isHalfDay: false }])).toEqual(['2027-01-01 is listed twice.']);
  });
});
