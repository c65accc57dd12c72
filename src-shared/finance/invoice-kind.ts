import { z } from 'zod';
import { checkTotal, currencySchema, quotationLineSchema } from '../crm/quotation-lines';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { receivablesTeam } from './finance-who';
import { creditedOn, dueOnOf, paidTo, statusFromAmounts, type Allocation } from './receivables';

/**
 * An invoice to a customer (a CRM organisation), made from a sales order or ad hoc. Lines are the
 * quotation's lines (quantity, unit price in minor units, discount, tax rate) and the total is
 * checked against them by the money core on host and server. draft → issued → partly_paid → paid;
 * `overdue` is derived from the due date (receivables.ts), never stored. From issue on nothing
 * changes: a mistake is corrected by a credit note. Numbers are gapless (INV-2026-0001): given at
 * issue, in a team only by the sync server — a PC cannot issue offline (the host says so).
 */
export const invoiceData = z
  .object({
    organisationId: recordIdSchema,
    contactId: recordIdSchema.optional(),
    salesOrderId: recordIdSchema.optional(),
    currency: currencySchema,
    lines: z.array(quotationLineSchema).min(1, 'An invoice has at least one line.').max(500),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    /** Gross total; must equal what the lines add up to. */
    total: moneySchema,
    paymentTermsDays: z.number().int('Payment terms are whole days.').min(0).max(365, 'At most 365 days.').default(30),
    issuedOn: planDateSchema.optional(),
    dueOn: planDateSchema.optional(),
    customerReference: z.string().trim().max(100).default(''),
    notes: z.string().trim().max(5000).default(''),
  })
  .superRefine((d, ctx) => {
    checkTotal(d, ctx);
    if (d.issuedOn && d.dueOn !== dueOnOf(d.issuedOn, d.paymentTermsDays)) ctx.addIssue({ code: 'custom', message: `The due date is ${d.paymentTermsDays} days after the issue date.`, path: ['dueOn'] });
  });
export type InvoiceData = z.infer<typeof invoiceData>;

const draftFields = ['organisationId', 'contactId', 'salesOrderId', 'currency', 'lines', 'taxRounding', 'total', 'paymentTermsDays', 'issuedOn', 'dueOn', 'customerReference', 'notes'];

type Stored = { id: string; status: string; data: Record<string, unknown> };

export const invoiceKind = defineRecordKind<InvoiceData>({
  kind: 'invoice',
  module: 'finance',
  label: 'Invoice',
  pluralLabel: 'Invoices',
  version: 1,
  data: invoiceData as z.ZodType<InvoiceData>,
  title: (d) => d.lines.map((l) => l.description).join(', ').slice(0, 200),
  searchText: (d) => d.customerReference,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'issued', label: 'Issued', tone: 'info', isReadOnly: true },
    { id: 'partly_paid', label: 'Partly paid', tone: 'warning', isReadOnly: true },
    { id: 'paid', label: 'Paid', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled (never issued)', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'issued', label: 'Issue', who: receivablesTeam, requires: ['issuedOn', 'dueOn'] },
    // The payment states follow the payments and credit notes (the invariant below); the finance
    // commands make these moves when they record one, so no screen offers them as buttons (a paid
    // invoice offered "Mark as partly paid", which the invariant then refused).
    { from: ['issued', 'paid'], to: 'partly_paid', label: 'Mark as partly paid', who: receivablesTeam, isFollowingData: true },
    { from: ['issued', 'partly_paid'], to: 'paid', label: 'Mark as paid', who: receivablesTeam, isFollowingData: true },
    // A voided payment can leave it owing everything again.
    { from: ['partly_paid', 'paid'], to: 'issued', label: 'Back to issued', who: receivablesTeam, isFollowingData: true },
    { from: ['draft'], to: 'cancelled', label: 'Cancel draft', who: receivablesTeam },
  ],
  number: { prefix: 'INV', isYearly: true, assignOn: 'issued', isGapless: true },
  columns: { parentId: (d) => d.organisationId, date: (d) => d.dueOn ?? d.issuedOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'organisationId', label: 'Customer', type: 'record', recordKind: 'organisation', isDefaultColumn: true, isRequired: true },
    { field: 'salesOrderId', label: 'Sales order', type: 'record', recordKind: 'sales_order' },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'issuedOn', label: 'Issued on', type: 'date', isDefaultColumn: true },
    { field: 'dueOn', label: 'Due on', type: 'date', isDefaultColumn: true },
    { field: 'paymentTermsDays', label: 'Payment terms (days)', type: 'number', isEditable: true },
    { field: 'customerReference', label: 'Customer reference', type: 'text', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'organisation', related: ['sales_order', 'credit_note', 'payment'] },
  readScope: receivablesTeam,
  create: receivablesTeam,
  edit: [{ fields: draftFields, who: receivablesTeam, inStatuses: ['draft'] }],
  remove: { who: receivablesTeam, inStatuses: ['draft'] },
  invariant: {
    // The customer's payments (a payment may settle several of its invoices) and this invoice's credit notes.
    reads: (d, record) => ({ byParent: [{ kind: 'payment', parentId: d.organisationId }, { kind: 'credit_note', parentId: record.id }] }),
    check: ({ record, previous, lookup }) => {
      if (!['issued', 'partly_paid', 'paid'].includes(record.status) || previous?.status === record.status) return null;
      const payments = lookup.byParent('payment', record.data.organisationId) as unknown as { id: string; data: { allocations?: Allocation[] } }[];
      const credits = lookup.byParent('credit_note', record.id) as unknown as (Stored & { data: { total: { amountMinor: number } } })[];
      const amounts = { totalMinor: record.data.total.amountMinor, paidMinor: paidTo(record.id, payments), creditedMinor: creditedOn(credits) };
      const expected = statusFromAmounts(amounts);
      if (record.status === expected) return null;
      return { message: expected === 'issued' ? 'Nothing has been paid or credited on this invoice yet.' : expected === 'paid' ? 'This invoice is settled in full; it is paid, not partly paid.' : 'This invoice still owes money; record the payment that settles it.', field: 'status' };
    },
  },
});
