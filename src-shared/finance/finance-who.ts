import type { Who } from '../records/who';

/**
 * Who does what in Finance, in the records' Who language.
 * `finance` holds the finance role: it reads every expense claim, pays, keeps the expense policy.
 */
export const finance = { roles: ['finance'] } as const satisfies Who;

/**
 * Invoices, credit notes and payments are read and written by the finance role and administrators
 * only (customers' debts and the lab's bank movements are not for everyone); sales staff see an
 * order's invoicing state on the order. Expense claims are not theirs: administrators do not read them.
 */
export const receivablesTeam = { anyOf: [finance, 'admin'] } as const satisfies Who;
