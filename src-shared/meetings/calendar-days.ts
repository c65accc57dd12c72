import type { CalendarEntry } from './meeting-views';
import { offsetMinutesAt } from './time-zones';

/**
 * A month of a busy calendar as a person can read it: per day the first few entries, and for the
 * rest one "+N more" entry that opens the day (as every calendar app does). A month with 5,000
 * meetings is then some 150 entries to send and draw, not 5,000. Days are the viewer's local days
 * (`timeZone`, the browser's), since that is the grid they see.
 */

/** The viewer's local day (YYYY-MM-DD) an entry is drawn on. */
export function localDayOf(entry: Pick<CalendarEntry, 'start' | 'isAllDay'>, timeZone: string): string {
  if (entry.isAllDay) return entry.start.slice(0, 10);
  const instant = Date.parse(entry.start);
  return new Date(instant + offsetMinutesAt(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

export const moreText = (count: number): string => `+${count} more`;

/** The entries, at most `perDay` per local day (all-day ones first, then by start), plus a "more" entry for each fuller day. */
export function limitPerDay(entries: readonly CalendarEntry[], perDay: number, timeZone: string): CalendarEntry[] {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const day = localDayOf(entry, timeZone);
    const list = byDay.get(day);
    if (list) list.push(entry);
    else byDay.set(day, [entry]);
  }
  const result: CalendarEntry[] = [];
  for (const [day, list] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => (a.isAllDay !== b.isAllDay ? (a.isAllDay ? -1 : 1) : a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
    const shown = list.length > perDay ? list.slice(0, perDay) : list;
    result.push(...shown);
    if (list.length > perDay) {
      result.push({ id: `more-${day}`, kind: 'more', title: moreText(list.length - perDay), start: day, isAllDay: true, isCancelled: false, canMove: false, section: 'meetings', itemId: day });
    }
  }
  return result;
}
