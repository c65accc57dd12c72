import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';

/**
 * A request to buy equipment (or anything the lab needs): the record the EQUIPMENT_PROCUREMENT
 * workflow runs against. The requester files and edits it while it is a draft; procurement staff
 * may correct the supplier and cost later; the approval itself is the workflow's (the spec's
 * "Manager Approval" step), never a button.
 */
const purchaseRequestData = z.object({
  itemName: z.string().trim().min(1, 'Say what should be bought.').max(200, 'At most 200 characters.'),
  description: z.string().trim().max(5000).default(''),
  justification: z.string().trim().max(5000).default(''),
  quantity: z.number().int('A quantity is a whole number.').min(1, 'Order at least one.').max(100_000).default(1),
  estimatedCost: moneySchema.optional(),
  supplierName: z.string().trim().max(200).default(''),
  neededBy: planDateSchema.optional(),
  requesterId: recordIdSchema,
  departmentId: z.string().max(40).optional(),
  projectId: recordIdSchema.optional(),
});
export type PurchaseRequestData = z.infer<typeof purchaseRequestData>;

const procurement = { roles: ['procurement_manager', 'procurement_officer'] } as const;

export const purchaseRequestKind = defineRecordKind<PurchaseRequestData>({
  kind: 'purchase_request',
  module: 'equipment',
  label: 'Purchase request',
  pluralLabel: 'Purchase requests',
  version: 1,
  data: purchaseRequestData as z.ZodType<PurchaseRequestData>,
  title: (d) => d.itemName,
  searchText: (d) => `${d.supplierName} ${d.description}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Submitted', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success' },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
    { id: 'ordered', label: 'Ordered', tone: 'info' },
    { id: 'received', label: 'Received', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', tone: 'default', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'submitted', label: 'Submit', who: { anyOf: ['subject', procurement] }, requires: ['itemName'] },
    { from: ['submitted'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['submitted'], to: 'rejected', label: 'Reject', who: 'workflow' },
    { from: ['approved'], to: 'ordered', label: 'Mark as ordered', who: procurement },
    { from: ['ordered'], to: 'received', label: 'Mark as received', who: procurement },
    { from: ['draft', 'submitted', 'approved'], to: 'cancelled', label: 'Cancel request', who: { anyOf: ['subject', procurement] }, needsReason: true },
  ],
  number: { prefix: 'PR', isYearly: true },
  columns: { personId: (d) => d.requesterId, departmentId: (d) => d.departmentId, date: (d) => d.neededBy },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'itemName', label: 'Item', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'quantity', label: 'Quantity', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'estimatedCost', label: 'Estimated cost', type: 'money', isDefaultColumn: true, isEditable: true },
    { field: 'supplierName', label: 'Supplier', type: 'text', isEditable: true },
    { field: 'neededBy', label: 'Needed by', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'requesterId', label: 'Requested by', type: 'person', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'description', label: 'Description', type: 'text', isEditable: true, isMultiline: true },
    { field: 'justification', label: 'Justification', type: 'text', isEditable: true, isMultiline: true },
    { field: 'updatedAt', label: 'Last changed', type: 'datetime' },
  ],
  links: { related: ['equipment'] },
  create: { anyOf: ['subject', procurement] },
  edit: [
    { fields: ['itemName', 'description', 'justification', 'quantity', 'neededBy', 'projectId', 'supplierName', 'estimatedCost'], who: { anyOf: ['subject', procurement] }, inStatuses: ['draft'] },
    { fields: ['supplierName', 'estimatedCost'], who: procurement, inStatuses: ['submitted', 'approved'] },
  ],
  remove: { who: { anyOf: ['creator', 'admin'] }, inStatuses: ['draft'] },
  workflows: ['PURCHASE_REQUEST', 'EQUIPMENT_PROCUREMENT'],
});
