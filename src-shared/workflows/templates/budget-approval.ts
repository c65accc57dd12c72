import type { WorkflowDefinition } from '../definition-schema';

/**
 * Multi-level budget approval: the amount (integer minor units, variable `amount`) decides how many
 * levels must approve. Up to 5,000.00 the head of department alone; up to 50,000.00 the head, then
 * finance; above that the head, finance and an administrator acting as director.
 */
export const budgetApproval: WorkflowDefinition = {
  workflow_code: 'BUDGET_APPROVAL',
  name: 'Budget Approval',
  category: 'Finance',
  description: 'Budget requests approved by more levels as the amount grows.',
  steps: [
    { step_id: 'submit', name: 'Submit budget request', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['route_by_amount'] },
    {
      step_id: 'route_by_amount',
      name: 'Route by amount',
      type: 'decision',
      routing: {
        rules: [
          { when: { var: 'amount', op: 'gt', value: 5_000_000 }, go: 'director_approval' },
          { when: { var: 'amount', op: 'gt', value: 500_000 }, go: 'finance_approval' },
        ],
        default: 'head_approval',
      },
    },
    {
      step_id: 'head_approval',
      name: 'Head of department approval',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'department_head',
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
    },
    {
      step_id: 'finance_approval',
      name: 'Head of department and finance approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Head of department', assignee_type: 'role', assignee_value: 'department_head' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
    },
    {
      step_id: 'director_approval',
      name: 'Head of department, finance and director approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Head of department', assignee_type: 'role', assignee_value: 'department_head' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance', quorum: 'n_of_m', n: 2, m: 3 },
          { name: 'Director', assignee_type: 'role', assignee_value: 'admin' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
    },
    {
      step_id: 'notify_approved',
      name: 'Tell the requester it is approved',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'requester_id',
      message: 'Your budget request was approved.',
      next_steps: ['approved'],
    },
    {
      step_id: 'notify_rejected',
      name: 'Tell the requester it is rejected',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'requester_id',
      message: 'Your budget request was rejected.',
      next_steps: ['rejected'],
    },
    { step_id: 'approved', name: 'Approved', type: 'end' },
    { step_id: 'rejected', name: 'Rejected', type: 'end', outcome: 'rejected' },
  ],
  initial_step: 'submit',
  sla_config: {
    head_approval: {
      duration_hours: 16,
      escalation_rules: [
        { at_percent: 75, action: 'notify', to_type: 'role', to_value: 'department_head' },
        { after_breach_hours: 8, action: 'reassign', to_type: 'role', to_value: 'admin' },
      ],
    },
    finance_approval: { duration_hours: 24 },
    director_approval: { duration_hours: 40 },
  },
  working_calendar: { weekdays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '17:00' }, holidays: [] },
};
