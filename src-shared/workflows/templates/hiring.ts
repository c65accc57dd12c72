import type { WorkflowDefinition } from '../definition-schema';

/** Hiring: job description → screening → interviews → offer, with loops back when a stage finds nobody. */
export const hiring: WorkflowDefinition = {
  workflow_code: 'HIRING',
  name: 'Hiring',
  category: 'HR',
  description: 'From a job description to an accepted offer.',
  steps: [
    { step_id: 'job_description', name: 'Write the job description', type: 'task', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['jd_approval'] },
    {
      step_id: 'jd_approval',
      name: 'Approve the job description',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'hr',
      conditions: { approve: ['advertise'], reject: [], request_changes: ['job_description'] },
    },
    { step_id: 'advertise', name: 'Advertise the position', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['screening'] },
    { step_id: 'screening', name: 'Screen applications', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['after_screening'] },
    {
      step_id: 'after_screening',
      name: 'Anyone shortlisted?',
      type: 'decision',
      routing: { rules: [{ when: { var: 'shortlisted_count', op: 'gt', value: 0 }, go: 'interviews' }], default: 'advertise' },
    },
    { step_id: 'interviews', name: 'Interview candidates', type: 'task', assignee_type: 'role', assignee_value: 'department_head', conditions: { select: ['offer_approval'], none_suitable: ['advertise'] } },
    {
      step_id: 'offer_approval',
      name: 'Approve the offer',
      type: 'approval',
      approval: {
        levels: [
          { name: 'HR', assignee_type: 'role', assignee_value: 'hr' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
        ],
      },
      require_signature: true,
      conditions: { approve: ['offer'], reject: ['interviews'] },
    },
    { step_id: 'offer', name: 'Make the offer', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['after_offer'] },
    {
      step_id: 'after_offer',
      name: 'Offer accepted?',
      type: 'decision',
      routing: { rules: [{ when: { var: 'offer_accepted', op: 'eq', value: true }, go: 'hired' }], default: 'interviews' },
    },
    { step_id: 'hired', name: 'Hired', type: 'end' },
  ],
  initial_step: 'job_description',
  sla_config: {
    jd_approval: { duration_hours: 48 },
    screening: { duration_hours: 120, escalation_rules: { remind_hr: { at_percent: 80, action: 'notify', to_type: 'role', to_value: 'hr' } } },
    offer_approval: { duration_hours: 48 },
  },
};
