import { z } from 'zod';
import { moneySchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { budgetReads, checkBudget } from './budget-checks';
import { budgetLineSchema, budgetTotalMinor } from './budget-lines';
import { finance } from './finance-who';

/**
 * A yearly budget of a department or a project, by category (src-shared/finance/README.md).
 * Its holder (a head of the department, the project's manager) drafts it, then BUDGET_APPROVAL runs
 * against it: the holder submits, their manager approves — above the workflow's amount finance
 * too, and above a higher one a director — and the outcome approves it or returns it to draft.
 * An approved budget is read-only: a change is a new version (`revisesId`, `version` + 1) that
 * goes through approval again; the latest approved version counts. Finance closes a year's budget.
 */
const budgetData = z
  .object({
    holder: z.enum(['department', 'project']),
    departmentId: recordIdSchema.optional(),
    projectId: recordIdSchema.optional(),
    /** Who holds the budget: a head of the department, or the project manager. */
    personId: recordIdSchema,
    /** The project's code and name or the department's name when the budget was started, for its title. */
    holderName: z.string().trim().max(200).default(''),
    year: z.number().int('Enter a year like 2027.').min(2000, 'Enter a year like 2027.').max(2100, 'Enter a year like 2027.'),
    lines: z.array(budgetLineSchema).max(50, 'At most 50 lines.').default([]),
    /** The sum of the lines, kept so registers show it and the workflow routes by it (`record.total.amountMinor`). */
    total: moneySchema,
    version: z.number().int().min(1).max(1000).default(1),
    revisesId: recordIdSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.holder === 'project' && !d.projectId) ctx.addIssue({ code: 'custom', message: 'Choose the project this budget is for.', path: ['projectId'] });
    if (d.holder === 'department' && !d.departmentId) ctx.addIssue({ code: 'custom', message: 'Choose the department this budget is for.', path: ['departmentId'] });
    if (d.total.amountMinor !== budgetTotalMinor(d.lines)) ctx.addIssue({ code: 'custom', message: 'The total must be the sum of the lines.', path: ['total'] });
  });
export type BudgetData = z.infer<typeof budgetData>;

const holderLabel = { department: 'Department', project: 'Project' } as const;

export const budgetKind = defineRecordKind<BudgetData>({
  kind: 'budget',
  module: 'finance',
  label: 'Budget',
  pluralLabel: 'Budgets',
  version: 1,
  data: budgetData as z.ZodType<BudgetData>,
  title: (d) => `${holderLabel[d.holder]} budget ${d.year}${d.holderName ? ` for ${d.holderName}` : ''}${d.version > 1 ? `, version ${d.version}` : ''}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'in_approval', label: 'In approval', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success', isReadOnly: true },
    { id: 'closed', label: 'Closed', isReadOnly: true },
    { id: 'cancelled', label: 'Withdrawn', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'in_approval', label: 'Submit', who: 'workflow' },
    { from: ['in_approval'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['in_approval'], to: 'draft', label: 'Return to draft', who: 'workflow' },
    { from: ['approved'], to: 'closed', label: 'Close', who: finance, needsReason: true },
    { from: ['draft'], to: 'cancelled', label: 'Withdraw', who: { anyOf: ['subject', finance] }, needsReason: true },
  ],
  number: { prefix: 'BUD', isYearly: true },
  columns: { personId: (d) => d.personId, departmentId: (d) => d.departmentId, date: (d) => `${d.year}-01-01` },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'holder', label: 'For', type: 'choice', choices: [{ value: 'department', label: 'A department' }, { value: 'project', label: 'A project' }], isDefaultColumn: true },
    { field: 'year', label: 'Year', type: 'number', isDefaultColumn: true },
    { field: 'personId', label: 'Budget holder', type: 'person', isDefaultColumn: true },
    { field: 'projectId', label: 'Project', type: 'text' },
    { field: 'departmentId', label: 'Department', type: 'text' },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'version', label: 'Version', type: 'number', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  readScope: { anyOf: [finance, 'admin', 'subject', 'manager'] },
  create: { anyOf: ['subject', finance] },
  edit: [{ fields: ['lines', 'total'], who: { anyOf: ['subject', finance] }, inStatuses: ['draft'] }],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['BUDGET_APPROVAL'],
  invariant: { reads: budgetReads, check: checkBudget },
});
