import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../../src-shared/meetings/meeting-model';
import { expandSeries, isOccurrenceOf, nextOccurrences, rruleValue, seriesUntilAt } from '../../../src-shared/meetings/recurrence';
import { rruleLib } from '../../../src-shared/meetings/rrule-lib';
import { floatingStartsBetween } from '../../../src-shared/meetings/series-dates';
import { instantOfLocal, localDateTimeOf } from '../../../src-shared/meetings/time-zones';

const rule = (fields: Partial<Recurrence> = {}): Recurrence => ({ frequency: 'weekly', interval: 1, weekdays: [], end: { type: 'never' }, exceptions: [], ...fields });
const series = (date: string, time: string, timeZone: string, recurrence: Recurrence, minutes = 60) => {
  const startsAt = instantOfLocal(date, time, timeZone);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(), timeZone, recurrence };
};
const starts = (s: ReturnType<typeof series>, from: string, to: string) => expandSeries(s, Date.parse(from), Date.parse(to)).map((o) => o.startsAt);
const localTimes = (s: ReturnType<typeof series>, from: string, to: string) => starts(s, from, to).map((iso) => Object.values(localDateTimeOf(iso, s.timeZone)).join(' '));

describe('recurring meetings across a change of daylight-saving time', () => {
  it('keep 10:00 in Berlin when the clocks go forward (09:00 UTC, then 08:00 UTC)', () => {
    const weekly = series('2026-03-16', '10:00', 'Europe/Berlin', rule({ end: { type: 'count', count: 4 } }));
    expect(starts(weekly, '2026-03-01', '2026-05-01')).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z']);
  });

  it('keep 09:30 in New York when the clocks go back, and in Sydney on the other side of the world', () => {
    const ny = series('2026-10-26', '09:30', 'America/New_York', rule({ frequency: 'weekly', end: { type: 'count', count: 3 } }));
    expect(starts(ny, '2026-10-01', '2026-12-01')).toEqual(['2026-10-26T13:30:00.000Z', '2026-11-02T14:30:00.000Z', '2026-11-09T14:30:00.000Z']);
    const sydney = series('2026-03-30', '09:00', 'Australia/Sydney', rule({ frequency: 'daily', interval: 7, end: { type: 'count', count: 2 } }));
    expect(localTimes(sydney, '2026-03-01', '2026-05-01')).toEqual(['2026-03-30 09:00', '2026-04-06 09:00']);
    expect(starts(sydney, '2026-03-01', '2026-05-01')).toEqual(['2026-03-29T22:00:00.000Z', '2026-04-05T23:00:00.000Z']);
  });

  it('move an occurrence that falls into the skipped hour to after it, and take the first of a repeated hour', () => {
    const early = series('2026-03-27', '02:30', 'Europe/Berlin', rule({ frequency: 'daily', end: { type: 'count', count: 3 } }));
    expect(localTimes(early, '2026-03-20', '2026-04-05')).toEqual(['2026-03-27 02:30', '2026-03-28 02:30', '2026-03-29 03:30']);
    const late = series('2026-10-24', '02:30', 'Europe/Berlin', rule({ frequency: 'daily', end: { type: 'count', count: 2 } }));
    expect(starts(late, '2026-10-20', '2026-10-30')).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });
});

describe('series rules', () => {
  it('repeat on chosen weekdays every second week, until a day', () => {
    const s = series('2026-03-02', '14:00', 'UTC', rule({ weekdays: ['MO', 'TH'], interval: 2, end: { type: 'until', date: '2026-03-30' } }));
    expect(starts(s, '2026-03-01', '2026-06-01')).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-05T14:00:00.000Z', '2026-03-16T14:00:00.000Z', '2026-03-19T14:00:00.000Z', '2026-03-30T14:00:00.000Z']);
    expect(seriesUntilAt(s)).toBe('2026-03-30T15:00:00.000Z');
    expect(rruleValue(s)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20260330T235959Z');
  });

  it('repeat monthly on the 31st, skipping months without one', () => {
    const s = series('2026-01-31', '09:00', 'UTC', rule({ frequency: 'monthly', end: { type: 'count', count: 4 } }));
    expect(starts(s, '2026-01-01', '2027-01-01').map((d) => d.slice(0, 10))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
  });

  it('leave out the exceptions, and know which instants are occurrences', () => {
    const s = series('2026-03-16', '10:00', 'Europe/Berlin', rule({ end: { type: 'count', count: 3 }, exceptions: ['2026-03-23T09:00:00Z'] }));
    expect(starts(s, '2026-03-01', '2026-05-01')).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    expect(isOccurrenceOf(s, '2026-03-30T08:00:00.000Z')).toBe(true);
    expect(isOccurrenceOf(s, '2026-03-30T09:00:00.000Z')).toBe(false);
    expect(isOccurrenceOf(s, 'not a date')).toBe(false);
    expect(nextOccurrences(s, Date.parse('2026-03-17'), 5).map((o) => o.startsAt)).toEqual(['2026-03-30T08:00:00.000Z']);
  });

  it('return occurrences overlapping the window, not only starting in it', () => {
    const s = series('2026-03-02', '23:00', 'UTC', rule({ frequency: 'daily' }), 120);
    expect(starts(s, '2026-03-03T00:30:00Z', '2026-03-03T23:30:00Z')).toEqual(['2026-03-02T23:00:00.000Z', '2026-03-03T23:00:00.000Z']);
    expect(seriesUntilAt(s)).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('the date arithmetic against rrule', () => {
  const frequency = fc.constantFrom<Recurrence['frequency']>('daily', 'weekly', 'monthly');
  const weekdays = fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const);
  const end = fc.oneof(
    fc.constant<Recurrence['end']>({ type: 'never' }),
    fc.integer({ min: 1, max: 60 }).map((count): Recurrence['end'] => ({ type: 'count', count })),
    fc.integer({ min: 0, max: 900 }).map((days): Recurrence['end'] => ({ type: 'until', date: new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString().slice(0, 10) })),
  );

  it('gives the same starts as rrule for any daily, weekly or monthly rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 95 }), frequency, fc.integer({ min: 1, max: 5 }), weekdays, end, (day, quarter, freq, interval, days, until) => {
        const startMs = Date.UTC(2025, 11, 1) + day * 86_400_000 + quarter * 15 * 60_000;
        const startWeekday = (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[new Date(startMs).getUTCDay()]!;
        // Weekly rules always include the first meeting's weekday (meeting-input.ts anchors them).
        const chosen = freq === 'weekly' && days.length > 0 ? [...new Set([...days, startWeekday])] : [];
        const recurrence: Recurrence = { frequency: freq, interval, weekdays: chosen, end: until, exceptions: [] };
        const from = Date.UTC(2026, 0, 1);
        const to = Date.UTC(2027, 6, 1);
        const ours = floatingStartsBetween({ startMs, recurrence }, from, to);
        const lib = new rruleLib.RRule({
          freq: { daily: rruleLib.RRule.DAILY, weekly: rruleLib.RRule.WEEKLY, monthly: rruleLib.RRule.MONTHLY }[freq],
          interval,
          dtstart: new Date(startMs),
          ...(chosen.length > 0 ? { byweekday: chosen.map((d) => rruleLib.RRule[d]) } : {}),
          ...(until.type === 'count' ? { count: until.count } : {}),
          ...(until.type === 'until' ? { until: new Date(`${until.date}T23:59:59Z`) } : {}),
        });
        const theirs = lib.between(new Date(from), new Date(to), true).map((d) => d.getTime());
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
