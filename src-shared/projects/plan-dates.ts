/**
 * Calendar arithmetic on planning dates ('YYYY-MM-DD'). Planning dates have no time of day and no
 * zone, so they are handled as whole day numbers (days since 1970-01-01) and never through local time.
 */

const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (2025-02-30 is not). */
export function isPlanDate(value: string): boolean {
  const match = PLAN_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01. Throws on a malformed date: callers validate input with the schemas first. */
export function dayNumber(date: string): number {
  if (!isPlanDate(date)) throw new Error(`Not a planning date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  year: number;
  week: number;
  /** 'YYYY-Www', e.g. '2025-W01'. */
  label: string;
  /** The Monday that starts the week. */
  monday: string;
}

/** The ISO-8601 week a date falls in (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: string): IsoWeek {
  const day = dayNumber(date);
  const monday = day - (isoWeekday(date) - 1);
  const thursday = fromDayNumber(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}`, monday: fromDayNumber(monday) };
}
