import type { WorkflowDefinition } from '../definition-schema';

/** The feature spec's example, exactly as the spec writes it (no LabFlow extensions), so it proves the spec format loads. */
export const equipmentProcurement: WorkflowDefinition = {
  workflow_code: 'EQUIPMENT_PROCUREMENT',
  name: 'Equipment Procurement Workflow',
  category: 'Equipment',
  description: 'Workflow for procuring new equipment',
  steps: [
    {
      step_id: 'request',
      name: 'Procurement Request',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_manager',
      next_steps: ['approval'],
    },
    {
      step_id: 'approval',
      name: 'Manager Approval',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'department_head',
      next_steps: ['rfq'],
      conditions: {
        approve: ['rfq'],
        reject: [],
      },
    },
    {
      step_id: 'rfq',
      name: 'Send RFQ',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_officer',
      next_steps: ['evaluation'],
    },
    {
      step_id: 'evaluation',
      name: 'Bid Evaluation',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_manager',
      next_steps: ['po_creation'],
    },
    {
      step_id: 'po_creation',
      name: 'Create Purchase Order',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_officer',
      next_steps: [],
    },
  ],
  initial_step: 'request',
  sla_config: {
    request: { duration_hours: 24, escalation_rules: {} },
    approval: { duration_hours: 48, escalation_rules: {} },
    rfq: { duration_hours: 72, escalation_rules: {} },
  },
};
