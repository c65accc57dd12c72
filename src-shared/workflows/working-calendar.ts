import type { WorkingCalendar } from './definition-schema';

/**
 * Working-time arithmetic for SLAs: a lab's working days, one daily window of hours, holidays, and a
 * fixed offset from UTC. Times in and out are epoch milliseconds (UTC); the calendar's local day is
 * found by shifting by the offset, so no time-zone database is needed and the result is the same on
 * every PC.
 */

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** Ten years of days: a calendar that finds no working time in that span is broken (validation refuses it). */
const maxDays = 3660;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

interface DayWindow {
  /** Start and end of the day's working window, in shifted (local) milliseconds. */
  start: number;
  end: number;
}

function windowOfDay(calendar: WorkingCalendar, localDayStart: number): DayWindow | null {
  const date = new Date(localDayStart);
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  if (!calendar.weekdays.includes(isoWeekday)) return null;
  if (calendar.holidays?.includes(date.toISOString().slice(0, 10))) return null;
  const start = localDayStart + minutesOf(calendar.hours.start) * minuteMs;
  const end = localDayStart + minutesOf(calendar.hours.end) * minuteMs;
  return end > start ? { start, end } : null;
}

const offsetMs = (calendar: WorkingCalendar) => (calendar.utc_offset_minutes ?? 0) * minuteMs;

/** The instant `hours` of working time after `fromMs`. Zero hours gives `fromMs` itself. */
export function addWorkingHours(calendar: WorkingCalendar, fromMs: number, hours: number): number {
  let remaining = hours * 60 * minuteMs;
  if (remaining <= 0) return fromMs;
  const shift = offsetMs(calendar);
  let cursor = fromMs + shift;
  let dayStart = Math.floor(cursor / dayMs) * dayMs;
  for (let day = 0; day < maxDays; day++, dayStart += dayMs) {
    const window = windowOfDay(calendar, dayStart);
    if (!window) continue;
    const from = Math.max(cursor, window.start);
    if (from >= window.end) continue;
    const available = window.end - from;
    if (remaining <= available) return from + remaining - shift;
    remaining -= available;
    cursor = window.end;
  }
  throw new Error('The working calendar has no working time within ten years; validation should have refused it.');
}

/** Working milliseconds between two instants (0 when `toMs` is not after `fromMs`). */
export function workingMsBetween(calendar: WorkingCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const shift = offsetMs(calendar);
  const from = fromMs + shift;
  const to = toMs + shift;
  let total = 0;
  for (let dayStart = Math.floor(from / dayMs) * dayMs, day = 0; dayStart < to && day < maxDays; dayStart += dayMs, day++) {
    const window = windowOfDay(calendar, dayStart);
    if (!window) continue;
    total += Math.max(0, Math.min(to, window.end) - Math.max(from, window.start));
  }
  return total;
}

/** True when the instant falls inside a working window. */
export function isWorkingTime(calendar: WorkingCalendar, atMs: number): boolean {
  const local = atMs + offsetMs(calendar);
  const window = windowOfDay(calendar, Math.floor(local / dayMs) * dayMs);
  return window !== null && local >= window.start && local < window.end;
}

/** Problems that would make the calendar find no working time; empty when it is usable. */
export function calendarProblems(calendar: WorkingCalendar): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (minutesOf(calendar.hours.end) <= minutesOf(calendar.hours.start)) {
    problems.push({ path: 'working_calendar.hours', message: 'The working day must end after it starts.' });
  }
  if (new Set(calendar.weekdays).size !== calendar.weekdays.length) {
    problems.push({ path: 'working_calendar.weekdays', message: 'A weekday is listed twice.' });
  }
  return problems;
}
