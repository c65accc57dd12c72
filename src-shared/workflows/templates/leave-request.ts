import type { WorkflowDefinition } from '../definition-schema';

/**
 * Leave request: short leave needs the head of department, more than ten days also HR. Once
 * recorded, the workflow waits until the leave ends (`end_date`) and reminds HR to update attendance.
 */
export const leaveRequest: WorkflowDefinition = {
  workflow_code: 'LEAVE_REQUEST',
  name: 'Leave Request',
  category: 'HR',
  description: 'Apply for leave; approvals depend on its length; attendance is updated when it ends.',
  steps: [
    { step_id: 'apply', name: 'Apply for leave', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['route_by_length'] },
    {
      step_id: 'route_by_length',
      name: 'Route by length',
      type: 'decision',
      routing: { rules: [{ when: { var: 'days', op: 'gt', value: 10 }, go: 'long_leave_approval' }], default: 'head_approval' },
    },
    {
      step_id: 'head_approval',
      name: 'Head of department approval',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'department_head',
      conditions: { approve: ['record'], reject: [] },
    },
    {
      step_id: 'long_leave_approval',
      name: 'Head of department and HR approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Head of department', assignee_type: 'role', assignee_value: 'department_head' },
          { name: 'HR', assignee_type: 'role', assignee_value: 'hr' },
        ],
      },
      conditions: { approve: ['record'], reject: [] },
    },
    { step_id: 'record', name: 'Record the leave', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['until_leave_ends'] },
    { step_id: 'until_leave_ends', name: 'Wait until the leave ends', type: 'timer', timer: { until_variable: 'end_date' }, next_steps: ['remind_attendance'] },
    {
      step_id: 'remind_attendance',
      name: 'Remind HR to update attendance',
      type: 'notify',
      assignee_type: 'role',
      assignee_value: 'hr',
      message: 'A leave has ended; update attendance.',
      next_steps: ['done'],
    },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'apply',
  sla_config: {
    head_approval: { duration_hours: 24, escalation_rules: [{ at_percent: 50, action: 'notify' }] },
    long_leave_approval: { duration_hours: 48 },
    record: { duration_hours: 24 },
  },
};
