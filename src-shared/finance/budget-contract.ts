import { z } from 'zod';
import { query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { BudgetStanding } from './budget-standing';

/**
 * Budget screens between UI and host beyond the generic record commands (budgets are drafted through
 * `records/*` and decided by the BUDGET_APPROVAL workflow): where each approved budget stands.
 */
export const budgetContract = {
  /**
   * The latest approved budget of each holder and year the asker may read, against its costs
   * (planned, committed, actual per category, 80 % / 100 % warnings); narrowed to one project,
   * one department or one year when asked.
   */
  'finance/budgets/standing': query<BudgetStanding[]>()(
    z
      .object({
        projectId: recordIdSchema.optional(),
        departmentId: recordIdSchema.optional(),
        year: z.number().int('Enter a year like 2027.').min(2000, 'Enter a year like 2027.').max(2100, 'Enter a year like 2027.').optional(),
      })
      .strict(),
  ),
};
