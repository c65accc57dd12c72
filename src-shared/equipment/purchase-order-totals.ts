import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';

/**
 * A purchase order's lines and money: each line's net amount (quantity × unit price), its tax at the
 * line's rate rounded half away from zero to the minor unit, and the order's totals. Money stays in
 * integer minor units throughout, so totals add up to the cent. Also what a goods receipt leaves
 * open. Pure.
 */

export const orderLineSchema = z.object({
  id: recordIdSchema,
  description: z.string().trim().min(1, 'Describe what is ordered.').max(500),
  quantity: z.number().int('Order whole units.').min(1, 'Order at least one.').max(100_000),
  unitPriceMinor: z.number().int('Prices are whole minor units (e.g. cents).').min(0).max(1e13),
  /** Percent, e.g. 19 or 7.7. */
  taxRatePercent: z.number().min(0, 'A tax rate cannot be negative.').max(100, 'At most 100%.').default(0),
  /** How many have been received so far (goods receipts). */
  receivedQuantity: z.number().int().min(0).default(0),
  /** Each unit received becomes an instrument in the register. */
  isEquipment: z.boolean().default(true),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export interface LineAmounts {
  lineId: string;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export interface OrderTotals {
  lines: LineAmounts[];
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

/** Tax on a net amount at a percent rate with up to two decimals, rounded half away from zero. */
export function taxOf(netMinor: number, ratePercent: number): number {
  const basisPoints = Math.round(ratePercent * 100);
  // Integer arithmetic: net × bp / 10,000, rounded half up (amounts are never negative).
  return Math.floor((netMinor * basisPoints + 5_000) / 10_000);
}

export function orderTotals(lines: readonly Pick<OrderLine, 'id' | 'quantity' | 'unitPriceMinor' | 'taxRatePercent'>[]): OrderTotals {
  const amounts = lines.map((line) => {
    const netMinor = line.quantity * line.unitPriceMinor;
    const taxMinor = taxOf(netMinor, line.taxRatePercent);
    return { lineId: line.id, netMinor, taxMinor, grossMinor: netMinor + taxMinor };
  });
  const sum = (pick: (a: LineAmounts) => number) => amounts.reduce((total, a) => total + pick(a), 0);
  return { lines: amounts, netMinor: sum((a) => a.netMinor), taxMinor: sum((a) => a.taxMinor), grossMinor: sum((a) => a.grossMinor) };
}

/** Where the deliveries stand: nothing, some, or everything ordered received. */
export function receiptState(lines: readonly Pick<OrderLine, 'quantity' | 'receivedQuantity'>[]): 'none' | 'partly' | 'all' {
  const received = lines.reduce((n, l) => n + l.receivedQuantity, 0);
  if (received === 0) return 'none';
  return lines.every((l) => l.receivedQuantity >= l.quantity) ? 'all' : 'partly';
}

/** Formats minor units for documents and screens: 1234567 EUR → "12,345.67 EUR" (two decimals; currencies without cents are rare in labs). */
export function formatMoney(amountMinor: number, currency: string): string {
  const whole = Math.floor(amountMinor / 100);
  const cents = String(amountMinor % 100).padStart(2, '0');
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} ${currency}`;
}
