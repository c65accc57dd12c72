import type { WorkflowDefinition } from '../definition-schema';

/**
 * Expense claim, run on the claimant's expense claim record (src-shared/finance/expense-claim-kind.ts):
 * they submit it (finance's policy is enforced at that move), their manager approves; above
 * 250.00 in the claim's currency (`record.total.amountMinor`, minor units) finance approves as a
 * second level. Finance then pays it and records the payment date and reference on the claim,
 * which becomes reimbursed once its reimbursement payment is recorded (Finance → Payments,
 * src-shared/finance/reimbursement.ts), and the claimant is told.
 */
export const expenseClaim: WorkflowDefinition = {
  workflow_code: 'EXPENSE_CLAIM',
  name: 'Expense Claim',
  category: 'Finance',
  description: 'An employee claims expenses; their manager (and finance above an amount) approve, finance pays.',
  record_kind: 'expense_claim',
  steps: [
    {
      step_id: 'submit',
      name: 'Submit claim with receipts',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['route_by_amount'],
      form: [{ key: 'receipts_complete', label: 'The receipts attached are the originals, and nothing was claimed before', type: 'checkbox', required: true }],
      record_effects: { complete: { status: 'submitted' } },
    },
    {
      step_id: 'route_by_amount',
      name: 'Route by amount',
      type: 'decision',
      routing: { rules: [{ when: { var: 'record.total.amountMinor', op: 'gt', value: 25_000 }, go: 'manager_and_finance_approval' }], default: 'manager_approval' },
    },
    {
      step_id: 'manager_approval',
      name: 'Manager approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'record.manager',
      conditions: { approve: ['payment'], reject: ['notify_rejected'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'manager_and_finance_approval',
      name: 'Manager and finance approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Manager', assignee_type: 'variable', assignee_value: 'record.manager' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['payment'], reject: ['notify_rejected'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'payment',
      name: 'Pay the claim',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'finance',
      next_steps: ['notify_paid'],
      form: [
        { key: 'reimbursed_on', label: 'Paid on', type: 'date', required: true, to: 'record.reimbursedOn' },
        { key: 'payment_reference', label: 'Bank payment reference', type: 'text', required: true, max_length: 80, to: 'record.reimbursementReference' },
      ],
      record_effects: { complete: { status: 'reimbursed' } },
    },
    {
      step_id: 'notify_paid',
      name: 'Tell the claimant it is paid',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      message: 'Your expense claim has been paid.',
      next_steps: ['done'],
    },
    {
      step_id: 'notify_rejected',
      name: 'Tell the claimant it is rejected',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      message: 'Your expense claim was rejected.',
      next_steps: ['rejected'],
    },
    { step_id: 'done', name: 'Paid', type: 'end' },
    { step_id: 'rejected', name: 'Rejected', type: 'end', outcome: 'rejected' },
  ],
  initial_step: 'submit',
  sla_config: {
    manager_approval: { duration_hours: 48, escalation_rules: [{ after_breach_hours: 0, action: 'notify', to_type: 'role', to_value: 'finance' }] },
    manager_and_finance_approval: { duration_hours: 72 },
    payment: { duration_hours: 120 },
  },
};
