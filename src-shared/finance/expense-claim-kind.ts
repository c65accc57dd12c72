import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { formatMoney } from '../format/display-format';
import { recordTextPlace } from '../hr/hr-who';
import { checkExpenseClaim, expenseClaimReads } from './expense-claim-checks';
import { claimTotalMinor, expenseLineSchema } from './expense-lines';
import { finance } from './finance-who';

/**
 * An expense claim: a person's lines of money spent for the lab (src-shared/finance/README.md).
 * Filled in as a draft (receipts attached to it), then the EXPENSE_CLAIM workflow runs against it:
 * the claimant submits (finance's policy is enforced at that move, expense-claim-checks.ts), the
 * manager approves — above the workflow's amount finance approves too — and finance reimburses it:
 * an outgoing payment recorded against the claim (`finance/expenses/reimburse`), then the
 * workflow's payment step with its date and bank reference makes the claim reimbursed. Every decision is a
 * workflow move, never a button. Claimants read their own claims, managers those of the people
 * they manage (whose claims they approve), finance all.
 */
const claimData = z
  .object({
    personId: recordIdSchema,
    purpose: z.string().trim().min(1, 'Say what the claim is for, e.g. the trip or the purchase.').max(200, 'At most 200 characters.'),
    lines: z.array(expenseLineSchema).max(100, 'At most 100 lines; split the claim.').default([]),
    /**
     * The sum of the lines in the claim's currency (every line is in it), kept so registers show it
     * and workflows route by it (`record.total.amountMinor`); must equal the lines.
     */
    total: moneySchema,
    reimbursedOn: planDateSchema.optional(),
    reimbursementReference: z.string().trim().max(80).default(''),
  })
  .superRefine((d, ctx) => {
    d.lines.forEach((line, i) => {
      if (line.currency !== d.total.currency) ctx.addIssue({ code: 'custom', message: `Claim every line in ${d.total.currency}; put ${line.currency} receipts on a claim of their own.`, path: ['lines', i, 'currency'] });
    });
    if (d.total.amountMinor !== claimTotalMinor(d.lines)) ctx.addIssue({ code: 'custom', message: 'The total must be the sum of the lines.', path: ['total'] });
  });
export type ExpenseClaimData = z.infer<typeof claimData>;

export const expenseClaimKind = defineRecordKind<ExpenseClaimData>({
  kind: 'expense_claim',
  module: 'finance',
  label: 'Expense claim',
  pluralLabel: 'Expense claims',
  version: 1,
  data: claimData as z.ZodType<ExpenseClaimData>,
  // One fixed locale for the amount: host and server must stamp the same title.
  title: (d) => `${d.purpose} (${formatMoney(d.total.amountMinor, d.total.currency, recordTextPlace)})`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Submitted', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success' },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
    { id: 'reimbursed', label: 'Reimbursed', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Withdrawn', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'submitted', label: 'Submit', who: 'workflow' },
    { from: ['submitted'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['submitted'], to: 'rejected', label: 'Reject', who: 'workflow' },
    { from: ['approved'], to: 'reimbursed', label: 'Reimburse', who: 'workflow', requires: ['reimbursedOn', 'reimbursementReference'] },
    { from: ['draft'], to: 'cancelled', label: 'Withdraw', who: { anyOf: ['subject', finance] }, needsReason: true },
  ],
  number: { prefix: 'EXP', isYearly: true },
  columns: { personId: (d) => d.personId, date: (d) => d.lines[0]?.date },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'personId', label: 'Claimant', type: 'person', isDefaultColumn: true },
    { field: 'purpose', label: 'Purpose', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'total', label: 'Total', type: 'money', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'reimbursedOn', label: 'Reimbursed on', type: 'date', isDefaultColumn: true },
    { field: 'reimbursementReference', label: 'Payment reference', type: 'text' },
  ],
  links: { related: ['purchase_order'] },
  readScope: { anyOf: [finance, 'subject', 'manager'] },
  create: 'subject',
  edit: [
    { fields: ['purpose', 'lines', 'total'], who: 'subject', inStatuses: ['draft'] },
    { fields: ['reimbursedOn', 'reimbursementReference'], who: finance, inStatuses: ['approved'] },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['EXPENSE_CLAIM'],
  invariant: { reads: (d, r) => expenseClaimReads(d, r.id), check: checkExpenseClaim },
});
