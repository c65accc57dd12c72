import { formatUtcOffset, offsetChangesInYear, offsetMinutesAt, wallOfFloating, type OffsetChange } from '../time-zones';
import { contentLine, localDateTime } from './ical-text';

/**
 * The VTIMEZONE of an IANA zone (RFC 5545 §3.6.5), worked out from the runtime's time-zone data.
 * Where the zone changes its offset by a yearly rule (last Sunday of March, second Sunday of
 * March …) the components carry that rule as an RRULE, so clients compute the offset of any later
 * year — a weekly series without end stays right in every summer. Zones that change irregularly
 * get one component per change in the years asked for.
 */

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_MS = 86_400_000;

interface YearlyRule {
  month: number;
  byDay: string;
  /** Local wall time (old offset) of the change, e.g. 020000. */
  time: string;
  fromMinutes: number;
  toMinutes: number;
}

// Read from the time-zone tables worked out once per zone and year (Intl is slow, and a feed, an invitation and a calendar all ask for the same years).
const changesOfYear = (timeZone: string, year: number): readonly OffsetChange[] => offsetChangesInYear(timeZone, year);

/** The wall time of the change on the clock before it (floating), as VTIMEZONE's DTSTART gives it. */
const localWallOf = (change: OffsetChange): Date => new Date(change.instantMs + change.fromMinutes * 60_000);

/** The rules a change could follow: nth weekday of the month and, when it is the month's last, -1. */
function rulesOf(change: OffsetChange): YearlyRule[] {
  const local = localWallOf(change);
  const day = local.getUTCDate();
  const weekday = WEEKDAYS[local.getUTCDay()] ?? 'SU';
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  const time = `${String(local.getUTCHours()).padStart(2, '0')}${String(local.getUTCMinutes()).padStart(2, '0')}00`;
  const base = { month: local.getUTCMonth() + 1, time, fromMinutes: change.fromMinutes, toMinutes: change.toMinutes };
  const rules = [{ ...base, byDay: `${Math.ceil(day / 7)}${weekday}` }];
  if (day + 7 > daysInMonth) rules.unshift({ ...base, byDay: `-1${weekday}` });
  return rules;
}

const sameRule = (a: YearlyRule, b: YearlyRule) => a.month === b.month && a.byDay === b.byDay && a.time === b.time && a.fromMinutes === b.fromMinutes && a.toMinutes === b.toMinutes;

/** The yearly rules that describe every change from `fromYear` to `toYear`, or null when there are none. */
function yearlyRules(timeZone: string, fromYear: number, toYear: number): YearlyRule[] | null {
  const first = changesOfYear(timeZone, fromYear);
  if (first.length === 0 || first.length > 2) return null;
  const chosen: YearlyRule[] = [];
  for (const [index, change] of first.entries()) {
    const fits = rulesOf(change).find((rule) => {
      for (let year = fromYear + 1; year <= toYear; year++) {
        const other = changesOfYear(timeZone, year)[index];
        if (!other || !rulesOf(other).some((r) => sameRule(r, rule))) return false;
      }
      return true;
    });
    if (!fits) return null;
    chosen.push(fits);
  }
  return chosen;
}

const componentOf = (isDaylight: boolean) => (isDaylight ? 'DAYLIGHT' : 'STANDARD');

/**
 * The VTIMEZONE lines of `timeZone` for events from `fromMs` to `toMs` (at most 30 years are
 * looked at; a rule found holds beyond).
 */
export function vtimezoneLines(timeZone: string, fromMs: number, toMs: number): string[] {
  const fromYear = new Date(fromMs).getUTCFullYear() - 1;
  const toYear = Math.min(new Date(Math.max(toMs, fromMs)).getUTCFullYear() + 1, fromYear + 30);
  const lines = ['BEGIN:VTIMEZONE', contentLine('TZID', timeZone)];
  const checkTo = Math.max(toYear, fromYear + 3);
  const rules = yearlyRules(timeZone, fromYear, checkTo);
  if (rules) {
    const standardOffset = Math.min(...rules.map((r) => r.toMinutes));
    for (const rule of rules) {
      const isDaylight = rule.toMinutes > standardOffset;
      const [change] = changesOfYear(timeZone, fromYear).filter((c) => c.toMinutes === rule.toMinutes);
      const local = change ? localWallOf(change) : new Date(Date.UTC(fromYear, rule.month - 1, 1));
      const dtstart = `${local.getUTCFullYear()}${String(rule.month).padStart(2, '0')}${String(local.getUTCDate()).padStart(2, '0')}T${rule.time}`;
      lines.push(
        `BEGIN:${componentOf(isDaylight)}`,
        contentLine('DTSTART', dtstart),
        contentLine('RRULE', `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.byDay}`),
        contentLine('TZOFFSETFROM', formatUtcOffset(rule.fromMinutes)),
        contentLine('TZOFFSETTO', formatUtcOffset(rule.toMinutes)),
        `END:${componentOf(isDaylight)}`,
      );
    }
  } else {
    const changes: OffsetChange[] = [];
    for (let year = fromYear; year <= toYear; year++) changes.push(...changesOfYear(timeZone, year));
    if (changes.length === 0) {
      const offset = formatUtcOffset(offsetMinutesAt(fromMs, timeZone));
      lines.push('BEGIN:STANDARD', contentLine('DTSTART', '19700101T000000'), contentLine('TZOFFSETFROM', offset), contentLine('TZOFFSETTO', offset), 'END:STANDARD');
    } else {
      // The offset in force before the first change, so times before it have one too.
      const first = changes[0] as OffsetChange;
      const initial = { instantMs: Date.UTC(fromYear, 0, 1) - DAY_MS, fromMinutes: first.fromMinutes, toMinutes: first.fromMinutes };
      const standardOffset = Math.min(...changes.map((c) => c.toMinutes), first.fromMinutes);
      for (const change of [initial, ...changes]) {
        const isDaylight = change.toMinutes > standardOffset;
        lines.push(
          `BEGIN:${componentOf(isDaylight)}`,
          contentLine('DTSTART', localDateTime(wallOfFloating(change.instantMs + change.fromMinutes * 60_000))),
          contentLine('TZOFFSETFROM', formatUtcOffset(change.fromMinutes)),
          contentLine('TZOFFSETTO', formatUtcOffset(change.toMinutes)),
          `END:${componentOf(isDaylight)}`,
        );
      }
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
