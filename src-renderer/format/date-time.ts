/**
 * One way LabFlow writes dates and times on screen: "Mon 16 Mar 2026", "Mon 16 Mar 2026, 10:00",
 * in the reader's language and, unless a zone is given, their own time zone. Meetings created in
 * another zone show that zone's name after the time.
 */

const dateOptions: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'time' | 'dateTime', timeZone?: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const options = kind === 'date' ? dateOptions : kind === 'time' ? timeOptions : { ...dateOptions, ...timeOptions };
    f = new Intl.DateTimeFormat(undefined, { ...options, ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/** The reader's own time zone. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const zoneNote = (timeZone?: string) => (timeZone && timeZone !== localTimeZone() ? ` (${timeZone})` : '');

/** "Mon 16 Mar 2026, 10:00". */
export const formatDateTime = (iso: string, timeZone?: string): string => formatter('dateTime', timeZone).format(new Date(iso)) + zoneNote(timeZone);

/** "Mon 16 Mar 2026" of an instant, or of a planning date ('YYYY-MM-DD'). */
export function formatDate(value: string, timeZone?: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatter('date', 'UTC').format(new Date(`${value}T12:00:00Z`));
  return formatter('date', timeZone).format(new Date(value));
}

/** "10:00". */
export const formatTime = (iso: string, timeZone?: string): string => formatter('time', timeZone).format(new Date(iso));

/** "Mon 16 Mar 2026, 10:00–11:00", or both dates when it runs past midnight. */
export function formatTimeRange(startIso: string, endIso: string, timeZone?: string): string {
  const sameDay = formatDate(startIso, timeZone) === formatDate(endIso, timeZone);
  return sameDay
    ? `${formatter('dateTime', timeZone).format(new Date(startIso))}–${formatTime(endIso, timeZone)}${zoneNote(timeZone)}`
    : `${formatter('dateTime', timeZone).format(new Date(startIso))} – ${formatter('dateTime', timeZone).format(new Date(endIso))}${zoneNote(timeZone)}`;
}
