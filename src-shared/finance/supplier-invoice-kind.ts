import { z } from 'zod';
import { checkTotal, currencySchema, quotationLineSchema } from '../crm/quotation-lines';
import { codeLabel } from '../format/code-label';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { budgetCategorySchema } from '../projects/plan-item-model';
import { defineRecordKind } from '../records/record-kind';
import { receivablesTeam } from './finance-who';
import { paidTo, type Allocation } from './receivables';
import { supplierInvoiceProblem } from './supplier-invoice-checks';

/**
 * A supplier's invoice to the lab (payables): the supplier, their invoice number, lines with tax in
 * the invoice's one currency, the due date, the purchase order it bills (if any) and the budget it is
 * charged to (a project or a department, by category — copied from the order when there is one).
 * received → approved (finance checked it; from now on it counts as *actual* in the budget and
 * replaces the order's commitment) → paid (by outgoing payments allocated to it, the same
 * payment/allocation machinery as customers' invoices); a wrong one is rejected with a reason.
 * Numbered `SIN-<year>-<n>` (the lab's own register number; the supplier's number is kept beside it).
 */
export const supplierInvoiceData = z
  .object({
    supplierId: recordIdSchema,
    purchaseOrderId: recordIdSchema.optional(),
    /** The supplier's own invoice number, as printed on it. */
    supplierReference: z.string().trim().min(1, 'Enter the supplier’s invoice number.').max(100, 'At most 100 characters.'),
    invoiceDate: planDateSchema,
    dueOn: planDateSchema,
    currency: currencySchema,
    lines: z.array(quotationLineSchema).min(1, 'A supplier invoice has at least one line.').max(500),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    /** Gross total; must equal what the lines add up to. */
    total: moneySchema,
    projectId: recordIdSchema.optional(),
    departmentId: recordIdSchema.optional(),
    budgetCategory: budgetCategorySchema.optional(),
    notes: z.string().trim().max(5000).default(''),
  })
  .superRefine((d, ctx) => {
    checkTotal(d, ctx);
    if (d.dueOn < d.invoiceDate) ctx.addIssue({ code: 'custom', message: 'The due date cannot be before the invoice date.', path: ['dueOn'] });
    if (d.projectId && d.departmentId) ctx.addIssue({ code: 'custom', message: 'Charge it to a project or to a department, not both.', path: ['departmentId'] });
    if ((d.projectId || d.departmentId) && !d.budgetCategory) ctx.addIssue({ code: 'custom', message: 'Choose the budget category it is charged to.', path: ['budgetCategory'] });
    if (d.budgetCategory && !d.projectId && !d.departmentId) ctx.addIssue({ code: 'custom', message: 'Choose the project or department whose budget pays it.', path: ['projectId'] });
  });
export type SupplierInvoiceData = z.infer<typeof supplierInvoiceData>;

const enteredFields = ['supplierId', 'purchaseOrderId', 'supplierReference', 'invoiceDate', 'dueOn', 'currency', 'lines', 'taxRounding', 'total', 'projectId', 'departmentId', 'budgetCategory', 'notes'];
const budgetCategoryChoices = budgetCategorySchema.options.map((value) => ({ value, label: codeLabel(value) }));

export const supplierInvoiceKind = defineRecordKind<SupplierInvoiceData>({
  kind: 'supplier_invoice',
  module: 'finance',
  label: 'Supplier invoice',
  pluralLabel: 'Supplier invoices',
  version: 1,
  data: supplierInvoiceData as z.ZodType<SupplierInvoiceData>,
  title: (d) => d.lines.map((l) => l.description).join(', ').slice(0, 200),
  searchText: (d) => `${d.supplierReference} ${d.notes}`,
  statuses: [
    { id: 'received', label: 'Received', tone: 'info' },
    { id: 'approved', label: 'Approved for payment', tone: 'warning', isReadOnly: true },
    { id: 'paid', label: 'Paid', tone: 'success', isReadOnly: true },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
  ],
  initialStatus: 'received',
  transitions: [
    { from: ['received'], to: 'approved', label: 'Approve for payment', who: receivablesTeam },
    { from: ['received'], to: 'rejected', label: 'Reject', who: receivablesTeam, needsReason: true },
    // Paid follows the outgoing payments allocated to it (`finance/supplier-invoices/pay`, and back
    // when one is voided), never a button.
    { from: ['approved'], to: 'paid', label: 'Mark as paid', who: receivablesTeam, isFollowingData: true },
    { from: ['paid'], to: 'approved', label: 'Back to approved', who: receivablesTeam, isFollowingData: true },
  ],
  number: { prefix: 'SIN', isYearly: true },
  columns: { parentId: (d) => d.supplierId, date: (d) => d.dueOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'supplierId', label: 'Supplier', type: 'record', recordKind: 'supplier', isDefaultColumn: true, isRequired: true },
    { field: 'supplierReference', label: 'Supplier’s invoice number', type: 'text', isDefaultColumn: true },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'invoiceDate', label: 'Invoice date', type: 'date', isDefaultColumn: true },
    { field: 'dueOn', label: 'Due on', type: 'date', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'purchaseOrderId', label: 'Purchase order', type: 'record', recordKind: 'purchase_order' },
    { field: 'projectId', label: 'Project charged', type: 'record', recordKind: 'project' },
    { field: 'budgetCategory', label: 'Budget category', type: 'choice', choices: budgetCategoryChoices },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'supplier', related: ['purchase_order', 'payment'] },
  readScope: receivablesTeam,
  create: receivablesTeam,
  edit: [{ fields: enteredFields, who: receivablesTeam, inStatuses: ['received'] }],
  remove: { who: receivablesTeam, inStatuses: ['received'] },
  invariant: {
    // The supplier's payments (one may settle several of its invoices) and the order it bills.
    reads: (d) => ({ byParent: [{ kind: 'payment', parentId: d.supplierId }], ids: d.purchaseOrderId ? [{ collection: 'records', id: d.purchaseOrderId }] : [] }),
    check: ({ record, previous, lookup }) => {
      const payments = lookup.byParent('payment', record.data.supplierId) as unknown as { id: string; status?: string; data: { allocations?: Allocation[] } }[];
      const order = record.data.purchaseOrderId ? (lookup.get('records', record.data.purchaseOrderId) as { kind: string; data: { supplierId: string; currency: string } } | null) : null;
      return supplierInvoiceProblem({
        status: record.status,
        previousStatus: previous?.status,
        orderChanged: record.data.purchaseOrderId !== (previous?.data as SupplierInvoiceData | undefined)?.purchaseOrderId,
        supplierId: record.data.supplierId,
        currency: record.data.currency,
        totalMinor: record.data.total.amountMinor,
        paidMinor: paidTo(record.id, payments),
        order: record.data.purchaseOrderId ? (order && order.kind === 'purchase_order' ? order.data : null) : undefined,
      });
    },
  },
});
