import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { receivablesTeam } from './finance-who';
import { allocationProblem } from './payment-allocation';
import { creditedOn, outstandingOf, paidTo, type Allocation } from './receivables';

/**
 * A payment: money received from a customer (incoming, allocated to one or more of its issued
 * invoices, the rest left unallocated) or paid out (outgoing: a supplier, a reimbursement). Its
 * parent is the organisation paid or paying, so an invoice's rules find all of the customer's
 * payments. A recorded payment is never edited: a wrong one is reversed by a payment the other way.
 * The invariant holds on host and sync server: never more allocated than paid, nor to an invoice more
 * than it still owes.
 */
const allocationSchema = z.object({ invoiceId: recordIdSchema, amountMinor: z.number().int('Allocate whole minor units.').min(1).max(Number.MAX_SAFE_INTEGER) });

const paymentData = z
  .object({
    direction: z.enum(['incoming', 'outgoing']),
    organisationId: recordIdSchema,
    amount: moneySchema.refine((m) => m.amountMinor > 0, 'A payment is more than zero.'),
    paidOn: planDateSchema,
    /** The bank's reference or the remittance text. */
    reference: z.string().trim().max(200).default(''),
    allocations: z.array(allocationSchema).max(200).default([]),
    /** The bank statement line it was recorded from (statement import), so a line is not recorded twice. */
    statementLineKey: z.string().max(200).optional(),
  })
  .refine((d) => d.direction === 'incoming' || d.allocations.length === 0, { message: 'Only incoming payments settle invoices.', path: ['allocations'] });
export type PaymentData = z.infer<typeof paymentData>;

type StoredInvoice = { id: string; kind: string; status: string; number: string; data: { organisationId: string; currency: string; total: { amountMinor: number } } };

export const paymentKind = defineRecordKind<PaymentData>({
  kind: 'payment',
  module: 'finance',
  label: 'Payment',
  pluralLabel: 'Payments',
  version: 1,
  data: paymentData as z.ZodType<PaymentData>,
  title: (d) => `${d.direction === 'incoming' ? 'Received' : 'Paid'}${d.reference ? `: ${d.reference}` : ''}`.slice(0, 200),
  searchText: (d) => d.reference,
  statuses: [{ id: 'recorded', label: 'Recorded', tone: 'success', isReadOnly: true }],
  initialStatus: 'recorded',
  transitions: [],
  number: { prefix: 'PAY', isYearly: true },
  columns: { parentId: (d) => d.organisationId, date: (d) => d.paidOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'direction', label: 'Direction', type: 'choice', choices: [{ value: 'incoming', label: 'Received' }, { value: 'outgoing', label: 'Paid out' }], isDefaultColumn: true },
    { field: 'organisationId', label: 'Organisation', type: 'record', recordKind: 'organisation', isDefaultColumn: true },
    { field: 'amount', label: 'Amount', type: 'money', isDefaultColumn: true },
    { field: 'paidOn', label: 'Paid on', type: 'date', isDefaultColumn: true },
    { field: 'reference', label: 'Reference', type: 'text', isDefaultColumn: true },
  ],
  links: { parent: 'organisation', related: ['invoice'] },
  readScope: receivablesTeam,
  create: receivablesTeam,
  edit: [],
  invariant: {
    reads: (d) => ({ ids: d.allocations.map((a) => ({ collection: 'records', id: a.invoiceId })), byParent: [{ kind: 'payment', parentId: d.organisationId }, ...d.allocations.map((a) => ({ kind: 'credit_note', parentId: a.invoiceId }))] }),
    check: ({ record, previous, lookup }) => {
      if (previous) return null; // a recorded payment does not change (no field rule allows it)
      const payments = lookup.byParent('payment', record.data.organisationId) as unknown as { id: string; data: { allocations?: Allocation[] } }[];
      const open = new Map<string, { currency: string; outstandingMinor: number; label: string }>();
      for (const a of record.data.allocations) {
        const invoice = lookup.get('records', a.invoiceId) as StoredInvoice | null;
        if (!invoice || invoice.kind !== 'invoice' || invoice.data.organisationId !== record.data.organisationId || !['issued', 'partly_paid'].includes(invoice.status)) continue;
        const credits = lookup.byParent('credit_note', invoice.id) as unknown as { id: string; status: string; data: { total: { amountMinor: number } } }[];
        open.set(invoice.id, {
          currency: invoice.data.currency,
          label: invoice.number || 'The invoice',
          outstandingMinor: outstandingOf({ totalMinor: invoice.data.total.amountMinor, paidMinor: paidTo(invoice.id, payments, record.id), creditedMinor: creditedOn(credits) }),
        });
      }
      return allocationProblem(record.data.amount.amountMinor, record.data.amount.currency, record.data.allocations, open);
    },
  },
});
