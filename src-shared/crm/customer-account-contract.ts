import { z } from 'zod';
import { query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { CustomerAccount } from './customer-account';

/**
 * A customer's or a sales order's invoices, payments and open amount (customer-account.ts), for
 * the "Invoices & payments" tab of organisations and sales orders. Invoices and payments are read
 * by finance and administrators only (their kinds' read scope); anyone else gets `canRead: false`
 * with a sentence saying so, not an error.
 */
export type CustomerAccountView =
  | { canRead: false; explanation: string }
  | (CustomerAccount & { canRead: true; today: string; canCreateInvoice: boolean });

export const customerAccountContract = {
  'crm/account': query<CustomerAccountView>()(z.object({ id: recordIdSchema })),
};
