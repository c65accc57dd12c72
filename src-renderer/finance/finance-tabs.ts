import { recordKindOf } from '../../src-shared/records/record-kinds';

/**
 * The Finance section's tabs, in order: each is a file of its own (FinancePage picks it by id).
 * `registers` holds every finance record kind's register (`#/finance/<kind>`).
 */
export const FINANCE_TABS = [
  ['expenses', 'My expenses'],
  ['expense-report', 'Expense report'],
  ['expense-policy', 'Expense policy'],
  ['registers', 'Registers'],
] as const;
export type FinanceTabId = (typeof FINANCE_TABS)[number][0];

/** A register's address names its kind (`#/finance/expense_claim`). */
export const isFinanceKind = (segment: string | undefined): boolean => recordKindOf(segment)?.module === 'finance';
