import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, isPlanDate, isoWeekOf, isoWeekday } from '../../../src-shared/projects/plan-dates';

describe('plan dates', () => {
  it('accept only real calendar dates', () => {
    expect(isPlanDate('2024-02-29')).toBe(true);
    expect(isPlanDate('2025-02-29')).toBe(false);
    expect(isPlanDate('2025-13-01')).toBe(false);
    expect(isPlanDate('2025-1-01')).toBe(false);
    expect(isPlanDate('2025-01-01T00:00:00Z')).toBe(false);
  });

  it('add days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });

  it('know the ISO weekday', () => {
    expect(isoWeekday('2025-01-06')).toBe(1); // a Monday
    expect(isoWeekday('2025-01-05')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3); // before the epoch
  });

  it.each([
    ['2025-01-01', '2025-W01', '2024-12-30'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
    ['2021-01-03', '2020-W53', '2020-12-28'],
    ['2026-12-31', '2026-W53', '2026-12-28'],
    ['2027-01-01', '2026-W53', '2026-12-28'],
    ['2025-06-15', '2025-W24', '2025-06-09'],
  ])('put %s in ISO week %s starting %s', (date, label, monday) => {
    expect(isoWeekOf(date)).toMatchObject({ label, monday });
  });

  it('round-trip addDays and daysBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const date = fromDayNumber(day);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(isoWeekday(isoWeekOf(date).monday)).toBe(1);
      }),
    );
  });
});
