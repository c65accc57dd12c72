import { dayNumber, daysBetween, fromDayNumber, isoWeekdayOfDay } from '../projects/plan-dates';
import { holidayShares, type PublicHoliday } from './holiday-calendar';
import type { WorkingPattern } from './working-pattern';

/**
 * What a leave costs, day by day: a working day costs 1, a half day 0.5, a weekend or a day off in
 * the person's pattern 0, a public holiday 0 (a half-day holiday 0.5 at most). Half days are the
 * afternoon of the first day or the morning of the last. Pure: the command fills `days` from this and
 * the invariant refuses a request whose `days` disagree.
 */
export interface LeaveSpan {
  startDate: string;
  endDate: string;
  /** Leave starts at noon on the first day. */
  isFirstDayHalf?: boolean;
  /** Leave ends at noon on the last day. */
  isLastDayHalf?: boolean;
}

export interface LeaveDay {
  date: string;
  /** 0, 0.5 or 1 working days. */
  cost: number;
}

/** A leave longer than this is refused before counting (a typo like 2062 for 2026). */
export const maxLeaveSpanDays = 400;

export function leaveDays(span: LeaveSpan, pattern: WorkingPattern, holidays: readonly PublicHoliday[]): LeaveDay[] {
  const length = daysBetween(span.startDate, span.endDate);
  if (length < 0 || length >= maxLeaveSpanDays) return [];
  // Day numbers and one lookup of the holidays: balances count thousands of days (bench:hr).
  const first = dayNumber(span.startDate);
  const shares = holidayShares(holidays);
  const days: LeaveDay[] = [];
  for (let i = 0; i <= length; i++) {
    const date = fromDayNumber(first + i);
    let cost = (pattern[isoWeekdayOfDay(first + i) - 1] ?? 0) > 0 ? 1 - (shares.get(date) ?? 0) : 0;
    const isHalf = (i === 0 && span.isFirstDayHalf) || (i === length && span.isLastDayHalf);
    if (isHalf) cost = Math.min(cost, 0.5);
    days.push({ date, cost });
  }
  return days;
}

/** Working days a leave costs in total. */
export const leaveDayCount = (span: LeaveSpan, pattern: WorkingPattern, holidays: readonly PublicHoliday[]): number =>
  leaveDays(span, pattern, holidays).reduce((sum, d) => sum + d.cost, 0);

/** Working days the leave costs in each calendar year it touches (a leave over New Year counts against two years). */
export function leaveDaysByYear(span: LeaveSpan, pattern: WorkingPattern, holidays: readonly PublicHoliday[]): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const d of leaveDays(span, pattern, holidays)) {
    if (d.cost === 0) continue;
    const year = Number(d.date.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + d.cost);
  }
  return byYear;
}
