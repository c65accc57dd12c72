import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { budgetCategorySchema } from '../projects/plan-item-model';
import { codeLabel } from '../format/code-label';
import { defineRecordKind } from '../records/record-kind';
import { procurement, procurementManager, qa } from './equipment-who';
import { orderLineSchema, orderTotals, receiptState } from './purchase-order-totals';

/**
 * A purchase order to a supplier, made by the award of a bid (or by hand): numbered lines, tax and
 * totals (the stored total is checked against the lines on host and server), a PDF with the
 * letterhead sent to the supplier. Its status follows the supplier and the deliveries: sent →
 * acknowledged → partly received → received. A goods receipt (`equipment/po/receive`) records the
 * quantities and creates an instrument record per unit of equipment received. An order charged to a
 * project's budget category (`projectId`, `budgetCategory`) counts as committed in that project's
 * budget from the day it is sent (src-shared/finance/committed-costs.ts).
 */
export const receiptSchema = z.object({
  id: recordIdSchema,
  receivedOn: planDateSchema,
  receivedById: recordIdSchema,
  lines: z.array(z.object({ lineId: recordIdSchema, quantity: z.number().int().min(1) })).min(1).max(200),
  /** The instruments created for it. */
  equipmentIds: z.array(recordIdSchema).max(1000).default([]),
  deliveryNote: z.string().trim().max(200).default(''),
});
export type GoodsReceipt = z.infer<typeof receiptSchema>;

const purchaseOrderData = z
  .object({
    supplierId: recordIdSchema,
    purchaseRequestId: recordIdSchema.optional(),
    rfqId: recordIdSchema.optional(),
    bidId: recordIdSchema.optional(),
    /** The project whose budget pays for the order, and the budget category it is charged to. */
    projectId: recordIdSchema.optional(),
    budgetCategory: budgetCategorySchema.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code, e.g. EUR.'),
    lines: z.array(orderLineSchema).min(1, 'An order has at least one line.').max(200),
    /** The gross total of the lines, kept for registers; must equal what the lines add up to. */
    total: moneySchema,
    deliveryAddress: z.string().trim().max(1000).default(''),
    deliveryDue: planDateSchema.optional(),
    paymentTerms: z.string().trim().max(200).default('30 days net'),
    notes: z.string().trim().max(5000).default(''),
    sentAt: z.string().max(40).optional(),
    acknowledgedOn: planDateSchema.optional(),
    receipts: z.array(receiptSchema).max(200).default([]),
  })
  .superRefine((d, ctx) => {
    if (d.projectId && !d.budgetCategory) ctx.addIssue({ code: 'custom', message: 'Choose the budget category the order is charged to.', path: ['budgetCategory'] });
    if (d.budgetCategory && !d.projectId) ctx.addIssue({ code: 'custom', message: 'Choose the project whose budget pays for the order.', path: ['projectId'] });
    if (d.total.currency !== d.currency) ctx.addIssue({ code: 'custom', message: `The total must be in ${d.currency}.`, path: ['total', 'currency'] });
    if (d.total.amountMinor !== orderTotals(d.lines).grossMinor) ctx.addIssue({ code: 'custom', message: 'The total does not add up to the lines.', path: ['total'] });
    for (const [i, line] of d.lines.entries()) {
      if (line.receivedQuantity > line.quantity) ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: more received than ordered.`, path: ['lines', i, 'receivedQuantity'] });
      const inReceipts = d.receipts.flatMap((r) => r.lines).filter((l) => l.lineId === line.id).reduce((n, l) => n + l.quantity, 0);
      if (inReceipts !== line.receivedQuantity) ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: the received quantity does not match the goods receipts.`, path: ['lines', i, 'receivedQuantity'] });
    }
  });
export type PurchaseOrderData = z.infer<typeof purchaseOrderData>;

const budgetCategoryChoices = budgetCategorySchema.options.map((value) => ({ value, label: codeLabel(value) }));

const receivers = { anyOf: [procurement, qa] } as const;

