import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesManager, salesOrFinance, salesOrOwner } from './crm-who';
import { orderLinesProblem } from './order-from-quotation';
import { checkTotal, currencySchema, quotationLineSchema } from './quotation-lines';

/**
 * A sales order, made from an accepted quotation (lines copied, linked both ways: `quotationId` here,
 * `orderId` there, plus a record link) or by hand. Its fulfilment follows what was delivered per
 * line: open → in progress → fulfilled. A service order may start a project from a template
 * (`projectId`). Invoices and payments are the finance module's and are shown on the order read-only
 * (order-finance.ts). Read by sales, the owner and finance.
 */
export const orderLineSchema = quotationLineSchema.extend({
  deliveredQuantity: z.number().min(0).max(100_000).default(0),
});

const salesOrderData = z
  .object({
    organisationId: recordIdSchema,
    contactId: recordIdSchema.optional(),
    quotationId: recordIdSchema.optional(),
    opportunityId: recordIdSchema.optional(),
    ownerId: recordIdSchema,
    currency: currencySchema,
    lines: z.array(orderLineSchema).min(1, 'An order has at least one line.').max(500),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    total: moneySchema,
    /** The customer's purchase order number. */
    customerReference: z.string().trim().max(100).default(''),
    orderedOn: planDateSchema,
    deliveryDue: planDateSchema.optional(),
    isServiceOrder: z.boolean().default(false),
    projectId: recordIdSchema.optional(),
    notes: z.string().trim().max(5000).default(''),
    cancelReason: z.string().trim().max(1000).default(''),
  })
  .superRefine((d, ctx) => {
    checkTotal(d, ctx);
    for (const [i, line] of d.lines.entries()) {
      if (line.deliveredQuantity > line.quantity) ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: more delivered than ordered.`, path: ['lines', i, 'deliveredQuantity'] });
    }
  });
export type SalesOrderData = z.infer<typeof salesOrderData>;

/** Where delivery stands, from the lines: nothing yet, some, or everything ordered. */
export function fulfilmentOf(lines: readonly { quantity: number; deliveredQuantity: number }[]): 'none' | 'partly' | 'all' {
  if (lines.every((l) => l.deliveredQuantity === 0)) return 'none';
  return lines.every((l) => l.deliveredQuantity >= l.quantity) ? 'all' : 'partly';
}

export const salesOrderKind = defineRecordKind<SalesOrderData>({
  kind: 'sales_order',
  module: 'crm',
  label: 'Sales order',
  pluralLabel: 'Sales orders',
  version: 1,
  data: salesOrderData as z.ZodType<SalesOrderData>,
  title: (d) => d.lines.map((l) => l.description).join(', ').slice(0, 200),
  statuses: [
    { id: 'open', label: 'Open', tone: 'info' },
    { id: 'in_progress', label: 'In progress', tone: 'info' },
    { id: 'fulfilled', label: 'Fulfilled', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'open',
  transitions: [
    { from: ['open'], to: 'in_progress', label: 'Start', who: salesOrOwner },
    { from: ['open', 'in_progress'], to: 'fulfilled', label: 'Mark as fulfilled', who: salesOrOwner },
    { from: ['open', 'in_progress'], to: 'cancelled', label: 'Cancel', who: salesManager, needsReason: true, requires: ['cancelReason'] },
  ],
  number: { prefix: 'SO', isYearly: true },
  columns: { parentId: (d) => d.organisationId, ownerId: (d) => d.ownerId, date: (d) => d.deliveryDue ?? d.orderedOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'organisationId', label: 'Customer', type: 'record', recordKind: 'organisation', isDefaultColumn: true, isRequired: true },
    { field: 'quotationId', label: 'Quotation', type: 'record', recordKind: 'quotation', isDefaultColumn: true },
    { field: 'customerReference', label: 'Customer reference', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'orderedOn', label: 'Ordered on', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'deliveryDue', label: 'Delivery due', type: 'date', isEditable: true },
    { field: 'ownerId', label: 'Owner', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'isServiceOrder', label: 'Service order', type: 'boolean', isEditable: true },
    { field: 'status', label: 'Fulfilment', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'organisation', related: ['quotation', 'opportunity'] },
  readScope: salesOrFinance,
  create: salesOrOwner,
  edit: [
    { fields: ['contactId', 'ownerId', 'customerReference', 'orderedOn', 'deliveryDue', 'isServiceOrder', 'projectId', 'notes', 'lines'], who: salesOrOwner, inStatuses: ['open', 'in_progress'] },
    { fields: ['cancelReason'], who: salesManager, inStatuses: ['open', 'in_progress'] },
    // The organisation merge moves orders to the survivor.
    { fields: ['organisationId'], who: salesManager },
  ],
  remove: { who: salesManager, inStatuses: ['open'] },
  invariant: {
    reads: () => ({}),
    check: ({ record, previous }) => {
      if (!previous) return null;
      const before = (previous.data as { lines?: Record<string, unknown>[] }).lines ?? [];
      const problem = orderLinesProblem(before, record.data.lines);
      return problem ? { message: problem, field: 'data.lines' } : null;
    },
  },
});
