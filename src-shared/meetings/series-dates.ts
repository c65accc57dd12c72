import type { Recurrence, WeekdayCode } from './meeting-model';
import { weekdayCodes } from './meeting-model';

/**
 * The local starts of a series on the floating wall clock (wall time written as if it were UTC),
 * by date arithmetic: daily, weekly on given weekdays (weeks start on Monday, RRULE's default
 * WKST) and monthly on the start's day of the month (months without that day are skipped, as
 * RFC 5545 and `rrule` do), every `interval`, until a day or for a count.
 *
 * `rrule`'s general iterator gives the same dates (a property test compares them occurrence for
 * occurrence) but costs ~20 µs per occurrence here, and a calendar month over a few hundred
 * series expands tens of thousands of them on each navigation; this costs well under 1 µs.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface FloatingSeries {
  /** The first start on the floating wall clock. */
  startMs: number;
  recurrence: Pick<Recurrence, 'frequency' | 'interval' | 'weekdays' | 'end'>;
}

/** Monday = 0 … Sunday = 6 of a floating instant. */
const weekdayIndex = (ms: number): number => (new Date(ms).getUTCDay() + 6) % 7;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Last floating instant an occurrence may start at: the end of the until day; none: no limit. */
const lastStartOf = (end: Recurrence['end']): number => (end.type === 'until' ? Date.parse(`${end.date}T23:59:59Z`) : Number.POSITIVE_INFINITY);

/**
 * Calls `visit` with each start (floating ms) from the first on, in order, until `visit` returns
 * false, the series ends, or a start passes `stopAfterMs`. Without a count the iteration starts at
 * the period holding `skipBeforeMs` instead of the first start (a count must be counted from it).
 */
export function visitFloatingStarts(series: FloatingSeries, skipBeforeMs: number, stopAfterMs: number, visit: (startMs: number) => boolean): void {
  const { startMs, recurrence } = series;
  const interval = Math.max(1, recurrence.interval);
  const last = Math.min(lastStartOf(recurrence.end), stopAfterMs);
  const maxCount = recurrence.end.type === 'count' ? recurrence.end.count : Number.POSITIVE_INFINITY;
  const canSkip = recurrence.end.type !== 'count';
  let emitted = 0;
  const emit = (ms: number): boolean => {
    if (ms > last || emitted >= maxCount) return false;
    emitted++;
    return visit(ms);
  };

  if (recurrence.frequency === 'daily') {
    const step = interval * DAY_MS;
    const first = canSkip && skipBeforeMs > startMs ? Math.floor((skipBeforeMs - startMs) / step) : 0;
    for (let k = first; ; k++) if (!emit(startMs + k * step)) return;
  }

  if (recurrence.frequency === 'weekly') {
    const startWeekday = weekdayIndex(startMs);
    const days = recurrence.weekdays.length > 0 ? [...new Set(recurrence.weekdays.map((d: WeekdayCode) => weekdayCodes.indexOf(d)))].sort((a, b) => a - b) : [startWeekday];
    const weekStart = startMs - startWeekday * DAY_MS;
    const step = interval * WEEK_MS;
    const first = canSkip && skipBeforeMs > weekStart ? Math.floor((skipBeforeMs - weekStart) / step) : 0;
    for (let k = first; ; k++) {
      for (const day of days) {
        const at = weekStart + k * step + day * DAY_MS;
        if (at < startMs) continue;
        if (!emit(at)) return;
      }
    }
  }

  // Monthly on the start's day of the month.
  const start = new Date(startMs);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const day = start.getUTCDate();
  const timeOfDay = startMs - Date.UTC(year, month, day);
  const skipDate = new Date(skipBeforeMs);
  const monthsToSkip = canSkip && skipBeforeMs > startMs ? (skipDate.getUTCFullYear() - year) * 12 + skipDate.getUTCMonth() - month - 1 : 0;
  // Give up after 1,000 years of months without the day (cannot happen for day ≤ 28; guards a bad series).
  for (let k = Math.max(0, Math.floor(monthsToSkip / interval)); k < 12_000; k++) {
    const m = month + k * interval;
    const y = year + Math.floor(m / 12);
    const mm = ((m % 12) + 12) % 12;
    if (day > daysInMonth(y, mm)) continue;
    if (!emit(Date.UTC(y, mm, day) + timeOfDay)) return;
  }
}

/** The floating starts in [fromMs, toMs], in order. */
export function floatingStartsBetween(series: FloatingSeries, fromMs: number, toMs: number): number[] {
  const result: number[] = [];
  visitFloatingStarts(series, fromMs, toMs, (ms) => {
    if (ms >= fromMs) result.push(ms);
    return true;
  });
  return result;
}
