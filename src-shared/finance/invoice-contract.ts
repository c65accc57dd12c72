import { z } from 'zod';
import { command, query } from '../bridge/define';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import { percentSchema } from '../crm/catalogue-item-kind';
import type { AgeingRow, InvoiceStanding } from './receivables';
import { statementFields, type MatchSuggestion, type StatementLine } from './statement-matching';

/**
 * Receivables between UI and host, beyond the generic record commands (a draft invoice is created
 * and edited with `records/create|update`): an invoice from a sales order, issuing (number from the
 * sync server in a team, refused offline), a credit note against an issued invoice, recording a
 * payment allocated to invoices (their status follows), and the receivables overview. Only the
 * finance role and administrators; refusals are `forbidden`, `not_found`, `invalid_state` saying what
 * to do first, or `invalid_input` naming the field.
 */
const id = recordIdSchema;

/** An invoice as the finance lists show it. */
export interface InvoiceRow {
  id: string;
  number: string;
  status: string;
  /** The status on today: `overdue` when past due and still owed. */
  standing: InvoiceStanding;
  customerId: string;
  customerName: string;
  title: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
  outstandingMinor: number;
  issuedOn: string;
  dueOn: string;
  salesOrderId: string;
}

export interface PaymentRow {
  id: string;
  number: string;
  /** Voided with a reason: it settles nothing any more. */
  isVoided: boolean;
  direction: 'incoming' | 'outgoing';
  organisationId: string;
  organisationName: string;
  amount: { amountMinor: number; currency: string };
  allocatedMinor: number;
  paidOn: string;
  reference: string;
  /** The numbers of the invoices it settles. */
  invoiceNumbers: string[];
  /** A reimbursement: the number of the expense claim it pays ('' otherwise); `organisationName` is then the claimant's name. */
  claimNumber: string;
}

export interface CreditNoteRow {
  id: string;
  number: string;
  invoiceId: string;
  totalMinor: number;
  currency: string;
  reason: string;
  issuedOn: string;
}

export interface ReceivablesView {
  today: string;
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  creditNotes: CreditNoteRow[];
  ageing: (AgeingRow & { customerName: string })[];
}

/** A statement line with the invoices it may pay (their numbers and customers' names for the person to judge). */
export interface StatementMatchRow {
  line: StatementLine;
  /** The payment recorded from this line before, if any (a line is recorded once). */
  recordedAs: string;
  suggestions: (MatchSuggestion & { invoiceNumber: string; customerName: string; outstandingMinor: number })[];
}

const allocation = z.object({ invoiceId: id, amountMinor: z.number().int('Allocate whole minor units.').min(1, 'Allocate more than zero.').max(Number.MAX_SAFE_INTEGER) });

export const invoiceContract = {
  /** A draft invoice with the order's lines, customer, currency and reference; linked to the order. */
  'finance/invoices/from-order': command<RecordView>()(z.object({ orderId: id, paymentTermsDays: z.number().int().min(0).max(365).default(30) })),
  /**
   * Issues a draft invoice on `issuedOn`: the due date follows from its payment terms, the number
   * from the series (by the sync server in a team: refused while this PC cannot reach it).
   */
  'finance/invoices/issue': command<RecordView>()(z.object({ id, issuedOn: planDateSchema })),
  /**
   * Emails an issued invoice (or a credit note) as a PDF on the letterhead to the customer's contact
   * — or the customer — through the outbox, and notes it on the record's activity. `emailedTo` is
   * the address it went to.
   */
  'finance/invoices/send': command<{ emailedTo: string }>()(z.object({ id })),
  /** A credit note against an issued invoice (one line: what is credited, net, and its tax rate), issued at once. */
  'finance/invoices/credit': command<{ creditNote: RecordView; invoice: RecordView }>()(
    z.object({
      id,
      description: z.string().trim().min(1, 'Say what is credited.').max(1000),
      netMinor: z.number().int('Amounts are whole minor units (e.g. cents).').min(1, 'Credit more than zero.').max(1e13),
      taxRatePercent: percentSchema.default(0),
      reason: z.string().trim().min(1, 'Say what the credit note corrects.').max(1000),
      issuedOn: planDateSchema,
    }),
  ),
  /**
   * Records a payment. An incoming one is allocated to the customer's invoices given in
   * `allocations`, or — when left out — to its open invoices oldest due first; each invoice's
   * status follows (partly paid, paid).
   */
  'finance/payments/record': command<{ payment: RecordView; invoices: RecordView[] }>()(
    z.object({
      direction: z.enum(['incoming', 'outgoing']).default('incoming'),
      organisationId: id,
      amount: moneySchema.refine((m) => m.amountMinor > 0, 'Enter the amount paid.'),
      paidOn: planDateSchema,
      reference: z.string().trim().max(200).default(''),
      allocations: z.array(allocation).max(200).optional(),
      statementLineKey: z.string().max(200).optional(),
    }),
  ),
  /**
   * Voids a payment recorded by mistake (twice, the wrong customer, bounced), with the reason kept
   * on its history; the invoices it settled owe that money again and their status follows. A
   * reimbursement is not voided.
   */
  'finance/payments/void': command<{ payment: RecordView; invoices: RecordView[] }>()(
    z.object({ id, reason: z.string().trim().min(1, 'Say why the payment is voided.').max(1000, 'At most 1,000 characters.') }).strict(),
  ),
  /**
   * Reads a bank statement (CSV text with the person's column mapping: field → column index) and
   * suggests for each money-in line the open invoices it may pay. Writes nothing: each suggestion
   * a person confirms is recorded with `finance/payments/record` (with the line's `statementLineKey`).
   */
  'finance/statement/match': command<{ rows: StatementMatchRow[]; problems: { line: number; message: string }[] }>()(
    z.object({
      csv: z.string().min(1, 'Choose the statement’s CSV file.').max(10_000_000, 'The file is larger than 10 MB; split it.'),
      mapping: z.partialRecord(z.enum(statementFields), z.number().int().min(0).max(200)).refine((m) => m.bookedOn !== undefined && m.amount !== undefined, 'Say which columns hold the booking date and the amount.'),
      currency: moneySchema.shape.currency,
    }),
  ),
  /** Invoices with what they still owe, payments, credit notes and the ageing on the host's today. */
  'finance/receivables': query<ReceivablesView>()(z.object({})),
};
