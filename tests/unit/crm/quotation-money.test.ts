import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAmounts, needsDiscountApproval, quotationTotals, type QuotationLineMoney, type TaxRounding } from '../../../src-shared/crm/quotation-money';
import { taxOnNet } from '../../../src-shared/finance/money';

const line = (fields: Partial<QuotationLineMoney> = {}): QuotationLineMoney => ({ id: 'l1', quantity: 1, unitPriceMinor: 0, discountPercent: 0, taxRatePercent: 0, ...fields });

// Quantities with up to three decimals, percents with up to two, prices up to 10¹⁰ minor units.
const quantity = fc.integer({ min: 1, max: 100_000_000 }).map((thousandths) => thousandths / 1000);
const percent = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);
const taxRate = fc.constantFrom(0, 5, 7, 7.7, 10, 19, 20, 25.5);
const lineArb = fc.record({ id: fc.uuid(), quantity, unitPriceMinor: fc.integer({ min: 0, max: 10_000_000_000 }), discountPercent: percent, taxRatePercent: taxRate });
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 30 });
const rounding = fc.constantFrom<TaxRounding>('per_line', 'per_total');

describe('a quotation line', () => {
  it('rounds quantity × price half away from zero to the minor unit', () => {
    expect(lineAmounts(line({ quantity: 1.5, unitPriceMinor: 333 })).listMinor).toBe(500); // 499.5 → 500
    expect(lineAmounts(line({ quantity: 0.333, unitPriceMinor: 100 })).listMinor).toBe(33); // 33.3 → 33
  });

  it('rounds its discount on the line, so the net is list minus a whole-cent discount', () => {
    expect(lineAmounts(line({ quantity: 3, unitPriceMinor: 1999, discountPercent: 12.5 }))).toMatchObject({ listMinor: 5997, discountMinor: 750, netMinor: 5247 }); // 749.625 → 750
  });

  it('takes tax at a rate with decimals on the net', () => {
    expect(lineAmounts(line({ quantity: 1, unitPriceMinor: 1000, taxRatePercent: 7.7 })).taxMinor).toBe(77);
    expect(taxOnNet(5, 1000)).toBe(1); // 0.5 → 1
    expect(taxOnNet(4, 1000)).toBe(0); // 0.4 → 0
  });

  it('keeps every cent of a very large line (no floating point product)', () => {
    // 99,999.999 × 9,007,199,254 cents would be inexact as a double product.
    const amounts = lineAmounts(line({ quantity: 99_999.999, unitPriceMinor: 9_007_199_254 }));
    expect(amounts.listMinor).toBe(Number((99_999_999n * 9_007_199_254n + 500n) / 1000n));
  });

  it('refuses an amount beyond what can be stored exactly', () => {
    expect(() => lineAmounts(line({ quantity: 100_000, unitPriceMinor: 10_000_000_000_000 }))).toThrow(RangeError);
  });
});

describe('per-line and per-total tax rounding', () => {
  // Three lines of 0.05 net at 10 %: each line's tax (0.5 cent) rounds up to 1, the total's (1.5) to 2.
  const lines = ['a', 'b', 'c'].map((id) => line({ id, quantity: 1, unitPriceMinor: 5, taxRatePercent: 10 }));

  it('sums the rounded line taxes per line', () => {
    expect(quotationTotals(lines, 'per_line')).toMatchObject({ netMinor: 15, taxMinor: 3, grossMinor: 18 });
  });

  it('rounds once per tax rate per total', () => {
    expect(quotationTotals(lines, 'per_total')).toMatchObject({ netMinor: 15, taxMinor: 2, grossMinor: 17, taxBands: [{ rateBasisPoints: 1000, netMinor: 15, taxMinor: 2 }] });
  });

  it('lists one tax band per rate, lowest first', () => {
    const mixed = [line({ id: 'a', unitPriceMinor: 1000, taxRatePercent: 19 }), line({ id: 'b', unitPriceMinor: 1000, taxRatePercent: 7 }), line({ id: 'c', unitPriceMinor: 500, taxRatePercent: 19 })];
    expect(quotationTotals(mixed, 'per_total').taxBands).toEqual([
      { rateBasisPoints: 700, netMinor: 1000, taxMinor: 70 },
      { rateBasisPoints: 1900, netMinor: 1500, taxMinor: 285 },
    ]);
  });
});

