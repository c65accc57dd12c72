import type { WorkflowDefinition } from '../workflows/definition-schema';

/**
 * Approval of an instrument's decommissioning request (`decommissioning` records): QA reviews the
 * request and its checks, then QA approves or rejects with an electronic signature. The approval's
 * outcome moves the request to approved or rejected (the request's workflow-only transitions).
 */
export const equipmentDecommissioning: WorkflowDefinition = {
  workflow_code: 'EQUIPMENT_DECOMMISSIONING',
  name: 'Equipment Decommissioning',
  category: 'Equipment',
  description: 'Approve the retirement of an instrument before its bookings are cancelled, its data archived and it is disposed of.',
  steps: [
    { step_id: 'review', name: 'Review the request and its checks', type: 'task', assignee_type: 'role', assignee_value: 'qa_manager', next_steps: ['approval'] },
    {
      step_id: 'approval',
      name: 'QA approval',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'qa_manager',
      conditions: { approve: ['approved'], reject: ['rejected'] },
    },
    { step_id: 'approved', name: 'Decommissioning approved', type: 'end' },
    { step_id: 'rejected', name: 'Decommissioning rejected', type: 'end' },
  ],
  initial_step: 'review',
  sla_config: { review: { duration_hours: 72 }, approval: { duration_hours: 48 } },
};
