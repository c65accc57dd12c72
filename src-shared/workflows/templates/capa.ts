import type { WorkflowDefinition } from '../definition-schema';

/**
 * CAPA (corrective and preventive action): a quality event is triaged, its root cause found, a plan
 * approved, corrective and preventive actions done in parallel, and after a waiting period QA checks
 * that they worked; if not, the investigation starts again. Decisions are signed.
 */
export const capa: WorkflowDefinition = {
  workflow_code: 'CAPA',
  name: 'Corrective and Preventive Action',
  category: 'Quality',
  description: 'From a reported nonconformity to verified corrective and preventive actions.',
  steps: [
    { step_id: 'report', name: 'Report the nonconformity', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['triage'] },
    { step_id: 'triage', name: 'QA triage', type: 'task', assignee_type: 'role', assignee_value: 'qa_manager', conditions: { open_capa: ['root_cause'], no_capa_needed: [] } },
    { step_id: 'root_cause', name: 'Root-cause analysis', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['action_plan'] },
    { step_id: 'action_plan', name: 'Action plan', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['plan_approval'] },
    {
      step_id: 'plan_approval',
      name: 'Approve the action plan',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'qa_manager',
      require_signature: true,
      conditions: { approve: ['actions'], reject: ['action_plan'] },
    },
    { step_id: 'actions', name: 'Corrective and preventive actions', type: 'parallel', next_steps: ['corrective_action', 'preventive_action'] },
    { step_id: 'corrective_action', name: 'Corrective action', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['actions_done'] },
    { step_id: 'preventive_action', name: 'Preventive action', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['actions_done'] },
    { step_id: 'actions_done', name: 'Both actions done', type: 'join', next_steps: ['effectiveness_wait'] },
    { step_id: 'effectiveness_wait', name: 'Wait before checking effectiveness', type: 'timer', timer: { after_hours: 720 }, next_steps: ['effectiveness_check'] },
    {
      step_id: 'effectiveness_check',
      name: 'Effectiveness check',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'qa_manager',
      require_signature: true,
      conditions: { approve: ['closed'], reject: ['root_cause'] },
    },
    { step_id: 'closed', name: 'CAPA closed', type: 'end' },
  ],
  initial_step: 'report',
  sla_config: {
    triage: { duration_hours: 24 },
    root_cause: { duration_hours: 120, escalation_rules: [{ at_percent: 75, action: 'notify', to_type: 'role', to_value: 'qa_manager' }] },
    plan_approval: { duration_hours: 48 },
    corrective_action: { duration_hours: 240, escalation_rules: [{ after_breach_hours: 24, action: 'notify', to_type: 'role', to_value: 'qa_manager' }] },
    preventive_action: { duration_hours: 480 },
    effectiveness_check: { duration_hours: 72 },
  },
};
