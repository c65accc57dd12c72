import type { WorkflowDefinition } from '../definition-schema';

/**
 * Hiring, run on a job requisition (src-shared/hr/job-requisition-kind.ts): the hiring manager
 * submits it, HR approves the post and its job description (or returns it for changes, or turns
 * it down), and advertises it. From then on the requisition is open and its candidates move along
 * the hiring board (src-shared/hr/candidate-pipeline.ts) — one board per requisition rather than
 * one workflow per candidate, as a post draws dozens of applications.
 */
export const hiring: WorkflowDefinition = {
  workflow_code: 'HIRING',
  name: 'Hiring',
  category: 'HR',
  description: 'A hiring manager asks for a post; HR approves the job description and advertises it.',
  record_kind: 'job_requisition',
  steps: [
    {
      step_id: 'submit',
      name: 'Submit the requisition',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.hiringManagerId',
      next_steps: ['jd_approval'],
      form: [{ key: 'budget_agreed', label: 'The post is in this year\'s budget or agreed with finance', type: 'checkbox', required: true }],
      record_effects: { complete: { status: 'submitted' } },
    },
    {
      step_id: 'jd_approval',
      name: 'Approve the post and job description',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'hr',
      conditions: { approve: ['advertise'], reject: ['notify_rejected'], request_changes: ['submit'] },
      record_effects: { approve: { status: 'open' }, reject: { status: 'rejected' }, request_changes: { status: 'draft' } },
    },
    {
      step_id: 'advertise',
      name: 'Advertise the post',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'hr',
      next_steps: ['done'],
      form: [{ key: 'advertised_where', label: 'Where it is advertised', type: 'text', max_length: 500 }],
    },
    {
      step_id: 'notify_rejected',
      name: 'Tell the hiring manager',
      type: 'notify',
      assignee_type: 'variable',
      assignee_value: 'record.hiringManagerId',
      message: 'Your job requisition was not approved.',
      next_steps: ['rejected'],
    },
    { step_id: 'done', name: 'Open for candidates', type: 'end' },
    { step_id: 'rejected', name: 'Not approved', type: 'end', outcome: 'rejected' },
  ],
  initial_step: 'submit',
  sla_config: {
    jd_approval: { duration_hours: 48, escalation_rules: [{ at_percent: 80, action: 'notify', to_type: 'role', to_value: 'hr' }] },
    advertise: { duration_hours: 72 },
  },
};
