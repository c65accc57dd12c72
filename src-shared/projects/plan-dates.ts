/**
 * Calendar arithmetic on planning dates ('YYYY-MM-DD'). Planning dates have no time of day and no
 * zone, so they are handled as whole day numbers (days since 1970-01-01) and never through local time.
 */

const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The day number of a real calendar date written 'YYYY-MM-DD', or null. By arithmetic rather than
 * through Date strings: balances and capacity count days by the thousand (bench:hr). Years before
 * 100 are refused, as Date.UTC would read them as 19xx.
 */
function dayNumberOrNull(value: string): number | null {
  const match = PLAN_DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeapYear(y) ? 29 : (monthDays[m - 1] ?? 0))) return null;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (2025-02-30 is not). */
export function isPlanDate(value: string): boolean {
  return dayNumberOrNull(value) !== null;
}

/** Days since 1970-01-01. Throws on a malformed date: callers validate input with the schemas first. */
export function dayNumber(date: string): number {
  const day = dayNumberOrNull(date);
  if (day === null) throw new Error(`Not a planning date: ${date}`);
  return day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The date of a day number, by the civil-from-days arithmetic (H. Hinnant) rather than a Date string. */
export function fromDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const m = shifted < 10 ? shifted + 3 : shifted - 9;
  return `${pad(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
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
  return isoWeekdayOfDay(dayNumber(date));
}

/** ISO weekday of a day number (days since 1970-01-01, a Thursday: ISO 4), for loops over many days. */
export const isoWeekdayOfDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

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
