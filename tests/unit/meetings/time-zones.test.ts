import { describe, expect, it } from 'vitest';
import { vtimezoneLines } from '../../../src-shared/meetings/ical/vtimezone';
import { instantOfLocal, isTimeZone, localDateTimeOf, offsetChanges, offsetMinutesAt, wallTimeAt } from '../../../src-shared/meetings/time-zones';

describe('time zones from Intl', () => {
  it('know the zones the runtime knows and refuse the rest', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('../../etc')).toBe(false);
  });

  it('read the same wall time as Intl for every hour of a year in several zones', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      for (let h = 0; h < 365 * 24; h += 7) {
        const at = Date.UTC(2026, 0, 1) + h * 3_600_000 + 17 * 60_000;
        const wall = wallTimeAt(at, zone);
        const text = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}, ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
        expect(text).toBe(format.format(new Date(at)));
      }
    }
  });

  it('find the instants of local times around both changes (gap moves forward, repeated hour takes the first)', () => {
    expect(instantOfLocal('2026-03-29', '01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(instantOfLocal('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOfLocal('2026-03-29', '03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(instantOfLocal('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(localDateTimeOf('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(offsetMinutesAt(Date.parse('2026-07-01'), 'Asia/Kathmandu')).toBe(345);
  });

  it('list the offset changes of a year to the minute', () => {
    expect(offsetChanges('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { instantMs: Date.parse('2026-03-08T07:00:00Z'), fromMinutes: -300, toMinutes: -240 },
      { instantMs: Date.parse('2026-11-01T06:00:00Z'), fromMinutes: -240, toMinutes: -300 },
    ]);
    expect(offsetChanges('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });
});

describe('VTIMEZONE', () => {
  it('writes yearly rules where the zone follows one (EU: last Sunday, US: second and first Sunday)', () => {
    expect(vtimezoneLines('Europe/Berlin', Date.parse('2026-03-01'), Date.parse('2026-06-01'))).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT', 'DTSTART:20250330T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:20251026T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    const ny = vtimezoneLines('America/New_York', Date.parse('2026-01-01'), Date.parse('2026-12-01'));
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  });

  it('writes one standard component for a zone without changes', () => {
    expect(vtimezoneLines('Asia/Kolkata', Date.parse('2026-01-01'), Date.parse('2026-12-01'))).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:Asia/Kolkata', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530', 'END:STANDARD', 'END:VTIMEZONE',
    ]);
  });
});
