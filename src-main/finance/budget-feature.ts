import type { HostFeature } from '../host/feature';
import { budgetQueryHandlers } from './budget-queries';

/**
 * Budgets (src-shared/finance/budget-*): drafted through the generic record commands and decided by
 * the BUDGET_APPROVAL workflow; this feature answers where each approved budget stands.
 */
export const budgetFeature: HostFeature = {
  name: 'budgets',
  queries: { ...budgetQueryHandlers },
};
