import type { WorkflowDefinition } from '../definition-schema';

/** Onboarding: IT, HR and lab-safety work in parallel; the first-week review waits for all three. */
export const onboarding: WorkflowDefinition = {
  workflow_code: 'ONBOARDING',
  name: 'Onboarding',
  category: 'HR',
  description: 'Prepare a new colleague: accounts, paperwork and lab-safety induction in parallel.',
  steps: [
    { step_id: 'prepare', name: 'Prepare the start', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['in_parallel'] },
    { step_id: 'in_parallel', name: 'IT, HR and lab safety', type: 'parallel', next_steps: ['it_setup', 'hr_paperwork', 'safety_induction'] },
    { step_id: 'it_setup', name: 'Accounts and equipment', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['all_done'] },
    { step_id: 'hr_paperwork', name: 'Contract and paperwork', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['all_done'] },
    { step_id: 'safety_induction', name: 'Lab-safety induction', type: 'task', assignee_type: 'role', assignee_value: 'qa_manager', next_steps: ['safety_sign_off'] },
    {
      step_id: 'safety_sign_off',
      name: 'Lab-safety sign-off',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'qa_manager',
      require_signature: true,
      conditions: { approve: ['all_done'], reject: ['safety_induction'] },
    },
    { step_id: 'all_done', name: 'All three done', type: 'join', next_steps: ['welcome'] },
    {
      step_id: 'welcome',
      name: 'Welcome message',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'employee_id',
      message: 'Welcome to the lab! Your accounts, paperwork and safety induction are complete.',
      next_steps: ['first_week_review'],
    },
    { step_id: 'first_week_review', name: 'First-week review', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: [] },
  ],
  initial_step: 'prepare',
  sla_config: {
    it_setup: { duration_hours: 24, escalation_rules: [{ after_breach_hours: 0, action: 'notify', to_type: 'role', to_value: 'hr' }] },
    hr_paperwork: { duration_hours: 48 },
    safety_induction: { duration_hours: 72 },
  },
};
