import { z } from 'zod';
import { isPlanDate } from '../projects/plan-dates';

/**
 * Public holidays of one location (a site, a country): a list of dated days, some of them half days
 * (Christmas Eve afternoon). Dated rather than rules ("first Monday of May") because every country's
 * rules differ and HR copies the official list once a year. Pure.
 */
export const publicHolidaySchema = z.object({
  date: z.string().refine(isPlanDate, 'Enter a date as YYYY-MM-DD.'),
  name: z.string().trim().min(1, 'Name the holiday.').max(120),
  /** Only the afternoon is off: a leave that day costs half a day. */
  isHalfDay: z.boolean().default(false),
});
export type PublicHoliday = z.infer<typeof publicHolidaySchema>;

export interface HolidayCalendar {
  /** The location code employees name (e.g. "DE-BY", "Lyon site"). */
  location: string;
  holidays: readonly PublicHoliday[];
}

/** A holiday calendar as the HR screen shows it: its record id, location and holidays in date order. */
export interface HolidayCalendarView extends HolidayCalendar {
  id: string;
}

/**
 * The share of a working day a holiday takes off: 1 for a holiday, 0.5 for a half-day holiday, 0 for
 * an ordinary day. Two entries for the same date (a duplicate in the list) count as the larger one.
 */
export const holidayShareOn = (holidays: readonly PublicHoliday[], date: string): number => holidayShares(holidays).get(date) ?? 0;

/** Each holiday date's share of the day, for counting many days against one list. */
export function holidayShares(holidays: readonly PublicHoliday[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const h of holidays) shares.set(h.date, Math.max(shares.get(h.date) ?? 0, h.isHalfDay ? 0.5 : 1));
  return shares;
}

/** Holidays from `from` to `to` (both included), in date order. */
export const holidaysBetween = (holidays: readonly PublicHoliday[], from: string, to: string): PublicHoliday[] =>
  holidays.filter((h) => h.date >= from && h.date <= to).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** The calendar for a location, or an empty one (no holidays) when the location has none. */
export const calendarOf = (calendars: readonly HolidayCalendar[], location: string): HolidayCalendar =>
  calendars.find((c) => c.location === location) ?? { location, holidays: [] };

/** Problems a lab person can fix in a calendar: the same date listed twice. Empty when fine. */
export function holidayCalendarProblems(holidays: readonly PublicHoliday[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const h of holidays) {
    if (seen.has(h.date)) problems.push(`${h.date} is listed twice.`);
    seen.add(h.date);
  }
  return problems;
}
