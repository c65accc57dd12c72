import type { WorkflowDefinition } from '../definition-schema';

/**
 * Budget approval, run on a budget record (src-shared/finance/budget-kind.ts): its holder submits it
 * (it goes into approval), and the total (`record.total.amountMinor`, minor units) decides how many
 * levels approve. Up to 5,000.00 the holder's manager alone; up to 50,000.00 the manager, then
 * finance; above that the manager, finance and an administrator acting as director. Approval makes
 * the budget approved; a rejection returns it to draft for the holder to change and submit again.
 */
export const budgetApproval: WorkflowDefinition = {
  workflow_code: 'BUDGET_APPROVAL',
  name: 'Budget Approval',
  category: 'Finance',
  description: 'Budget requests approved by more levels as the amount grows.',
  record_kind: 'budget',
  steps: [
    {
      step_id: 'submit',
      name: 'Submit budget request',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['route_by_amount'],
      record_effects: { complete: { status: 'in_approval' } },
    },
    {
      step_id: 'route_by_amount',
      name: 'Route by amount',
      type: 'decision',
      routing: {
        rules: [
          { when: { var: 'record.total.amountMinor', op: 'gt', value: 5_000_000 }, go: 'director_approval' },
          { when: { var: 'record.total.amountMinor', op: 'gt', value: 500_000 }, go: 'finance_approval' },
        ],
        default: 'head_approval',
      },
    },
    {
      step_id: 'head_approval',
      name: 'Manager approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'record.manager',
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'draft' } },
    },
    {
      step_id: 'finance_approval',
      name: 'Manager and finance approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Manager', assignee_type: 'variable', assignee_value: 'record.manager' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'draft' } },
    },
    {
      step_id: 'director_approval',
      name: 'Manager, finance and director approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Manager', assignee_type: 'variable', assignee_value: 'record.manager' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
          { name: 'Director', assignee_type: 'role', assignee_value: 'admin' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['notify_approved'], reject: ['notify_rejected'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'draft' } },
    },
    {
      step_id: 'notify_approved',
      name: 'Tell the holder it is approved',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      message: 'Your budget was approved.',
      next_steps: ['approved'],
    },
    {
      step_id: 'notify_rejected',
      name: 'Tell the holder it is returned',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      message: 'Your budget was not approved and is back in draft; change it and submit it again.',
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
