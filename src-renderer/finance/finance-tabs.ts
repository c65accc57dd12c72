import { receivablesTeam } from '../../src-shared/finance/finance-who';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { isWho } from '../../src-shared/records/who';

/**
 * The Finance section's tabs (`#/finance/<tab>`), in order: each is a file of its own (FinancePage
 * picks it by id). Receivables tabs are for finance staff and administrators only; everyone has
 * their own expenses. `registers` holds every finance record kind's register (`#/finance/<kind>`).
 */
export const FINANCE_TABS = [
  ['invoices', 'Invoices', 'receivables'],
  ['payments', 'Payments', 'receivables'],
  ['supplier-invoices', 'Supplier invoices', 'receivables'],
  ['receivables', 'Receivables', 'receivables'],
  ['exchange-rates', 'Exchange rates', 'receivables'],
  ['expenses', 'My expenses', 'everyone'],
  ['expense-report', 'Expense report', 'everyone'],
  ['expense-policy', 'Expense policy', 'everyone'],
  ['budgets', 'Budgets', 'everyone'],
  ['reports', 'Reports', 'everyone'],
  ['registers', 'Registers', 'everyone'],
] as const;
export type FinanceTabId = (typeof FINANCE_TABS)[number][0];

/** The tabs a person with these roles sees, in order. */
export function financeTabsFor(person: { id: string; roles: readonly string[] }): (typeof FINANCE_TABS)[number][] {
  const handlesReceivables = isWho(receivablesTeam, { id: person.id, roles: person.roles, isActive: true }, {});
  return FINANCE_TABS.filter(([, , who]) => who === 'everyone' || handlesReceivables);
}

/** A register's address names its kind (`#/finance/expense_claim`). */
export const isFinanceKind = (segment: string | undefined): boolean => recordKindOf(segment)?.module === 'finance';
