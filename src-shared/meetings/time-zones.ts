/**
 * Wall-clock time in an IANA time zone ("10:00 in Europe/Berlin") and the instants it names. Uses
 * only ECMAScript's Intl (the ICU time-zone data every runtime ships), so host, UI and sync server
 * compute the same instants without a time-zone library. Pure: no clock.
 */

/** A local date and time, without a zone: what a person reads on the wall clock. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the zone (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z_+\-/0-9]{1,64}$/.test(timeZone)) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at `instantMs` in `timeZone`, read from Intl (exact; slow: used to build the offset tables). */
function intlWallTimeAt(instantMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

const intlOffsetMinutesAt = (instantMs: number, timeZone: string): number =>
  Math.round((floatingMs(intlWallTimeAt(instantMs, timeZone)) - Math.floor(instantMs / 1000) * 1000) / 60_000);

/** The wall time as if it were UTC (epoch ms): "floating" arithmetic without a zone. */
export const floatingMs = (wall: WallTime): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

export const wallOfFloating = (ms: number): WallTime => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
};

/** A zone's offsets in one calendar year (UTC): the offset on 1 January and each change after it. */
interface YearOffsets {
  startMs: number;
  endMs: number;
  initial: number;
  changes: OffsetChange[];
}

const YEAR_MS = 365.25 * 86_400_000;
const offsetTables = new Map<string, Map<number, YearOffsets>>();
/** The table each zone used last: consecutive look-ups are nearly always in the same year. */
const lastTables = new Map<string, YearOffsets>();

/**
 * The zone's offsets in the year of `instantMs`, worked out once per zone and year: reading Intl
 * costs microseconds per call, and a calendar month over many series converts thousands of times.
 */
function yearOffsets(timeZone: string, instantMs: number): YearOffsets {
  const last = lastTables.get(timeZone);
  if (last && instantMs >= last.startMs && instantMs < last.endMs) return last;
  const year = new Date(instantMs).getUTCFullYear();
  let byYear = offsetTables.get(timeZone);
  if (!byYear) offsetTables.set(timeZone, (byYear = new Map()));
  let table = byYear.get(year);
  if (!table) {
    const startMs = Date.UTC(year, 0, 1);
    const endMs = Date.UTC(year + 1, 0, 1);
    table = { startMs, endMs, initial: intlOffsetMinutesAt(startMs, timeZone), changes: offsetChanges(timeZone, startMs, endMs) };
    byYear.set(year, table);
  }
  lastTables.set(timeZone, table);
  return table;
}

/**
 * The zone's changes of offset in one calendar year (UTC), from the same once-per-zone-and-year
 * table: every VTIMEZONE of a feed asks for the same few years.
 */
export const offsetChangesInYear = (timeZone: string, year: number): readonly OffsetChange[] => yearOffsets(timeZone, Date.UTC(year, 0, 1)).changes;

/** Minutes east of UTC in `timeZone` at `instantMs` (60 for Berlin in winter, 120 in summer). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  if (!(Math.abs(instantMs) < 200 * YEAR_MS)) return intlOffsetMinutesAt(instantMs, timeZone);
  const table = yearOffsets(timeZone, instantMs);
  let offset = table.initial;
  for (const change of table.changes) {
    if (change.instantMs > instantMs) break;
    offset = change.toMinutes;
  }
  return offset;
}

/** The wall time at `instantMs` in `timeZone`. */
export const wallTimeAt = (instantMs: number, timeZone: string): WallTime => wallOfFloating(instantMs + offsetMinutesAt(instantMs, timeZone) * 60_000);

/**
 * The instant a wall time names in `timeZone`. A time that occurs twice (the hour repeated when
 * clocks go back) is its first occurrence; a time that does not exist (skipped when clocks go
 * forward) is read with the offset before the gap, so 02:30 on a spring-forward night becomes
 * 03:30 — what RFC 5545 §3.3.5 asks of calendar clients.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const floating = floatingMs(wall);
  const before = offsetMinutesAt(floating - 86_400_000 / 2, timeZone);
  const after = offsetMinutesAt(floating + 86_400_000 / 2, timeZone);
  // Try the earlier offset first (the first of a repeated hour), then the later one.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = floating - offset * 60_000;
    if (floatingMs(wallTimeAt(candidate, timeZone)) === floating) return candidate;
  }
  // In a gap: neither offset reproduces the wall time; use the offset in force before it.
  return floating - before * 60_000;
}

/** ISO instant of a local date and time ('YYYY-MM-DD', 'HH:MM') in `timeZone`. */
export function instantOfLocal(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(instantOf({ year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: hour ?? 0, minute: minute ?? 0, second: 0 }, timeZone)).toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in `timeZone`, for forms and text. */
export function localDateTimeOf(iso: string, timeZone: string): { date: string; time: string } {
  const wall = wallTimeAt(Date.parse(iso), timeZone);
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/** A UTC offset as iCalendar writes it: +0100, -0530. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** One change of offset: at `instantMs` the zone goes from `fromMinutes` to `toMinutes`. */
export interface OffsetChange {
  instantMs: number;
  fromMinutes: number;
  toMinutes: number;
}

const HOUR_MS = 3_600_000;

/**
 * Every change of UTC offset in `timeZone` between two instants, found by sampling every 6 hours
 * and narrowing each change down to the minute (zones change on whole minutes).
 */
export function offsetChanges(timeZone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const step = 6 * HOUR_MS;
  let at = fromMs;
  let offset = intlOffsetMinutesAt(at, timeZone);
  while (at < toMs) {
    const next = Math.min(at + step, toMs);
    const nextOffset = intlOffsetMinutesAt(next, timeZone);
    if (nextOffset !== offset) {
      let low = at;
      let high = next;
      while (high - low > 60_000) {
        const mid = Math.floor((low + high) / 2 / 60_000) * 60_000;
        if (mid <= low) break;
        if (intlOffsetMinutesAt(mid, timeZone) === offset) low = mid;
        else high = mid;
      }
      changes.push({ instantMs: high, fromMinutes: offset, toMinutes: nextOffset });
      offset = nextOffset;
    }
    at = next;
  }
  return changes;
}
