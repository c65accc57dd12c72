import { z } from 'zod';
import { moneySchema, recordIdSchema } from '../projects/document-fields';
import { percentSchema } from './catalogue-item-kind';
import { hasAtMostDecimals } from '../finance/money';
import { quotationTotals, type TaxRounding } from './quotation-money';

/**
 * The lines of a quotation (and of the order made from it): from the catalogue or free text,
 * quantity with up to three decimals, unit price in minor units, discount and tax in percent with up
 * to two decimals. `checkTotal` is the rule host and server both apply: the stored total is what the
 * lines add up to under the quotation's rounding rule.
 */
export const quotationLineSchema = z.object({
  id: recordIdSchema,
  catalogueItemId: recordIdSchema.optional(),
  description: z.string().trim().min(1, 'Describe the line.').max(1000),
  unit: z.string().trim().max(20).default('each'),
  quantity: z
    .number()
    .positive('The quantity must be more than 0.')
    .max(100_000, 'At most 100,000.')
    .refine((v) => hasAtMostDecimals(v, 3), 'Use at most three decimals for a quantity.'),
  unitPriceMinor: z.number().int('Prices are whole minor units (e.g. cents).').min(0).max(1e13),
  discountPercent: percentSchema.default(0),
  taxRatePercent: percentSchema.default(0),
});
export type QuotationLine = z.infer<typeof quotationLineSchema>;

/** The one currency rule (ISO 4217 code), as money fields everywhere use it. */
export const currencySchema = moneySchema.shape.currency;

/** Adds an issue when the stored gross total is not what the lines add up to (or in another currency). */
export function checkTotal(
  d: { lines: readonly QuotationLine[]; taxRounding: TaxRounding; currency: string; total: { amountMinor: number; currency: string } },
  ctx: z.RefinementCtx,
): void {
  if (d.total.currency !== d.currency) ctx.addIssue({ code: 'custom', message: `The total must be in ${d.currency}.`, path: ['total', 'currency'] });
  let gross: number;
  try {
    gross = quotationTotals(d.lines, d.taxRounding).grossMinor;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'The lines add up to more than LabFlow can store exactly; split the quotation.', path: ['lines'] });
    return;
  }
  if (d.total.amountMinor !== gross) ctx.addIssue({ code: 'custom', message: 'The total does not add up to the lines.', path: ['total'] });
}
