import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { expenseCategories } from './expense-categories';
import { divideRounded, hasAtMostDecimals, minorUnits, scaledInteger, sumMinor } from './money';

/**
 * One line of an expense claim: what was spent, when, on which category, charged to a project or
 * a cost centre, with its receipt (an attachment of the claim). A mileage line claims kilometres
 * at a rate per kilometre: its amount is the distance × rate, rounded once to the minor unit.
 */
export const expenseLineSchema = z
  .object({
    /** Stable within the claim, so a warning stays by its line while others are added or removed. */
    id: z.string().min(1).max(40),
    date: planDateSchema,
    category: z.enum(expenseCategories),
    description: z.string().trim().min(1, 'Say what this was for.').max(500),
    amountMinor: z.number().int('Money is whole minor units (e.g. cents).').min(1, 'Enter an amount above zero.').max(100_000_000),
    currency: moneySchema.shape.currency,
    projectId: recordIdSchema.optional(),
    costCentre: z.string().trim().max(60).default(''),
    /** The attachment (of this claim) that is the receipt. */
    receiptAttachmentId: recordIdSchema.optional(),
    /** Mileage: kilometres driven, to one decimal. */
    distanceKm: z.number().min(0.1, 'Enter the kilometres driven.').max(100_000).refine((km) => hasAtMostDecimals(km, 1), 'Kilometres to one decimal, e.g. 12.5.').optional(),
    /** Mileage: the rate the amount was worked out with (minor units per km), as finance set it. */
    rateMinorPerKm: z.number().int().min(0).max(100_000).optional(),
  })
  .superRefine((line, ctx) => {
    if (!line.projectId && !line.costCentre) ctx.addIssue({ code: 'custom', message: 'Charge it to a project or a cost centre.', path: ['costCentre'] });
    if (line.category !== 'mileage') return;
    if (line.distanceKm === undefined || line.rateMinorPerKm === undefined) {
      ctx.addIssue({ code: 'custom', message: 'A mileage line needs the kilometres driven.', path: ['distanceKm'] });
    } else if (line.amountMinor !== mileageAmountMinor(line.distanceKm, line.rateMinorPerKm)) {
      ctx.addIssue({ code: 'custom', message: 'A mileage amount is the kilometres times the rate; enter the distance again.', path: ['amountMinor'] });
    }
  });
export type ExpenseLine = z.infer<typeof expenseLineSchema>;

/**
 * Kilometres × rate in minor units: the distance is counted in tenths of a kilometre (whole
 * numbers), multiplied by the integer rate and rounded half up once, so 12.3 km at 30 cents is
 * exactly 369 cents on every PC and the server.
 */
export function mileageAmountMinor(distanceKm: number, rateMinorPerKm: number): number {
  const tenths = BigInt(scaledInteger(distanceKm, 1));
  return minorUnits(divideRounded(tenths * BigInt(rateMinorPerKm), 10n, 'half_up'));
}

/** The claim's total: the sum of its lines (all in the claim's currency). */
export const claimTotalMinor = (lines: readonly Pick<ExpenseLine, 'amountMinor'>[]): number => sumMinor(lines.map((l) => l.amountMinor));
