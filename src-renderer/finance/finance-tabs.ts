/**
 * The Finance section's tabs (`#/finance/<tab>`), in order. One small list so that each part of
 * Finance (receivables here; expenses, budgets and their reports) adds its line without touching
 * the others; FinancePage.tsx maps each id to its tab component.
 */
export const financeTabs = [
  ['invoices', 'Invoices'],
  ['payments', 'Payments'],
  ['receivables', 'Receivables'],
  ['registers', 'Registers'],
] as const;

export type FinanceTabId = (typeof financeTabs)[number][0];
