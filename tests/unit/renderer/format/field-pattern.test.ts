import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dayFieldPattern, dayTimeFieldPattern, monthNames } from '../../../../src-renderer/format/field-pattern';
import { formatDateTime, formatDay } from '../../../../src-shared/format/display-format';

describe('date field patterns', () => {
  it('are the display format of each locale, literals escaped for dayjs', () => {
    expect(dayFieldPattern('en-GB')).toBe('D[ ]MMM[ ]YYYY');
    expect(dayFieldPattern('en-US')).toBe('MMM[ ]D[, ]YYYY');
    expect(dayTimeFieldPattern('en-GB')).toBe('D[ ]MMM[ ]YYYY[, ]HH[:]mm');
    expect(dayTimeFieldPattern('en-US')).toBe('MMM[ ]D[, ]YYYY[, ]HH[:]mm');
  });

  it.each(['en-GB', 'en-US', 'en-IE'])('write a day exactly as the app does in %s', (locale) => {
    for (const day of ['2026-03-02', '2026-12-31', '2027-01-09']) {
      expect(dayjs(day).format(dayFieldPattern(locale))).toBe(formatDay(day, { locale }));
    }
  });

  it.each(['en-GB', 'en-US'])('write a day and time exactly as the app does in %s', (locale) => {
    const at = '2026-03-02T14:05:00Z';
    expect(dayjs(at).format(dayTimeFieldPattern(locale))).toBe(formatDateTime(at, { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
  });
});

describe('month names of a date field', () => {
  it('are Intl\'s for the locale, including en-GB\'s "Sept"', () => {
    const gb = monthNames('en-GB');
    expect(gb.short[8]).toBe(formatDay('2026-09-05', { locale: 'en-GB' }).split(' ')[1]);
    expect(gb.long[0]).toBe('January');
    expect(monthNames('en-US').short.slice(0, 3)).toEqual(['Jan', 'Feb', 'Mar']);
  });
});
