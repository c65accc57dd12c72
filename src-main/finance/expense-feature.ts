import type { HostFeature } from '../host/feature';
import { expenseQueryHandlers } from './expense-queries';

/**
 * Expenses (src-shared/finance/expense-*): claims are written through the generic record commands
 * and decided by the EXPENSE_CLAIM workflow; this feature answers the expense report.
 */
export const expenseFeature: HostFeature = {
  name: 'expenses',
  queries: { ...expenseQueryHandlers },
};
