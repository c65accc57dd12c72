import { z } from 'zod';
import { budgetCategorySchema, type BudgetCategory } from '../projects/plan-item-model';
import { minorUnits } from './money';

/** One line of a budget: how much a category may spend in the year, in the budget's currency (minor units). */
export const budgetLineSchema = z.object({
  category: budgetCategorySchema,
  amountMinor: z.number().int('Money is whole minor units (e.g. cents).').min(0, 'A budget line cannot be negative.').max(Number.MAX_SAFE_INTEGER),
  note: z.string().trim().max(200, 'At most 200 characters.').default(''),
});
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

/** The budget's total: the sum of its lines, checked to stay a safe integer. */
export const budgetTotalMinor = (lines: readonly { amountMinor: number }[]): number => minorUnits(lines.reduce((sum, l) => sum + l.amountMinor, 0));

/** Planned amount per category (a category may appear on several lines). */
export function plannedByCategory(lines: readonly { category: BudgetCategory; amountMinor: number }[]): { category: BudgetCategory; plannedMinor: number }[] {
  const sums = new Map<BudgetCategory, number>();
  for (const line of lines) sums.set(line.category, (sums.get(line.category) ?? 0) + line.amountMinor);
  return [...sums].map(([category, plannedMinor]) => ({ category, plannedMinor }));
}
