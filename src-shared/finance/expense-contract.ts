import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { ExpenseReport } from './expense-report';

/**
 * Expense screens between UI and host beyond the generic record commands (claims are created and
 * changed through `records/*` and decided by the EXPENSE_CLAIM workflow): the expense report over
 * the claims the asker may read, and the reimbursement of an approved claim.
 */
export const expenseContract = {
  /**
   * Finance pays an approved claim: an outgoing payment of its total to the claimant, recorded
   * against the claim (once). Returns it with the claim's EXPENSE_CLAIM run waiting at its payment
   * step, which the screen then completes with the same date and reference (the claim becomes
   * reimbursed there, and the claimant is told); null when no run waits there.
   */
  'finance/expenses/reimburse': command<{ payment: RecordView; instanceId: string | null }>()(
    z.object({
      claimId: recordIdSchema,
      paidOn: planDateSchema,
      reference: z.string().trim().min(1, 'Enter the bank payment reference.').max(80, 'At most 80 characters.'),
    }).strict(),
  ),
  /** Approved and reimbursed claims' lines dated within [from, to], by project or cost centre and category. */
  'finance/expense-report': query<ExpenseReport>()(
    z
      .object({ from: planDateSchema.optional(), to: planDateSchema.optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The first day cannot be after the last day.', path: ['to'] }),
  ),
};
