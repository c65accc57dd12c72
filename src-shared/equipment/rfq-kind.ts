import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { criterionSchema, evaluationMatrix, needsAwardJustification, type Criterion, type Score } from './bid-evaluation';
import { procurement, procurementManager } from './equipment-who';

/**
 * A request for quotation for an approved purchase request, sent to several suppliers (PDF by email
 * through the outbox, `equipment/rfq/send`). Bids come back as `bid` records; evaluators score them
 * on the RFQ's weighted criteria (`bid_evaluation`); the award names the winning bid, and a written
 * justification is required when it is not the top score (checked on host and server).
 */
export const defaultCriteria: Criterion[] = [
  { id: 'price', name: 'Price', weight: 40 },
  { id: 'specification', name: 'Specification compliance', weight: 25 },
  { id: 'delivery', name: 'Delivery time', weight: 20 },
  { id: 'warranty', name: 'Warranty and service', weight: 15 },
];

const rfqData = z
  .object({
    purchaseRequestId: recordIdSchema,
    subject: z.string().trim().min(1, 'Say what is to be quoted.').max(200),
    specification: z.string().trim().max(10_000).default(''),
    quantity: z.number().int('A quantity is a whole number.').min(1, 'Ask for at least one.').max(100_000).default(1),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code, e.g. EUR.').default('EUR'),
    supplierIds: z.array(recordIdSchema).min(1, 'Choose at least one supplier.').max(50),
    responseDue: planDateSchema,
    deliveryAddress: z.string().trim().max(1000).default(''),
    criteria: z.array(criterionSchema).min(1, 'Give at least one evaluation criterion.').max(20).default(defaultCriteria),
    evaluatorIds: z.array(recordIdSchema).min(1, 'Choose at least one evaluator.').max(20),
    /** Set by `equipment/rfq/send`, together with the status. */
    sentAt: z.string().max(40).optional(),
    awardedBidId: recordIdSchema.optional(),
    awardJustification: z.string().trim().max(5000).default(''),
    purchaseOrderId: recordIdSchema.optional(),
  })
  .refine((d) => new Set(d.criteria.map((c) => c.id)).size === d.criteria.length, { message: 'Two criteria share an id.', path: ['criteria'] });
export type RfqData = z.infer<typeof rfqData>;

export const rfqKind = defineRecordKind<RfqData>({
  kind: 'rfq',
  module: 'equipment',
  label: 'Request for quotation',
  pluralLabel: 'Requests for quotation',
  version: 1,
  data: rfqData as z.ZodType<RfqData>,
  title: (d) => d.subject,
  searchText: (d) => d.specification.slice(0, 500),
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'sent', label: 'Sent, awaiting bids', tone: 'info' },
    { id: 'evaluation', label: 'In evaluation', tone: 'warning' },
    { id: 'awarded', label: 'Awarded', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'sent', label: 'Send to suppliers', who: procurement, requires: ['sentAt'] },
    { from: ['sent'], to: 'evaluation', label: 'Close bidding and evaluate', who: procurement },
    { from: ['evaluation'], to: 'awarded', label: 'Award', who: procurementManager, requires: ['awardedBidId'] },
    { from: ['draft', 'sent', 'evaluation'], to: 'cancelled', label: 'Cancel RFQ', who: procurement, needsReason: true },
  ],
  number: { prefix: 'RFQ', isYearly: true },
  columns: { parentId: (d) => d.purchaseRequestId, date: (d) => d.responseDue },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'subject', label: 'Subject', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'purchaseRequestId', label: 'Purchase request', type: 'record', recordKind: 'purchase_request', isDefaultColumn: true },
    { field: 'responseDue', label: 'Bids due', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'quantity', label: 'Quantity', type: 'number', isEditable: true },
    { field: 'specification', label: 'Specification', type: 'text', isEditable: true, isMultiline: true },
    { field: 'deliveryAddress', label: 'Delivery address', type: 'text', isEditable: true, isMultiline: true },
    { field: 'awardJustification', label: 'Award justification', type: 'text', isMultiline: true },
  ],
  links: { parent: 'purchase_request', related: ['purchase_order'] },
  create: procurement,
  edit: [
    { fields: ['subject', 'specification', 'quantity', 'currency', 'supplierIds', 'responseDue', 'deliveryAddress', 'criteria', 'evaluatorIds', 'sentAt'], who: procurement, inStatuses: ['draft'] },
    { fields: ['responseDue', 'evaluatorIds'], who: procurement, inStatuses: ['sent'] },
    { fields: ['awardedBidId', 'awardJustification'], who: procurementManager, inStatuses: ['evaluation'] },
    { fields: ['purchaseOrderId'], who: procurement, inStatuses: ['evaluation'] },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  invariant: {
    reads: (d, record) => ({
      ids: [{ collection: 'records', id: d.purchaseRequestId }],
      ...(record.status === 'awarded' ? { byParent: [{ kind: 'bid', parentId: record.id }, { kind: 'bid_evaluation', parentId: record.id }] } : {}),
    }),
    check({ record, previous, lookup }) {
      if (!previous) {
        const request = lookup.get('records', record.data.purchaseRequestId);
        if (request?.kind !== 'purchase_request') return { message: 'Choose the purchase request this RFQ is for.', field: 'data.purchaseRequestId' };
        if (request.status !== 'approved') return { message: `An RFQ is sent for an approved purchase request; ${String(request.number || request.title)} is not approved.`, field: 'data.purchaseRequestId' };
      }
      if (record.status !== 'awarded' || previous?.status === 'awarded') return null;
      const bids = lookup.byParent('bid', record.id).filter((b) => b.status !== 'withdrawn');
      const awarded = bids.find((b) => b.id === record.data.awardedBidId);
      if (!awarded) return { message: 'Award one of the bids received for this RFQ.', field: 'data.awardedBidId' };
      const evaluations = lookup.byParent('bid_evaluation', record.id).map((e) => ({
        evaluatorId: String(e.personId ?? ''),
        scores: (((e.data as { scores?: Score[] } | undefined)?.scores) ?? []) as Score[],
      }));
      const matrix = evaluationMatrix(record.data.criteria, bids.map((b) => String(b.id)), evaluations);
      if (needsAwardJustification(matrix, String(awarded.id)) && record.data.awardJustification.trim().length < 20) {
        return { message: 'This bid is not the top score of the evaluation: write why it is awarded (at least 20 characters).', field: 'data.awardJustification' };
      }
      return null;
    },
  },
});
