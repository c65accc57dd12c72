import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesOrOwner } from './crm-who';
import { labflowItself } from '../records/labflow-actor';
import { expiryProblem } from './quotation-expiry';
import { needsDiscountApproval } from './quotation-money';
import { checkTotal, currencySchema, quotationLineSchema } from './quotation-lines';
import { revisionProblem } from './quotation-revisions';
import { salesSettingsOf, salesSettingsParent } from './sales-settings-kind';

/**
 * A quotation to a customer, from an opportunity or directly: lines, totals in integer minor units
 * (checked against the lines on host and server), validity and terms. Revisions are separate
 * records (v1, v2 … pointing back with `revisionOfId`); the lines of a revision change only while it
 * is a draft, so one that was sent never changes again. draft → sent → accepted / rejected /
 * expired; a draft with a line discounted above the settings' threshold goes through approval (a
 * workflow bound to the quotation moves it to approved, or back to draft) before it can be sent.
 */
const quotationData = z
  .object({
    organisationId: recordIdSchema,
    contactId: recordIdSchema.optional(),
    opportunityId: recordIdSchema.optional(),
    ownerId: recordIdSchema,
    currency: currencySchema,
    lines: z.array(quotationLineSchema).min(1, 'A quotation has at least one line.').max(500),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    /** Gross total, kept for registers and the pipeline; must equal what the lines add up to. */
    total: moneySchema,
    validUntil: planDateSchema,
    terms: z.string().trim().max(10_000).default(''),
    revision: z.number().int().min(1).default(1),
    revisionOfId: recordIdSchema.optional(),
    sentAt: z.string().max(40).optional(),
    decidedOn: planDateSchema.optional(),
    rejectedReason: z.string().trim().max(1000).default(''),
    /** The order made from it once accepted (the order points back with `quotationId`). */
    orderId: recordIdSchema.optional(),
  })
  .superRefine(checkTotal);
export type QuotationData = z.infer<typeof quotationData>;

const draftFields = ['contactId', 'opportunityId', 'ownerId', 'currency', 'lines', 'taxRounding', 'total', 'validUntil', 'terms'];

export const quotationKind = defineRecordKind<QuotationData>({
  kind: 'quotation',
  module: 'crm',
  label: 'Quotation',
  pluralLabel: 'Quotations',
  version: 1,
  data: quotationData as z.ZodType<QuotationData>,
  title: (d) => `${d.lines[0]?.description.slice(0, 150) ?? 'Quotation'}${d.revision > 1 ? ` (v${d.revision})` : ''}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'in_approval', label: 'Discount in approval', tone: 'warning' },
    { id: 'approved', label: 'Approved', tone: 'info' },
    { id: 'sent', label: 'Sent', tone: 'info' },
    { id: 'accepted', label: 'Accepted', tone: 'success' },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
    { id: 'expired', label: 'Expired', isReadOnly: true },
    { id: 'superseded', label: 'Superseded by a revision', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'in_approval', label: 'Ask for discount approval', who: salesOrOwner },
    { from: ['in_approval'], to: 'approved', label: 'Approve discount', who: 'workflow' },
    { from: ['in_approval'], to: 'draft', label: 'Decline discount', who: 'workflow' },
    // The send command (PDF by email through the outbox) sets sentAt; the invariant refuses an unapproved discount.
    { from: ['draft', 'approved'], to: 'sent', label: 'Send', who: salesOrOwner, requires: ['sentAt'] },
    { from: ['sent'], to: 'accepted', label: 'Accepted by the customer', who: salesOrOwner, requires: ['decidedOn'] },
    { from: ['sent'], to: 'rejected', label: 'Rejected by the customer', who: salesOrOwner, needsReason: true, requires: ['decidedOn', 'rejectedReason'] },
    // Only the scheduler's expiry rule, the morning after the last valid day (quotation-expiry.ts).
    { from: ['sent'], to: 'expired', label: 'Expired', who: labflowItself },
    { from: ['sent'], to: 'superseded', label: 'Superseded by a revision', who: salesOrOwner },
  ],
  number: { prefix: 'QUO', isYearly: true },
  columns: { parentId: (d) => d.organisationId, ownerId: (d) => d.ownerId, date: (d) => d.validUntil },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'revision', label: 'Revision', type: 'number', isDefaultColumn: true },
    { field: 'organisationId', label: 'Customer', type: 'record', recordKind: 'organisation', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'contactId', label: 'Contact', type: 'record', recordKind: 'contact', isEditable: true },
    { field: 'opportunityId', label: 'Opportunity', type: 'record', recordKind: 'opportunity', isEditable: true },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'validUntil', label: 'Valid until', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'ownerId', label: 'Owner', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'terms', label: 'Terms', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'organisation', related: ['opportunity', 'quotation', 'sales_order'] },
  readScope: salesOrOwner,
  create: salesOrOwner,
  edit: [
    { fields: draftFields, who: salesOrOwner, inStatuses: ['draft'] },
    { fields: ['sentAt'], who: salesOrOwner, inStatuses: ['draft', 'approved'] },
    { fields: ['decidedOn', 'rejectedReason'], who: salesOrOwner, inStatuses: ['sent'] },
    { fields: ['orderId'], who: salesOrOwner, inStatuses: ['accepted'] },
  ],
  remove: { who: salesOrOwner, inStatuses: ['draft'] },
  workflows: ['QUOTATION_DISCOUNT'],
  invariant: {
    reads: (d) => ({
      ids: d.revisionOfId ? [{ collection: 'records', id: d.revisionOfId }] : [],
      byParent: [{ kind: 'sales_settings', parentId: salesSettingsParent }],
    }),
    check: ({ record, previous, lookup }) => {
      if (record.status === 'sent' && previous?.status === 'draft') {
        const { discountApprovalAbovePercent } = salesSettingsOf(lookup.byParent('sales_settings', salesSettingsParent));
        if (needsDiscountApproval(record.data.lines, discountApprovalAbovePercent)) {
          return { message: `A line is discounted by more than ${discountApprovalAbovePercent} %; ask for approval before sending.`, field: 'data.lines' };
        }
      }
      if (previous) return null; // the revision chain is fixed at creation
      const earlier = record.data.revisionOfId ? lookup.get('records', record.data.revisionOfId) : null;
      const problem = revisionProblem(record.data, earlier);
      return problem ? { message: problem, field: 'data.revisionOfId' } : null;
    },
  },
  // The scheduler's expiry from whichever PC notices the morning first (src-main/crm/quotation-expiry-rule.ts).
  labflowWrites: {
    actions: ['update'],
    reads: () => ({}),
    check: ({ record, previous, now }) => expiryProblem(previous, record, now),
  },
});
