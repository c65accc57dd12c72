import type { WorkflowDefinition } from '../definition-schema';

/**
 * Leave request, run on the person's leave request record (src-shared/hr/leave-request-kind.ts):
 * they confirm and submit it, their own manager decides (more than ten days: then HR too), and the
 * decision approves or rejects the record in the same signed step. HR records the approved leave;
 * the workflow waits until its last day and reminds HR to update attendance.
 */
export const leaveRequest: WorkflowDefinition = {
  workflow_code: 'LEAVE_REQUEST',
  name: 'Leave Request',
  category: 'HR',
  description: 'Apply for leave; the manager (and HR for long leave) decides on the leave request; attendance is updated when it ends.',
  record_kind: 'leave_request',
  steps: [
    {
      step_id: 'apply',
      name: 'Apply for leave',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['route_by_length'],
      form: [
        { key: 'stand_in', label: 'Who stands in for you', type: 'person', help: 'Colleagues ask them while you are away.' },
        { key: 'handover', label: 'Handover notes', type: 'text', multiline: true, max_length: 2000 },
        { key: 'balance_checked', label: 'I have checked that I have enough leave left', type: 'checkbox', required: true },
      ],
      record_effects: { complete: { status: 'submitted' } },
    },
    {
      step_id: 'route_by_length',
      name: 'Route by length',
      type: 'decision',
      routing: { rules: [{ when: { var: 'record.days', op: 'gt', value: 10 }, go: 'long_leave_approval' }], default: 'head_approval' },
    },
    {
      step_id: 'head_approval',
      name: 'Manager approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'record.manager',
      conditions: { approve: ['record'], reject: [] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'long_leave_approval',
      name: 'Manager and HR approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Manager', assignee_type: 'variable', assignee_value: 'record.manager' },
          { name: 'HR', assignee_type: 'role', assignee_value: 'hr' },
        ],
      },
      conditions: { approve: ['record'], reject: [] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'record',
      name: 'Record the leave',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'hr',
      next_steps: ['until_leave_ends'],
      form: [{ key: 'attendance_ref', label: 'Attendance system reference', type: 'text', max_length: 80 }],
    },
    { step_id: 'until_leave_ends', name: 'Wait until the leave ends', type: 'timer', timer: { until_variable: 'record.endDate' }, next_steps: ['remind_attendance'] },
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
