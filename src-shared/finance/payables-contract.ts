import { z } from 'zod';
import { command, query } from '../bridge/define';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';

/**
 * Payables between UI and host beyond the generic record commands (a supplier invoice is entered
 * with `records/create`, approved with `records/transition`): paying one — an outgoing payment
 * allocated to it, the invoice paid when settled — and the list of supplier invoices with what each
 * still owes. Finance and administrators only.
 */
export interface SupplierInvoiceRow {
  id: string;
  number: string;
  status: string;
  supplierId: string;
  supplierName: string;
  supplierReference: string;
  purchaseOrderNumber: string;
  title: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  outstandingMinor: number;
  invoiceDate: string;
  dueOn: string;
}

export const payablesContract = {
  /**
   * Pays an approved supplier invoice: an outgoing payment to its supplier allocated to it (at most
   * what it still owes; more stays on the payment unallocated), and the invoice paid once settled.
   */
  'finance/supplier-invoices/pay': command<{ payment: RecordView; supplierInvoice: RecordView }>()(
    z
      .object({
        id: recordIdSchema,
        amount: moneySchema.refine((m) => m.amountMinor > 0, 'Enter the amount paid.'),
        paidOn: planDateSchema,
        reference: z.string().trim().max(200, 'At most 200 characters.').default(''),
      })
      .strict(),
  ),
  /** Every supplier invoice the person may read, newest first, with what it still owes. */
  'finance/supplier-invoices': query<SupplierInvoiceRow[]>()(z.object({}).strict()),
};
