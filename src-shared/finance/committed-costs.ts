import type { BudgetCategory } from '../projects/plan-item-model';
import type { CostLine } from './budget-rollup';

/**
 * What purchase orders commit of a project's budget, and what supplier invoices spend. An order
 * charged to a project and a budget category counts from the day it is sent to the supplier, by its
 * gross total — what the lab will pay, tax included, as labs that cannot reclaim tax budget it —
 * less what approved supplier invoices for it already bill: an invoice replaces the commitment by
 * actual cost (a part-invoiced order stays committed for the rest; an order billed in full or more
 * commits nothing). Drafts and cancelled orders commit nothing. An approved or paid supplier invoice
 * charged to a project or a department counts as actual in the year of its invoice date. Every cost
 * is keyed `<holder>|<year>` as budget-standing.ts keys them. Pure.
 */
export interface OrderForBudget {
  id: string;
  status: string;
  data: {
    projectId?: string | undefined;
    budgetCategory?: BudgetCategory | undefined;
    total: { amountMinor: number; currency: string };
    sentAt?: string | undefined;
  };
}

export interface SupplierInvoiceForBudget {
  status: string;
  data: {
    purchaseOrderId?: string | undefined;
    projectId?: string | undefined;
    departmentId?: string | undefined;
    budgetCategory?: BudgetCategory | undefined;
    invoiceDate: string;
    total: { amountMinor: number; currency: string };
  };
}

const committingStatuses = new Set(['sent', 'acknowledged', 'partly_received', 'received']);
const spendingStatuses = new Set(['approved', 'paid']);

/** What counted supplier invoices bill per order, in the order's currency (an invoice in another currency replaces nothing). */
function billedByOrder(invoices: readonly SupplierInvoiceForBudget[]): Map<string, Map<string, number>> {
  const billed = new Map<string, Map<string, number>>();
  for (const invoice of invoices) {
    const orderId = invoice.data.purchaseOrderId;
    if (!orderId || !spendingStatuses.has(invoice.status)) continue;
    const byCurrency = billed.get(orderId) ?? new Map<string, number>();
    byCurrency.set(invoice.data.total.currency, (byCurrency.get(invoice.data.total.currency) ?? 0) + invoice.data.total.amountMinor);
    billed.set(orderId, byCurrency);
  }
  return billed;
}

export function costLinesOfOrders(orders: readonly OrderForBudget[], invoices: readonly SupplierInvoiceForBudget[] = []): CostLine[] {
  const billed = billedByOrder(invoices);
  return orders.flatMap((order): CostLine[] => {
    const { projectId, budgetCategory, total, sentAt } = order.data;
    if (!committingStatuses.has(order.status) || !projectId || !budgetCategory || !sentAt) return [];
    const amountMinor = Math.max(0, total.amountMinor - (billed.get(order.id)?.get(total.currency) ?? 0));
    if (amountMinor === 0) return [];
    return [{ holder: `${projectId}|${sentAt.slice(0, 4)}`, category: budgetCategory, amountMinor, currency: total.currency, state: 'committed', date: sentAt.slice(0, 10) }];
  });
}

export function costLinesOfSupplierInvoices(invoices: readonly SupplierInvoiceForBudget[]): CostLine[] {
  return invoices.flatMap((invoice): CostLine[] => {
    const { projectId, departmentId, budgetCategory, invoiceDate, total } = invoice.data;
    const holderId = projectId ?? departmentId;
    if (!spendingStatuses.has(invoice.status) || !holderId || !budgetCategory) return [];
    return [{ holder: `${holderId}|${invoiceDate.slice(0, 4)}`, category: budgetCategory, amountMinor: total.amountMinor, currency: total.currency, state: 'actual', date: invoiceDate }];
  });
}
