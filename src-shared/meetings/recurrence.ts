import type { Weekday } from 'rrule';
import { FOREVER, type Recurrence, type WeekdayCode } from './meeting-model';
import { rruleLib } from './rrule-lib';
import { floatingStartsBetween, visitFloatingStarts, type FloatingSeries } from './series-dates';
import { floatingMs, instantOf, wallOfFloating, wallTimeAt } from './time-zones';

/**
 * Recurring meetings: the series' rule is expanded on the wall clock of the meeting's time zone
 * ("every Monday at 10:00 in Europe/Berlin", series-dates.ts) and each local start is then turned
 * into its instant in that zone. So a weekly 10:00 meeting stays at 10:00 local across a
 * daylight-saving change — 09:00 UTC in winter, 08:00 UTC in summer — as calendar clients expand
 * an RRULE with a TZID. The RRULE text itself is written by the `rrule` package, which is also
 * the reference the expansion is tested against.
 */

export interface SeriesTiming {
  /** The first occurrence. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  recurrence: Recurrence;
}

export interface Occurrence {
  /** The original start of the occurrence (its RECURRENCE-ID), an ISO instant. */
  recurrenceId: string;
  startsAt: string;
  endsAt: string;
}

const DAY_MS = 86_400_000;
const FOREVER_MS = Date.parse(FOREVER);

const floatingOf = (series: SeriesTiming): FloatingSeries => ({ startMs: floatingMs(wallTimeAt(Date.parse(series.startsAt), series.timeZone)), recurrence: series.recurrence });

const durationMs = (series: Pick<SeriesTiming, 'startsAt' | 'endsAt'>): number => Math.max(0, Date.parse(series.endsAt) - Date.parse(series.startsAt));

const toInstant = (floating: number, timeZone: string): number => instantOf(wallOfFloating(floating), timeZone);

const occurrenceAt = (startMs: number, duration: number): Occurrence => {
  const startsAt = new Date(startMs).toISOString();
  return { recurrenceId: startsAt, startsAt, endsAt: new Date(startMs + duration).toISOString() };
};

/** Normalises an instant to the ISO form occurrences use (milliseconds, Z). */
export const isoOf = (instant: string): string => new Date(Date.parse(instant)).toISOString();

/**
 * The occurrences of a series that overlap [fromMs, toMs), in order, without the exceptions
 * (occurrences taken out). Occurrences moved or cancelled on their own have documents of their
 * own; occurrences.ts puts those in place of these.
 */
export function expandSeries(series: SeriesTiming, fromMs: number, toMs: number): Occurrence[] {
  const duration = durationMs(series);
  // The wall clock is at most a day off the instant in any zone: widen, then cut by instants.
  const floatingFrom = floatingMs(wallTimeAt(fromMs - duration, series.timeZone)) - DAY_MS;
  const floatingTo = floatingMs(wallTimeAt(Math.min(toMs, FOREVER_MS), series.timeZone)) + DAY_MS;
  const exceptions = series.recurrence.exceptions.length > 0 ? new Set(series.recurrence.exceptions.map(isoOf)) : null;
  const result: Occurrence[] = [];
  for (const floating of floatingStartsBetween(floatingOf(series), floatingFrom, floatingTo)) {
    const startMs = toInstant(floating, series.timeZone);
    if (startMs >= toMs || startMs + Math.max(duration, 1) <= fromMs) continue;
    const occurrence = occurrenceAt(startMs, duration);
    if (!exceptions?.has(occurrence.recurrenceId)) result.push(occurrence);
  }
  return result;
}

/** The first `limit` occurrences starting at or after `fromMs` (exceptions left out). */
export function nextOccurrences(series: SeriesTiming, fromMs: number, limit: number): Occurrence[] {
  const duration = durationMs(series);
  const exceptions = new Set(series.recurrence.exceptions.map(isoOf));
  const result: Occurrence[] = [];
  if (limit <= 0) return result;
  visitFloatingStarts(floatingOf(series), floatingMs(wallTimeAt(fromMs, series.timeZone)) - DAY_MS, FOREVER_MS, (floating) => {
    const startMs = toInstant(floating, series.timeZone);
    const occurrence = occurrenceAt(startMs, duration);
    if (startMs >= fromMs && !exceptions.has(occurrence.recurrenceId)) result.push(occurrence);
    return result.length < limit;
  });
  return result;
}

/** Whether `recurrenceId` is the original start of an occurrence of the series (exceptions included). */
export function isOccurrenceOf(series: SeriesTiming, recurrenceId: string): boolean {
  const at = Date.parse(recurrenceId);
  if (Number.isNaN(at)) return false;
  const floating = floatingMs(wallTimeAt(at, series.timeZone));
  return floatingStartsBetween(floatingOf(series), floating - DAY_MS, floating + DAY_MS).some((f) => toInstant(f, series.timeZone) === at);
}

/** When the last occurrence ends: the series' `untilAt` column (FOREVER without an end). */
export function seriesUntilAt(series: SeriesTiming): string {
  if (series.recurrence.end.type === 'never') return FOREVER;
  let last: number | undefined;
  visitFloatingStarts(floatingOf(series), Number.NEGATIVE_INFINITY, FOREVER_MS, (floating) => {
    last = floating;
    return true;
  });
  if (last === undefined) return series.endsAt;
  return new Date(toInstant(last, series.timeZone) + durationMs(series)).toISOString();
}

/** The instant RRULE's UNTIL names (UTC, as RFC 5545 requires with a TZID start): the end of the until day in the zone. */
export function untilInstant(date: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(instantOf({ year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 23, minute: 59, second: 59 }, timeZone)).toISOString();
}

const frequencyOf = { daily: rruleLib.RRule.DAILY, weekly: rruleLib.RRule.WEEKLY, monthly: rruleLib.RRule.MONTHLY } as const;
const weekdayOf = (code: WeekdayCode): Weekday => rruleLib.RRule[code];

/** The RRULE value of the series as `rrule` writes it, e.g. `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;UNTIL=20261231T225959Z`. */
export function rruleValue(series: SeriesTiming): string {
  const { recurrence } = series;
  const text = rruleLib.RRule.optionsToString({
    freq: frequencyOf[recurrence.frequency],
    interval: recurrence.interval,
    ...(recurrence.frequency === 'weekly' && recurrence.weekdays.length > 0 ? { byweekday: recurrence.weekdays.map(weekdayOf) } : {}),
    ...(recurrence.end.type === 'until' ? { until: new Date(untilInstant(recurrence.end.date, series.timeZone)) } : {}),
    ...(recurrence.end.type === 'count' ? { count: recurrence.end.count } : {}),
  });
  return text.replace(/^RRULE:/, '');
}
