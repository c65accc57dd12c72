import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMoney, formatNumber, majorAmount, minorDigitsOf, moneyInputText, parseMoneyAmount } from '../../../src-shared/format/display-format';

const gb = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('display format', () => {
  it('writes a calendar day the same in every time zone', () => {
    expect(formatDay('2026-03-02', gb)).toBe('2 Mar 2026');
    expect(formatDay('2026-03-02', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('2 Mar 2026');
    expect(formatDay('2026-12-31', { locale: 'de-DE' })).toBe('31. Dez. 2026');
    expect(formatDay('')).toBe('—');
    expect(formatDay('soon')).toBe('soon');
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
    expect(minorDigitsOf('KWD')).toBe(3);
    expect(majorAmount(1234, 'KWD')).toBe(1.234);
    expect(moneyInputText(450_000, 'EUR')).toBe('4500.00');
    expect(formatNumber(12500.5, gb)).toBe('12,500.5');
  });

  it('reads an amount as typed, or says what is wrong', () => {
    expect(parseMoneyAmount('1,234.50', 'EUR')).toEqual({ ok: true, amountMinor: 123_450 });
    expect(parseMoneyAmount('1234,5', 'EUR')).toEqual({ ok: true, amountMinor: 123_450 });
    expect(parseMoneyAmount(' 12 000 ', 'EUR')).toEqual({ ok: true, amountMinor: 1_200_000 });
    expect(parseMoneyAmount('0.1', 'EUR')).toEqual({ ok: true, amountMinor: 10 });
    expect(parseMoneyAmount('12.345', 'EUR')).toEqual({ ok: false, message: 'At most 2 decimals in EUR.' });
    expect(parseMoneyAmount('12.5', 'JPY')).toEqual({ ok: false, message: 'JPY has no decimals.' });
    expect(parseMoneyAmount('-5', 'EUR')).toMatchObject({ ok: false });
    expect(parseMoneyAmount('ten', 'EUR')).toEqual({ ok: false, message: 'Enter an amount, e.g. 1250.00.' });
  });
});