describe('quotation totals (properties)', () => {
  it('are whole minor units that add up: list − discount = net, net + tax = gross, bands add up to the totals', () => {
    fc.assert(
      fc.property(linesArb, rounding, (lines, mode) => {
        const t = quotationTotals(lines, mode);
        for (const v of [t.listMinor, t.discountMinor, t.netMinor, t.taxMinor, t.grossMinor]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        expect(t.listMinor - t.discountMinor).toBe(t.netMinor);
        expect(t.netMinor + t.taxMinor).toBe(t.grossMinor);
        expect(t.taxBands.reduce((n, b) => n + b.netMinor, 0)).toBe(t.netMinor);
        expect(t.taxBands.reduce((n, b) => n + b.taxMinor, 0)).toBe(t.taxMinor);
        for (const a of t.lines) expect(a.listMinor - a.discountMinor).toBe(a.netMinor);
      }),
    );
  });

  it('do not depend on the order of the lines', () => {
    fc.assert(
      fc.property(linesArb.chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))), rounding, ([lines, shuffled], mode) => {
        const { lines: _a, ...before } = quotationTotals(lines, mode);
        const { lines: _b, ...after } = quotationTotals(shuffled, mode);
        expect(after).toEqual(before);
      }),
    );
  });

  it('round each tax band within half a minor unit of the exact tax when rounding per total', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        for (const band of quotationTotals(lines, 'per_total').taxBands) {
          // In BigInt: net × rate exceeds 2⁵³ for large quotations, where a double product would itself be off.
          const error = BigInt(band.taxMinor) * 10_000n - BigInt(band.netMinor) * BigInt(band.rateBasisPoints);
          expect(error >= -5_000n && error <= 5_000n).toBe(true);
        }
      }),
    );
  });

  it('differ between the two rules by at most half a minor unit per line plus half per rate', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const perLine = quotationTotals(lines, 'per_line');
        const perTotal = quotationTotals(lines, 'per_total');
        expect(perLine.netMinor).toBe(perTotal.netMinor);
        expect(Math.abs(perLine.taxMinor - perTotal.taxMinor) * 2).toBeLessThanOrEqual(lines.length + perTotal.taxBands.length);
      }),
    );
  });

  it('give the same net for a whole-unit line split in two as for the line itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1_000_000 }), taxRate, (q1, q2, price, rate) => {
        const whole = quotationTotals([line({ quantity: q1 + q2, unitPriceMinor: price, taxRatePercent: rate })], 'per_total');
        const split = quotationTotals([line({ id: 'a', quantity: q1, unitPriceMinor: price, taxRatePercent: rate }), line({ id: 'b', quantity: q2, unitPriceMinor: price, taxRatePercent: rate })], 'per_total');
        expect(split.netMinor).toBe(whole.netMinor);
        expect(split.taxMinor).toBe(whole.taxMinor);
      }),
    );
  });

  it('take nothing off at 0 % discount and everything at 100 %', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const full = lineAmounts({ ...l, discountPercent: 0 });
        expect(full.netMinor).toBe(full.listMinor);
        expect(lineAmounts({ ...l, discountPercent: 100 }).netMinor).toBe(0);
      }),
    );
  });
});

describe('discount approval', () => {
  it('is needed when any line is discounted above the threshold, not at it', () => {
    expect(needsDiscountApproval([{ discountPercent: 10 }, { discountPercent: 0 }], 10)).toBe(false);
    expect(needsDiscountApproval([{ discountPercent: 0 }, { discountPercent: 10.01 }], 10)).toBe(true);
    expect(needsDiscountApproval([], 10)).toBe(false);
  });
});
