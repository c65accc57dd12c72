import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMoney, formatMonth, formatNumber, majorAmount } from '../../../src-shared/format/display-format';

const gb = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('display format', () => {
  it('writes a calendar day the same in every time zone', () => {
    expect(formatDay('2026-03-02', gb)).toBe('2 Mar 2026');
    expect(formatDay('2026-03-02', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('2 Mar 2026');
    expect(formatDay('2026-12-31', { locale: 'de-DE' })).toBe('31. Dez. 2026');
    expect(formatDay('')).toBe('—');
    expect(formatDay('soon')).toBe('soon');
  });

  it('writes a month (a forecast\'s) the same in every time zone', () => {
    expect(formatMonth('2026-03', gb)).toBe('Mar 2026');
    expect(formatMonth('2026-12', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('Dec 2026');
    expect(formatMonth('2026-03-02')).toBe('2026-03-02');
  });

  it('writes an instant in the reader’s time zone, 24-hour', () => {
    expect(formatDateTime('2026-03-02T13:05:00.000Z', gb)).toBe('2 Mar 2026, 13:05');
    expect(formatDateTime('2026-07-02T13:05:00.000Z', gb)).toBe('2 Jul 2026, 14:05');
    expect(formatDateTime('2026-03-02T23:30:00.000Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('3 Mar 2026, 08:30');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('writes money in its currency’s decimals', () => {
    expect(formatMoney(1_250_050, 'EUR', gb)).toBe('€12,500.50');
    expect(formatMoney(1250, 'JPY', gb)).toBe('JP¥1,250');
    // Decimals come from money.ts's table: three for dinars, none for yen, whatever the ICU data says.
    expect(formatMoney(1234, 'KWD', gb)).toBe('KWD\u00a01.234');
    expect(majorAmount(1234, 'KWD')).toBe(1.234);
    expect(formatMoney(-5, 'EUR', gb)).toBe('-€0.05');
    expect(formatNumber(12500.5, gb)).toBe('12,500.5');
  });
});
