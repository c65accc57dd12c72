import type { BudgetCategory } from '../projects/plan-item-model';
import type { CostLine } from './budget-rollup';

/**
 * What purchase orders commit of a project's budget: an order charged to a project and a budget
 * category counts from the day it is sent to the supplier until a supplier invoice replaces it by
 * actual cost (not recorded yet, so a sent order stays committed once received too). The amount is
 * the order's gross total — what the lab will pay, tax included, as labs that cannot reclaim tax
 * budget it. Drafts and cancelled orders commit nothing. The year is the year it was sent, keyed
 * `<project>|<year>` as budget-standing.ts keys every cost. Pure.
 */
export interface OrderForBudget {
  status: string;
  data: {
    projectId?: string | undefined;
    budgetCategory?: BudgetCategory | undefined;
    total: { amountMinor: number; currency: string };
    sentAt?: string | undefined;
  };
}

const committingStatuses = new Set(['sent', 'acknowledged', 'partly_received', 'received']);

export function costLinesOfOrders(orders: readonly OrderForBudget[]): CostLine[] {
  return orders.flatMap((order): CostLine[] => {
    const { projectId, budgetCategory, total, sentAt } = order.data;
    if (!committingStatuses.has(order.status) || !projectId || !budgetCategory || !sentAt) return [];
    return [{ holder: `${projectId}|${sentAt.slice(0, 4)}`, category: budgetCategory, amountMinor: total.amountMinor, currency: total.currency, state: 'committed' }];
  });
}