export const purchaseOrderKind = defineRecordKind<PurchaseOrderData>({
  kind: 'purchase_order',
  module: 'equipment',
  label: 'Purchase order',
  pluralLabel: 'Purchase orders',
  version: 1,
  data: purchaseOrderData as z.ZodType<PurchaseOrderData>,
  title: (d) => d.lines.map((l) => l.description).join(', ').slice(0, 200),
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'sent', label: 'Sent', tone: 'info' },
    { id: 'acknowledged', label: 'Acknowledged', tone: 'info' },
    { id: 'partly_received', label: 'Partly received', tone: 'warning' },
    { id: 'received', label: 'Received', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'sent', label: 'Send to supplier', who: procurement, requires: ['sentAt'] },
    { from: ['sent'], to: 'acknowledged', label: 'Supplier acknowledged', who: procurement, requires: ['acknowledgedOn'] },
    { from: ['sent', 'acknowledged', 'partly_received'], to: 'partly_received', label: 'Record goods receipt', who: receivers },
    { from: ['sent', 'acknowledged', 'partly_received'], to: 'received', label: 'Record goods receipt', who: receivers },
    { from: ['draft', 'sent', 'acknowledged'], to: 'cancelled', label: 'Cancel order', who: procurementManager, needsReason: true },
  ],
  number: { prefix: 'PO', isYearly: true },
  columns: { parentId: (d) => d.rfqId, date: (d) => d.deliveryDue },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'supplierId', label: 'Supplier', type: 'record', recordKind: 'supplier', isDefaultColumn: true },
    { field: 'title', label: 'Items', type: 'text', isDefaultColumn: true },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'deliveryDue', label: 'Delivery due', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'projectId', label: 'Project', type: 'record', recordKind: 'project' },
    { field: 'budgetCategory', label: 'Budget category', type: 'choice', choices: budgetCategoryChoices },
    { field: 'paymentTerms', label: 'Payment terms', type: 'text', isEditable: true },
    { field: 'deliveryAddress', label: 'Delivery address', type: 'text', isEditable: true, isMultiline: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'rfq', related: ['purchase_request', 'equipment'] },
  create: procurement,
  edit: [
    { fields: ['supplierId', 'currency', 'lines', 'total', 'deliveryAddress', 'deliveryDue', 'paymentTerms', 'notes', 'sentAt', 'projectId', 'budgetCategory'], who: procurement, inStatuses: ['draft'] },
    { fields: ['acknowledgedOn', 'deliveryDue', 'notes'], who: procurement, inStatuses: ['sent', 'acknowledged'] },
    // A charge booked to the wrong budget is corrected while the order is open (audited like every write).
    { fields: ['projectId', 'budgetCategory'], who: procurement, inStatuses: ['sent', 'acknowledged', 'partly_received'] },
    { fields: ['lines', 'receipts'], who: receivers, inStatuses: ['sent', 'acknowledged', 'partly_received'] },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  invariant: {
    // The status says how far deliveries are; the lines may change after sending only by a receipt.
    reads: (d) => ({ ids: d.projectId ? [{ collection: 'projects', id: d.projectId }] : [] }),
    check({ record, previous, lookup }) {
      if (record.data.projectId && record.data.projectId !== (previous?.data as PurchaseOrderData | undefined)?.projectId && !lookup.get('projects', record.data.projectId)) {
        return { message: 'The project to charge no longer exists; choose another.', field: 'data.projectId' };
      }
      const state = receiptState(record.data.lines);
      if (record.status === 'received' && state !== 'all') return { message: 'The order is received only when every line is.', field: 'status' };
      if (record.status === 'partly_received' && state !== 'partly') return { message: state === 'all' ? 'Everything is received: mark the order received.' : 'Nothing has been received yet.', field: 'status' };
      if (previous && previous.status !== 'draft') {
        const before = (previous.data as PurchaseOrderData).lines;
        const changed = record.data.lines.some((line, i) => {
          const old = before[i];
          return !old || old.id !== line.id || old.quantity !== line.quantity || old.unitPriceMinor !== line.unitPriceMinor || old.description !== line.description || old.taxRatePercent !== line.taxRatePercent;
        });
        if (changed || before.length !== record.data.lines.length) return { message: 'A sent order’s lines no longer change; cancel it and order again.', field: 'data.lines' };
      }
      return null;
    },
  },
});
