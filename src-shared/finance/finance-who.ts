import type { Who } from '../records/who';

/**
 * Who does what in Finance, in the records' Who language. Invoices, credit notes and payments are
 * read and written by the `finance` role and administrators only (customers' debts and the lab's
 * bank movements are not for everyone); sales staff see an order's invoicing state on the order.
 */
export const finance = { anyOf: [{ roles: ['finance'] }, 'admin'] } as const satisfies Who;
