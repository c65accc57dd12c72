import type { HostFeature } from '../host/feature';
import { expenseQueryHandlers } from './expense-queries';
import { reimbursementCommandHandlers } from './reimbursement-handler';

/**
 * Expenses (src-shared/finance/expense-*): claims are written through the generic record commands
 * and decided by the EXPENSE_CLAIM workflow; this feature answers the expense report and records
 * the reimbursement payment of an approved claim.
 */
export const expenseFeature: HostFeature = {
  name: 'expenses',
  commands: { ...reimbursementCommandHandlers },
  queries: { ...expenseQueryHandlers },
};
