import { addDays } from '../projects/plan-dates';
import { holidayShares, type PublicHoliday } from './holiday-calendar';
import { isWorkingDay, type WorkingPattern } from './working-pattern';

/**
 * When an onboarding line is due: `days` after the start date (before it when negative). Counted in
 * calendar days, or — for lines marked "working days" — in the new person's working days, skipping
 * the days their working pattern has no hours and their location's whole-day public holidays (a
 * half-day holiday still has a working morning). Day 0 in working days is the first working day
 * on or after the start; -1 is the last working day before the start. Pure.
 */
export interface WorkingCalendar {
  pattern: WorkingPattern;
  holidays: readonly PublicHoliday[];
}

/** A year of days is far beyond any checklist; it also stops a pattern with no working day at all. */
const SEARCH_LIMIT = 366;

export function onboardingDueDate(startDate: string, days: number, isWorkingDays: boolean, calendar: WorkingCalendar): string {
  if (!isWorkingDays) return addDays(startDate, days);
  const wholeHolidays = new Set([...holidayShares(calendar.holidays)].filter(([, share]) => share >= 1).map(([date]) => date));
  const isWorking = (date: string) => isWorkingDay(calendar.pattern, date) && !wholeHolidays.has(date);
  const step = days < 0 ? -1 : 1;
  let date = startDate;
  // Forward, the count starts on the first working day; backward, "2 working days before" counts from the start itself.
  if (days >= 0) for (let i = 0; !isWorking(date) && i < SEARCH_LIMIT; i++) date = addDays(date, 1);
  let left = Math.abs(days);
  for (let i = 0; left > 0 && i < SEARCH_LIMIT * 2; i++) {
    date = addDays(date, step);
    if (isWorking(date)) left--;
  }
  return date;
}
