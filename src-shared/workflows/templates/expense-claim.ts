import type { WorkflowDefinition } from '../definition-schema';

/**
 * Expense claim: the claimant's own head of department approves (resolved from the directory when
 * the step starts: `requester_department_head`), may send it back for changes, then finance checks
 * and pays.
 */
export const expenseClaim: WorkflowDefinition = {
  workflow_code: 'EXPENSE_CLAIM',
  name: 'Expense Claim',
  category: 'Finance',
  description: 'An employee claims expenses; their head of department and finance approve, finance pays.',
  steps: [
    { step_id: 'submit', name: 'Submit claim with receipts', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['manager_approval'] },
    {
      step_id: 'manager_approval',
      name: 'Head of department approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'requester_department_head',
      conditions: { approve: ['finance_review'], reject: [], request_changes: ['submit'] },
    },
    {
      step_id: 'finance_review',
      name: 'Finance review',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'finance',
      require_signature: true,
      conditions: { approve: ['payment'], reject: [], request_changes: ['submit'] },
    },
    { step_id: 'payment', name: 'Pay the claim', type: 'task', assignee_type: 'role', assignee_value: 'finance', next_steps: ['notify_paid'] },
    {
      step_id: 'notify_paid',
      name: 'Tell the claimant it is paid',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'requester_id',
      message: 'Your expense claim has been paid.',
      next_steps: ['done'],
    },
    { step_id: 'done', name: 'Paid', type: 'end' },
  ],
  initial_step: 'submit',
  sla_config: {
    manager_approval: { duration_hours: 48, escalation_rules: [{ after_breach_hours: 0, action: 'notify', to_type: 'role', to_value: 'finance' }] },
    finance_review: { duration_hours: 72 },
    payment: { duration_hours: 120 },
  },
};
