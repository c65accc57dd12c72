import { z } from 'zod';
import { checkTotal, currencySchema, quotationLineSchema } from '../crm/quotation-lines';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { receivablesTeam } from './finance-who';
import { creditedOn, outstandingOf, paidTo, type Allocation } from './receivables';

/**
 * A credit note: how a mistake on an issued invoice is corrected (an invoice is never edited or
 * deleted after issue). It names the invoice (its parent), is in the invoice's currency, and may
 * take off at most what the invoice still owes; once issued it reduces the invoice's outstanding.
 * Its numbers are gapless like invoices' (CN-2026-0001), given at issue by the sync server in a team.
 */
const creditNoteData = z
  .object({
    invoiceId: recordIdSchema,
    organisationId: recordIdSchema,
    currency: currencySchema,
    lines: z.array(quotationLineSchema).min(1, 'A credit note has at least one line.').max(500),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    total: moneySchema,
    reason: z.string().trim().min(1, 'Say what the credit note corrects.').max(1000),
    issuedOn: planDateSchema,
  })
  .superRefine((d, ctx) => {
    checkTotal(d, ctx);
    if (d.total.amountMinor <= 0) ctx.addIssue({ code: 'custom', message: 'A credit note takes off more than zero.', path: ['total'] });
  });
export type CreditNoteData = z.infer<typeof creditNoteData>;

export const creditNoteKind = defineRecordKind<CreditNoteData>({
  kind: 'credit_note',
  module: 'finance',
  label: 'Credit note',
  pluralLabel: 'Credit notes',
  version: 1,
  data: creditNoteData as z.ZodType<CreditNoteData>,
  title: (d) => d.reason.slice(0, 200),
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'issued', label: 'Issued', tone: 'info', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [{ from: ['draft'], to: 'issued', label: 'Issue', who: receivablesTeam }],
  number: { prefix: 'CN', isYearly: true, assignOn: 'issued', isGapless: true },
  columns: { parentId: (d) => d.invoiceId, date: (d) => d.issuedOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'invoiceId', label: 'Invoice', type: 'record', recordKind: 'invoice', isDefaultColumn: true, isRequired: true },
    { field: 'organisationId', label: 'Customer', type: 'record', recordKind: 'organisation', isDefaultColumn: true },
    { field: 'total', label: 'Credited', type: 'money', isDefaultColumn: true },
    { field: 'reason', label: 'Reason', type: 'text', isDefaultColumn: true, isRequired: true },
    { field: 'issuedOn', label: 'Issued on', type: 'date', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  links: { parent: 'invoice' },
  readScope: receivablesTeam,
  create: receivablesTeam,
  edit: [{ fields: ['lines', 'taxRounding', 'total', 'reason', 'issuedOn'], who: receivablesTeam, inStatuses: ['draft'] }],
  remove: { who: receivablesTeam, inStatuses: ['draft'] },
  invariant: {
    reads: (d) => ({ ids: [{ collection: 'records', id: d.invoiceId }], byParent: [{ kind: 'credit_note', parentId: d.invoiceId }, { kind: 'payment', parentId: d.organisationId }] }),
    check: ({ record, lookup }) => {
      const invoice = lookup.get('records', record.data.invoiceId) as { id: string; kind: string; status: string; number: string; data: { organisationId: string; currency: string; total: { amountMinor: number } } } | null;
      if (!invoice || invoice.kind !== 'invoice') return { message: 'That invoice no longer exists.', field: 'data.invoiceId' };
      if (!['issued', 'partly_paid', 'paid'].includes(invoice.status)) return { message: 'Only an issued invoice is credited; change a draft itself.', field: 'data.invoiceId' };
      if (invoice.data.organisationId !== record.data.organisationId) return { message: 'A credit note is for the invoice’s own customer.', field: 'data.organisationId' };
      if (invoice.data.currency !== record.data.currency) return { message: `The credit note must be in the invoice’s currency (${invoice.data.currency}).`, field: 'data.currency' };
      const credits = lookup.byParent('credit_note', invoice.id) as unknown as { id: string; status: string; data: { total: { amountMinor: number } } }[];
      const payments = lookup.byParent('payment', invoice.data.organisationId) as unknown as { id: string; data: { allocations?: Allocation[] } }[];
      const owed = outstandingOf({ totalMinor: invoice.data.total.amountMinor, paidMinor: paidTo(invoice.id, payments), creditedMinor: creditedOn(credits, record.id) });
      if (record.data.total.amountMinor > owed) return { message: `${invoice.number || 'The invoice'} still owes less than this credit note; credit at most what it still owes.`, field: 'data.total' };
      return null;
    },
  },
});
