import { z } from 'zod';
import type { BaseDocument } from '../db/base-fields';
import { isInOrder } from '../core/document-rule';
import { isPlanDate } from './plan-dates';

/** A record id (sortable unique id from core/ids, or any id a caller was given; at most 40 characters as stored). */
export const recordIdSchema = z.string().min(1).max(40);

/** A planning date, 'YYYY-MM-DD', that exists in the calendar. */
export const planDateSchema = z.string().refine(isPlanDate, 'Enter a date as YYYY-MM-DD.');

/** Integer minor units (cents, pence…) plus an ISO-4217 code, so sums never pick up float error. */
export const moneySchema = z.object({
  amountMinor: z.number().int('Money is whole minor units (e.g. cents).').min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code, e.g. EUR.'),
});
export type Money = z.infer<typeof moneySchema>;

/** The fields every stored document carries (DESIGN.md §2), checked when a document is read back or synced. */
export const baseDocumentSchema = z.object({
  id: recordIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: recordIdSchema,
  updatedBy: recordIdSchema,
  auditId: recordIdSchema,
}) satisfies z.ZodType<BaseDocument>;

/** Adds an issue on `endField` when both dates are present and the end comes before the start. */
export function checkDateOrder(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  startField: string,
  endField: string,
): void {
  if (!isInOrder(value[startField], value[endField])) {
    ctx.addIssue({ code: 'custom', message: `The ${endField} cannot be before the ${startField}.`, path: [endField] });
  }
}
