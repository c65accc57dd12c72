import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { receivablesTeam } from './finance-who';
import { allocationProblem } from './payment-allocation';
import { reimbursementProblem, reimbursementReads } from './reimbursement';
import { supplierAllocationProblem } from './supplier-payments';
import { creditedOn, outstandingOf, paidTo, type Allocation } from './receivables';

/**
 * A payment: money received from a customer (incoming, allocated to one or more of its issued
 * invoices, the rest left unallocated) or paid out (outgoing: a supplier, or a reimbursement of an
 * approved expense claim to its claimant; to a supplier, allocated to its approved supplier invoices). Its parent is the organisation paid or paying, so an
 * invoice's rules find all of the customer's payments — or, for a reimbursement, the claim, so the
 * claim's rules find it (a claim becomes reimbursed only with its payment recorded). A recorded
 * payment is never edited: a wrong one is voided with a reason, and its invoices owe again.
 * The invariant holds on host and sync server: never more allocated than paid, nor to an invoice more
 * than it still owes.
 */
const allocationSchema = z.object({ invoiceId: recordIdSchema, amountMinor: z.number().int('Allocate whole minor units.').min(1).max(Number.MAX_SAFE_INTEGER) });

const paymentData = z
  .object({
    direction: z.enum(['incoming', 'outgoing']),
    organisationId: recordIdSchema.optional(),
    /** Money paid to a supplier: allocated to its approved supplier invoices. */
    supplierId: recordIdSchema.optional(),
    /** A reimbursement: the approved expense claim it pays, and the claimant paid. */
    expenseClaimId: recordIdSchema.optional(),
    payeeId: recordIdSchema.optional(),
    amount: moneySchema.refine((m) => m.amountMinor > 0, 'A payment is more than zero.'),
    paidOn: planDateSchema,
    /** The bank's reference or the remittance text. */
    reference: z.string().trim().max(200).default(''),
    allocations: z.array(allocationSchema).max(200).default([]),
    /** The bank statement line it was recorded from (statement import), so a line is not recorded twice. */
    statementLineKey: z.string().max(200).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.direction === 'outgoing' && d.allocations.length > 0 && !d.supplierId) ctx.addIssue({ code: 'custom', message: 'Only incoming payments settle invoices.', path: ['allocations'] });
    if (d.supplierId && d.direction !== 'outgoing') ctx.addIssue({ code: 'custom', message: 'A payment to a supplier is money paid out.', path: ['direction'] });
    if (d.supplierId && d.organisationId) ctx.addIssue({ code: 'custom', message: 'A payment goes to a supplier or an organisation, not both.', path: ['organisationId'] });
    if (d.expenseClaimId) {
      if (d.organisationId) ctx.addIssue({ code: 'custom', message: 'A reimbursement pays a person, not an organisation.', path: ['organisationId'] });
      if (d.direction !== 'outgoing') ctx.addIssue({ code: 'custom', message: 'A reimbursement is money paid out.', path: ['direction'] });
      if (!d.payeeId) ctx.addIssue({ code: 'custom', message: 'Say who is reimbursed.', path: ['payeeId'] });
    } else if (!d.organisationId && !d.supplierId) {
      ctx.addIssue({ code: 'custom', message: 'Pick the organisation that paid or was paid.', path: ['organisationId'] });
    }
  });
export type PaymentData = z.infer<typeof paymentData>;

type StoredInvoice = { id: string; kind: string; status: string; number: string; data: { organisationId: string; currency: string; total: { amountMinor: number } } };

export const paymentKind = defineRecordKind<PaymentData>({
  kind: 'payment',
  module: 'finance',
  label: 'Payment',
  pluralLabel: 'Payments',
  version: 1,
  data: paymentData as z.ZodType<PaymentData>,
  title: (d) => `${d.direction === 'incoming' ? 'Received' : d.expenseClaimId ? 'Reimbursed' : 'Paid'}${d.reference ? `: ${d.reference}` : ''}`.slice(0, 200),
  searchText: (d) => d.reference,
  statuses: [
    { id: 'recorded', label: 'Recorded', tone: 'success', isReadOnly: true },
    { id: 'voided', label: 'Voided', tone: 'error', isReadOnly: true },
  ],
  initialStatus: 'recorded',
  // A payment recorded by mistake (twice, to the wrong customer, bounced) is voided with a reason by
  // `finance/payments/void`, which settles its invoices again in the same step — never a bare button.
  transitions: [{ from: ['recorded'], to: 'voided', label: 'Void payment', who: receivablesTeam, needsReason: true, isFollowingData: true }],
  number: { prefix: 'PAY', isYearly: true },
  columns: { parentId: (d) => d.organisationId ?? d.supplierId ?? d.expenseClaimId, date: (d) => d.paidOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'direction', label: 'Direction', type: 'choice', choices: [{ value: 'incoming', label: 'Received' }, { value: 'outgoing', label: 'Paid out' }], isDefaultColumn: true },
    { field: 'organisationId', label: 'Organisation', type: 'record', recordKind: 'organisation', isDefaultColumn: true },
    { field: 'supplierId', label: 'Supplier', type: 'record', recordKind: 'supplier' },
    { field: 'amount', label: 'Amount', type: 'money', isDefaultColumn: true },
    { field: 'expenseClaimId', label: 'Expense claim', type: 'record', recordKind: 'expense_claim' },
    { field: 'payeeId', label: 'Reimbursed to', type: 'person' },
    { field: 'paidOn', label: 'Paid on', type: 'date', isDefaultColumn: true },
    { field: 'reference', label: 'Reference', type: 'text', isDefaultColumn: true },
  ],
  links: { parent: 'organisation', related: ['invoice', 'expense_claim', 'supplier_invoice'] },
  readScope: receivablesTeam,
  create: receivablesTeam,
  edit: [],
  invariant: {
    reads: (d) => d.expenseClaimId
      ? reimbursementReads(d.expenseClaimId)
      : { ids: d.allocations.map((a) => ({ collection: 'records', id: a.invoiceId })), byParent: [{ kind: 'payment', parentId: d.organisationId ?? d.supplierId ?? '' }, ...d.allocations.map((a) => ({ kind: 'credit_note', parentId: a.invoiceId }))] },
    check: ({ record, previous, lookup }) => {
      // A recorded payment does not change (no field rule allows it); it may only be voided, and a
      // reimbursement not at all: its claim is reimbursed on the strength of it.
      if (previous) return record.status === 'voided' && record.data.expenseClaimId ? { message: 'A reimbursement is not voided: the claim is paid. Record the money coming back as a payment received.', field: 'status' } : null;
      if (record.data.expenseClaimId) return reimbursementProblem(record, lookup);
      if (record.data.supplierId) return supplierAllocationProblem(record, lookup);
      const payments = lookup.byParent('payment', record.data.organisationId ?? '') as unknown as { id: string; data: { allocations?: Allocation[] } }[];
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
