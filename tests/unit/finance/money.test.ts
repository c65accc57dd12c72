import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, parseRate, rateOn, rateText, type ExchangeRate } from '../../../src-shared/finance/exchange-rate';
import {
  addMoney, allocate, basisPointsOf, divideRounded, hasAtMostDecimals, majorAmountText, minorDigitsOf, minorUnits, money, parseMoneyAmount, scaledInteger, subtractMoney, sumMinor, taxOnNet,
} from '../../../src-shared/finance/money';

describe('currencies', () => {
  it('knows the ISO 4217 minor digits', () => {
    expect(['EUR', 'CHF', 'USD', 'GBP'].map(minorDigitsOf)).toEqual([2, 2, 2, 2]);
    expect(minorDigitsOf('JPY')).toBe(0);
    expect(minorDigitsOf('KWD')).toBe(3);
    expect(minorDigitsOf('BHD')).toBe(3);
  });

  it('refuses a fraction of a minor unit, an amount past 2⁵³ and a made-up currency', () => {
    expect(() => minorUnits(12.5)).toThrow(RangeError);
    expect(() => minorUnits(2n ** 53n)).toThrow(RangeError);
    expect(() => money(100, 'euro')).toThrow(RangeError);
  });

  it('adds and subtracts only in one currency', () => {
    expect(addMoney(money(150, 'EUR'), money(250, 'EUR'))).toEqual({ amountMinor: 400, currency: 'EUR' });
    expect(subtractMoney(money(150, 'EUR'), money(250, 'EUR')).amountMinor).toBe(-100);
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/exchange rate/);
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('rounding', () => {
  it('rounds half away from zero by default and half to even when asked', () => {
    expect([5n, 15n, 25n, -5n, -15n].map((n) => divideRounded(n, 10n))).toEqual([1n, 2n, 3n, -1n, -2n]);
    expect([5n, 15n, 25n, -5n, -15n].map((n) => divideRounded(n, 10n, 'half_even'))).toEqual([0n, 2n, 2n, -0n, -2n]);
    expect(divideRounded(14n, 10n, 'half_even')).toBe(1n);
    expect(divideRounded(16n, 10n, 'half_even')).toBe(2n);
  });

  it('reads decimals from their text, so 7.7 % is exactly 770 basis points', () => {
    expect(basisPointsOf(7.7)).toBe(770);
    expect(basisPointsOf(0.07 * 100)).toBe(700); // 7.000000000000001 in floating point
    expect(scaledInteger(1.5, 3)).toBe(1500);
    expect(scaledInteger(1e-7, 9)).toBe(100);
    expect(scaledInteger(-2.345, 2)).toBe(-235);
    expect(hasAtMostDecimals(7.75, 2)).toBe(true);
    expect(hasAtMostDecimals(0.125, 2)).toBe(false);
    expect(hasAtMostDecimals(0.07 * 100, 0)).toBe(true);
  });

  it('takes tax on a net in basis points, rounding by the rule', () => {
    expect(taxOnNet(1000, 770)).toBe(77);
    expect(taxOnNet(250, 1000)).toBe(25);
    expect(taxOnNet(5, 1000)).toBe(1); // 0.5 → 1
    expect(taxOnNet(5, 1000, 'half_even')).toBe(0); // 0.5 → 0
    expect(taxOnNet(-5, 1000)).toBe(-1); // a credit note's tax mirrors the invoice's
  });
});

describe('exchange rates', () => {
  const rates: ExchangeRate[] = [
    { from: 'EUR', to: 'USD', validFrom: '2026-01-01', rateScaled: parseRate('1.0834')! },
    { from: 'EUR', to: 'USD', validFrom: '2026-03-01', rateScaled: parseRate('1.1')! },
    { from: 'EUR', to: 'JPY', validFrom: '2026-01-01', rateScaled: parseRate('162.45')! },
    { from: 'USD', to: 'KWD', validFrom: '2026-01-01', rateScaled: parseRate('0.3071')! },
  ];

  it('reads and writes rates as scaled integers', () => {
    expect(parseRate('1.0834')).toBe(1_083_400_000);
    expect(parseRate('0.006410')).toBe(6_410_000);
    expect(parseRate('1,08')).toBeNull();
    expect(parseRate('0')).toBeNull();
    expect(parseRate('1.1234567891')).toBeNull();
    expect(rateText(1_083_400_000)).toBe('1.0834');
    expect(rateText(2_000_000_000)).toBe('2');
  });

  it('uses the latest rate on or before the day', () => {
    expect(rateOn(rates, 'EUR', 'USD', '2026-02-28')?.rateScaled).toBe(1_083_400_000);
    expect(rateOn(rates, 'EUR', 'USD', '2026-03-01')?.rateScaled).toBe(1_100_000_000);
    expect(rateOn(rates, 'EUR', 'USD', '2025-12-31')).toBeNull();
    expect(rateOn(rates, 'USD', 'EUR', '2026-02-01')).toBeNull();
  });

  it('converts between currencies with different minor digits, rounding once', () => {
    const eurUsd = rateOn(rates, 'EUR', 'USD', '2026-02-01')!;
    expect(convert(money(10_000, 'EUR'), eurUsd)).toEqual({ amountMinor: 10_834, currency: 'USD' });
    expect(convert(money(1, 'EUR'), eurUsd).amountMinor).toBe(1); // 1.0834 cents → 1
    expect(convert(money(12_345, 'EUR'), rateOn(rates, 'EUR', 'JPY', '2026-02-01')!)).toEqual({ amountMinor: 20_054, currency: 'JPY' }); // 123.45 × 162.45 = 20,054.45 yen
    expect(convert(money(100_00, 'USD'), rateOn(rates, 'USD', 'KWD', '2026-02-01')!)).toEqual({ amountMinor: 30_710, currency: 'KWD' }); // 30.710 KWD
    expect(() => convert(money(1, 'USD'), eurUsd)).toThrow(/converts EUR/);
  });
});

describe('allocation by largest remainder', () => {
  it('splits 100 over three equal parts as 34, 33, 33', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives leftover units to the largest remainders', () => {
    expect(allocate(1000, [1, 2, 7])).toEqual([100, 200, 700]);
    expect(allocate(10, [333, 333, 334])).toEqual([3, 3, 4]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(7, [0, 0])).toEqual([4, 3]);
    expect(allocate(5, [0, 3])).toEqual([0, 5]);
  });

  it('refuses negative or fractional weights', () => {
    expect(() => allocate(10, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(10, [0.5, 2])).toThrow(RangeError);
    expect(() => allocate(10, [])).toThrow(RangeError);
  });

  it('never loses or invents a minor unit, and each part is within one unit of its exact share', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 40 }),
      (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((sum, p) => sum + p, 0)).toBe(total);
        const weightSum = weights.reduce((sum, w) => sum + w, 0);
        if (weightSum === 0) return;
        for (const [i, part] of parts.entries()) {
          const exact = (BigInt(Math.abs(total)) * BigInt(weights[i]!)) / BigInt(weightSum);
          expect(BigInt(Math.abs(part)) - exact >= 0n && BigInt(Math.abs(part)) - exact <= 1n).toBe(true);
        }
      },
    ));
  });
});

