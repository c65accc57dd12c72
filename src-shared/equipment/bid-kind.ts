import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { formatMoney } from './purchase-order-totals';
import { procurement, procurementManager } from './equipment-who';

/**
 * A supplier's bid on an RFQ: unit price, delivery time, warranty and how far it meets the
 * specification, with the quotation itself as an attachment. Only suppliers the RFQ was sent to may
 * bid, while it is open; the award (`equipment/rfq/award`) marks it awarded or not.
 */
export const complianceLevels = [
  { value: 'full', label: 'Meets the specification' },
  { value: 'partial', label: 'Partly meets it' },
  { value: 'none', label: 'Does not meet it' },
] as const;

const bidData = z.object({
  rfqId: recordIdSchema,
  supplierId: recordIdSchema,
  receivedOn: planDateSchema,
  /** Per unit: the order line takes it times the RFQ's quantity. */
  price: moneySchema,
  deliveryDays: z.number().int('Whole days.').min(0).max(3650),
  warrantyMonths: z.number().int('Whole months.').min(0).max(600).default(12),
  specificationCompliance: z.enum(['full', 'partial', 'none']).default('full'),
  complianceNotes: z.string().trim().max(5000).default(''),
  validUntil: planDateSchema.optional(),
  /** The supplier's own quotation number. */
  supplierReference: z.string().trim().max(100).default(''),
});
export type BidData = z.infer<typeof bidData>;

export const bidKind = defineRecordKind<BidData>({
  kind: 'bid',
  module: 'equipment',
  label: 'Bid',
  pluralLabel: 'Bids',
  version: 1,
  data: bidData as z.ZodType<BidData>,
  title: (d) => `Bid of ${formatMoney(d.price.amountMinor, d.price.currency)} per unit`,
  searchText: (d) => d.supplierReference,
  statuses: [
    { id: 'received', label: 'Received', tone: 'info' },
    { id: 'awarded', label: 'Awarded', tone: 'success', isReadOnly: true },
    { id: 'not_awarded', label: 'Not awarded', isReadOnly: true },
    { id: 'withdrawn', label: 'Withdrawn', isReadOnly: true },
  ],
  initialStatus: 'received',
  transitions: [
    { from: ['received'], to: 'awarded', label: 'Award', who: procurementManager },
    { from: ['received'], to: 'not_awarded', label: 'Not awarded', who: procurementManager },
    { from: ['received'], to: 'withdrawn', label: 'Withdrawn by the supplier', who: procurement, needsReason: true },
  ],
  number: { prefix: 'BID', isYearly: true },
  columns: { parentId: (d) => d.rfqId, date: (d) => d.receivedOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'supplierId', label: 'Supplier', type: 'record', recordKind: 'supplier', isDefaultColumn: true },
    { field: 'price', label: 'Unit price', type: 'money', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'deliveryDays', label: 'Delivery (days)', type: 'number', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'warrantyMonths', label: 'Warranty (months)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'specificationCompliance', label: 'Specification', type: 'choice', choices: complianceLevels, isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'receivedOn', label: 'Received on', type: 'date', isEditable: true },
    { field: 'supplierReference', label: 'Supplier reference', type: 'text', isEditable: true },
    { field: 'complianceNotes', label: 'Compliance notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'rfq' },
  create: procurement,
  edit: [{ fields: ['receivedOn', 'price', 'deliveryDays', 'warrantyMonths', 'specificationCompliance', 'complianceNotes', 'validUntil', 'supplierReference'], who: procurement, inStatuses: ['received'] }],
  remove: { who: procurement, inStatuses: ['received'] },
  invariant: {
    reads: (d) => ({ ids: [{ collection: 'records', id: d.rfqId }], byParent: [{ kind: 'bid', parentId: d.rfqId }] }),
    check({ record, previous, lookup }) {
      if (previous) return null;
      const rfq = lookup.get('records', record.data.rfqId);
      if (rfq?.kind !== 'rfq') return { message: 'Choose the RFQ this bid answers.', field: 'data.rfqId' };
      if (rfq.status !== 'sent' && rfq.status !== 'evaluation') return { message: `Bids are recorded while ${String(rfq.number || 'the RFQ')} is open for bids.`, field: 'data.rfqId' };
      const suppliers = ((rfq.data as { supplierIds?: string[] } | undefined)?.supplierIds ?? []) as string[];
      if (!suppliers.includes(record.data.supplierId)) return { message: `${String(rfq.number || 'The RFQ')} was not sent to this supplier.`, field: 'data.supplierId' };
      const twice = lookup.byParent('bid', record.data.rfqId).some((b) => b.id !== record.id && b.status !== 'withdrawn' && (b.data as { supplierId?: string }).supplierId === record.data.supplierId);
      return twice ? { message: 'This supplier has a bid on the RFQ already; change that one instead.', field: 'data.supplierId' } : null;
    },
  },
});
