import { formatDateTime as writeDateTime, formatDay } from '../../src-shared/format/display-format';

/**
 * Dates and times of meetings on screen, in LabFlow's one format (src-shared/format/display-format.ts:
 * "16 Mar 2026", "16 Mar 2026, 10:00"), plus what a calendar needs besides: a time alone, a range,
 * and the zone's name after times of a meeting held in another zone than the reader's.
 */

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = timeFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, options);
    timeFormats.set(key, found);
  }
  return found;
}

/** The reader's own time zone. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const zoneNote = (timeZone?: string) => (timeZone && timeZone !== localTimeZone() ? ` (${timeZone})` : '');
const placeOf = (timeZone?: string) => (timeZone ? { timeZone } : {});

/** "16 Mar 2026, 10:00", with the zone's name when it is not the reader's. */
export const formatDateTime = (iso: string, timeZone?: string): string => writeDateTime(iso, placeOf(timeZone)) + zoneNote(timeZone);

/** "16 Mar 2026" of an instant (in `timeZone`, else the reader's), or of a planning date ('YYYY-MM-DD'). */
export function formatDate(value: string, timeZone?: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  return cachedFormat(`date|${timeZone ?? ''}`, { day: 'numeric', month: 'short', year: 'numeric', ...placeOf(timeZone) }).format(new Date(value));
}

/** "10:00". */
export const formatTime = (iso: string, timeZone?: string): string =>
  cachedFormat(`time|${timeZone ?? ''}`, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...placeOf(timeZone) }).format(new Date(iso));

/** "16 Mar 2026, 10:00–11:00", or both dates when it runs past midnight. */
export function formatTimeRange(startIso: string, endIso: string, timeZone?: string): string {
  const start = writeDateTime(startIso, placeOf(timeZone));
  const sameDay = formatDate(startIso, timeZone) === formatDate(endIso, timeZone);
  return `${start}${sameDay ? `–${formatTime(endIso, timeZone)}` : ` – ${writeDateTime(endIso, placeOf(timeZone))}`}${zoneNote(timeZone)}`;
}
