import { z } from 'zod';
import { isPlanDate } from '../projects/plan-dates';

/**
 * Calendar intervals of calibration and maintenance plans ("every 12 months", "every 6 weeks").
 * Month and year steps keep the day of the month and fall back to the month's last day (31 Jan +
 * 1 month = 28/29 Feb), as a lab's calibration calendar does. Pure, on 'YYYY-MM-DD' dates.
 */

export const intervalUnits = ['days', 'weeks', 'months', 'years'] as const;
export type IntervalUnit = (typeof intervalUnits)[number];

export const intervalSchema = z.object({
  count: z.number().int('Give a whole number.').min(1, 'An interval is at least 1.').max(1000, 'At most 1000.'),
  unit: z.enum(intervalUnits, 'Choose days, weeks, months or years.'),
});
export type Interval = z.infer<typeof intervalSchema>;

const unitWords: Record<IntervalUnit, [string, string]> = { days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'], years: ['year', 'years'] };

/** "every 12 months", "every week". */
export const describeInterval = (interval: Interval): string => {
  const [one, many] = unitWords[interval.unit];
  return interval.count === 1 ? `every ${one}` : `every ${interval.count} ${many}`;
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `date` plus whole months, clamped to the target month's last day. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date one interval after `date` (times `times`, default 1). Throws on a malformed date: schemas check input first. */
export function addInterval(date: string, interval: Interval, times = 1): string {
  if (!isPlanDate(date)) throw new Error(`Not a date: ${date}`);
  const n = interval.count * times;
  switch (interval.unit) {
    case 'days':
      return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    case 'weeks':
      return new Date(Date.parse(`${date}T00:00:00Z`) + n * 7 * 86_400_000).toISOString().slice(0, 10);
    case 'months':
      return addMonths(date, n);
    case 'years':
      return addMonths(date, n * 12);
  }
}

/** The UTC calendar date of an ISO instant or date ('2026-03-01T22:00:00Z' → '2026-03-01'). */
export const dateOf = (isoOrDate: string): string => isoOrDate.slice(0, 10);