describe('amounts as text', () => {
  const currencies = fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF', 'CHF');

  it('writes minor units as the exact decimal in major units, in the currency’s digits', () => {
    expect(majorAmountText(450_000, 'EUR')).toBe('4500.00');
    expect(majorAmountText(5, 'EUR')).toBe('0.05');
    expect(majorAmountText(-5, 'EUR')).toBe('-0.05');
    expect(majorAmountText(1_000, 'JPY')).toBe('1000');
    expect(majorAmountText(1_234, 'KWD')).toBe('1.234');
    expect(majorAmountText(Number.MAX_SAFE_INTEGER, 'EUR')).toBe('90071992547409.91');
  });

  it('reads an amount as typed, or says what is wrong', () => {
    expect(parseMoneyAmount('1,234.50', 'EUR')).toEqual({ ok: true, amountMinor: 123_450 });
    expect(parseMoneyAmount('1234,5', 'EUR')).toEqual({ ok: true, amountMinor: 123_450 });
    expect(parseMoneyAmount(' 12 000 ', 'EUR')).toEqual({ ok: true, amountMinor: 1_200_000 });
    expect(parseMoneyAmount('0.1', 'EUR')).toEqual({ ok: true, amountMinor: 10 });
    // Through a float, 0.29 × 100 is 28.999999999999996 and 1.005 × 100 is 100.49999999999999.
    expect(parseMoneyAmount('0.29', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseMoneyAmount('1.005', 'KWD')).toEqual({ ok: true, amountMinor: 1_005 });
    expect(parseMoneyAmount('90071992547409.91', 'EUR')).toEqual({ ok: true, amountMinor: Number.MAX_SAFE_INTEGER });
    expect(parseMoneyAmount('90071992547409.92', 'EUR')).toEqual({ ok: false, message: 'That amount is too large.' });
    expect(parseMoneyAmount('12.345', 'EUR')).toEqual({ ok: false, message: 'At most 2 decimals in EUR.' });
    expect(parseMoneyAmount('12.5', 'JPY')).toEqual({ ok: false, message: 'JPY has no decimals.' });
    expect(parseMoneyAmount('-5', 'EUR')).toMatchObject({ ok: false });
    expect(parseMoneyAmount('1e3', 'EUR')).toMatchObject({ ok: false });
    expect(parseMoneyAmount('ten', 'EUR')).toEqual({ ok: false, message: 'Enter an amount, e.g. 1250.00.' });
  });

  it('reads back exactly what it writes, for every amount and currency', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), currencies, (amount, currency) => {
      expect(parseMoneyAmount(majorAmountText(amount, currency), currency)).toEqual({ ok: true, amountMinor: amount });
    }));
  });

  it('reads a typed whole and fraction as whole × 10^digits + fraction, digit by digit', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const typed = `${whole}.${String(cents).padStart(2, '0')}`;
      expect(parseMoneyAmount(typed, 'EUR')).toEqual({ ok: true, amountMinor: whole * 100 + cents });
      // With a decimal comma the same.
      expect(parseMoneyAmount(typed.replace('.', ','), 'EUR')).toEqual({ ok: true, amountMinor: whole * 100 + cents });
    }));
  });
});
