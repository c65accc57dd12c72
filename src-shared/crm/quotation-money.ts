/**
 * A quotation's money: each line's list amount (quantity × unit price), its discount, its net and
 * its tax, and the quotation's totals — in integer minor units, never floating point money.
 * Quantities may have up to three decimals (1.5 hours) and percents up to two (7.7 % tax, 12.5 %
 * discount): both become integers (thousandths, basis points) before any arithmetic. The arithmetic
 * is Finance's money core (src-shared/finance/money.ts), shared with invoices: products in BigInt so
 * a 100,000 × 10¹³ line cannot lose a cent, every rounding half away from zero to the minor unit.
 *
 * Two tax rounding rules, chosen per quotation (labs follow their tax authority):
 * - `per_line`: each line's tax is rounded, the total tax is the sum of the lines' taxes;
 * - `per_total`: the nets are summed per tax rate and each rate's tax is rounded once.
 * Discounts are always rounded per line, so each printed line adds up on its own. Pure.
 */

import { basisPointsOf, extendedAmount, percentOf, sumMinor, taxOnNet, thousandthsOf } from '../finance/money';

export type TaxRounding = 'per_line' | 'per_total';

export interface QuotationLineMoney {
  id: string;
  /** Units, up to three decimals. */
  quantity: number;
  unitPriceMinor: number;
  /** Percent off the list amount, up to two decimals. */
  discountPercent: number;
  /** Percent, up to two decimals (19, 7.7, 0). */
  taxRatePercent: number;
}

export interface LineAmounts {
  lineId: string;
  listMinor: number;
  discountMinor: number;
  netMinor: number;
  /** The line's own tax, rounded on the line (what `per_line` adds up; shown on every line). */
  taxMinor: number;
}

export interface TaxBand {
  /** Basis points: 1900 for 19 %. */
  rateBasisPoints: number;
  netMinor: number;
  taxMinor: number;
}

export interface QuotationTotals {
  lines: LineAmounts[];
  listMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  /** Net and tax per rate, lowest rate first, as printed under the lines. */
  taxBands: TaxBand[];
}

export function lineAmounts(line: QuotationLineMoney): LineAmounts {
  const listMinor = extendedAmount(thousandthsOf(line.quantity), line.unitPriceMinor);
  const discountMinor = percentOf(listMinor, basisPointsOf(line.discountPercent));
  const netMinor = listMinor - discountMinor;
  return { lineId: line.id, listMinor, discountMinor, netMinor, taxMinor: taxOnNet(netMinor, basisPointsOf(line.taxRatePercent)) };
}

export function quotationTotals(lines: readonly QuotationLineMoney[], rounding: TaxRounding): QuotationTotals {
  const amounts = lines.map(lineAmounts);
  const bands = new Map<number, { netMinor: number; lineTaxMinor: number }>();
  for (const [i, line] of lines.entries()) {
    const rate = basisPointsOf(line.taxRatePercent);
    const band = bands.get(rate) ?? { netMinor: 0, lineTaxMinor: 0 };
    band.netMinor += amounts[i]!.netMinor;
    band.lineTaxMinor += amounts[i]!.taxMinor;
    bands.set(rate, band);
  }
  const taxBands = [...bands.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBasisPoints, band]) => ({ rateBasisPoints, netMinor: band.netMinor, taxMinor: rounding === 'per_line' ? band.lineTaxMinor : taxOnNet(band.netMinor, rateBasisPoints) }));
  const sum = sumMinor;
  const netMinor = sum(amounts.map((a) => a.netMinor));
  const taxMinor = sum(taxBands.map((b) => b.taxMinor));
  return {
    lines: amounts,
    listMinor: sum(amounts.map((a) => a.listMinor)),
    discountMinor: sum(amounts.map((a) => a.discountMinor)),
    netMinor,
    taxMinor,
    grossMinor: netMinor + taxMinor,
    taxBands,
  };
}

/**
 * The discount that decides whether a quotation needs approval: the largest line discount, in
 * basis points (a 40 % line hidden among full-price lines still needs the manager).
 */
export const largestDiscountBasisPoints = (lines: readonly Pick<QuotationLineMoney, 'discountPercent'>[]): number =>
  lines.reduce((largest, line) => Math.max(largest, basisPointsOf(line.discountPercent)), 0);

export const needsDiscountApproval = (lines: readonly Pick<QuotationLineMoney, 'discountPercent'>[], thresholdPercent: number): boolean =>
  largestDiscountBasisPoints(lines) > basisPointsOf(thresholdPercent);
