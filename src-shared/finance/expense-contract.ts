import { z } from 'zod';
import { query } from '../bridge/define';
import { planDateSchema } from '../projects/document-fields';
import type { ExpenseReport } from './expense-report';

/**
 * Expense screens between UI and host beyond the generic record commands (claims are created and
 * changed through `records/*` and decided by the EXPENSE_CLAIM workflow): the expense report over
 * the claims the asker may read.
 */
export const expenseContract = {
  /** Approved and reimbursed claims' lines dated within [from, to], by project or cost centre and category. */
  'finance/expense-report': query<ExpenseReport>()(
    z
      .object({ from: planDateSchema.optional(), to: planDateSchema.optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The first day cannot be after the last day.', path: ['to'] }),
  ),
};
