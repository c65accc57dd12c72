import type { WorkflowDefinition } from '../workflows/definition-schema';

/**
 * Approval of a quotation's discount (`quotation` records): a quotation with a line discounted
 * above the sales settings' threshold cannot be sent (the kind's invariant); the sales person asks
 * for approval (draft → in approval) and starts this workflow on it; a sales manager approves with
 * an electronic signature, which moves the quotation to approved (then it can be sent), or declines,
 * which puts it back to draft (the quotation's workflow-only transitions).
 */
export const quotationDiscountApproval: WorkflowDefinition = {
  workflow_code: 'QUOTATION_DISCOUNT',
  name: 'Quotation Discount Approval',
  category: 'Sales',
  description: 'A sales manager approves a quotation discounted above the threshold before it is sent.',
  record_kind: 'quotation',
  steps: [
    {
      step_id: 'approval',
      name: 'Sales manager approval',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'sales_manager',
      conditions: { approve: ['approved'], reject: ['declined'] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'draft' } },
    },
    { step_id: 'approved', name: 'Discount approved', type: 'end' },
    { step_id: 'declined', name: 'Discount declined', type: 'end' },
  ],
  initial_step: 'approval',
  sla_config: { approval: { duration_hours: 24 } },
};
