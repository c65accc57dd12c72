import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { holidayCalendarsParent } from './holiday-calendar-kind';
import { hr } from './hr-who';
import { checkLeaveRequest } from './leave-request-checks';

/**
 * A leave request: filed by the person (or HR for them), decided by the LEAVE_REQUEST workflow
 * against the record — never by a button, and never by the person themselves. Read only by HR, the
 * person and their managers (src-shared/records/who.ts); its workflow, comments, files and audit
 * entries follow the same scope.
 *
 * Version 2 adds half days (the first afternoon, the last morning) and HR's explicit balance
 * override; the invariant (leave-request-checks.ts) checks `days` against the person's pattern and
 * public holidays, and annual leave against the balance.
 */
export const leaveTypes = ['annual', 'sick', 'unpaid', 'parental', 'training', 'other'] as const;
const leaveTypeTitles: Record<(typeof leaveTypes)[number], string> = { annual: 'Annual leave', sick: 'Sick leave', unpaid: 'Unpaid leave', parental: 'Parental leave', training: 'Training leave', other: 'Leave' };

const leaveRequestData = z
  .object({
    personId: recordIdSchema,
    leaveType: z.enum(leaveTypes).default('annual'),
    startDate: planDateSchema,
    endDate: planDateSchema,
    /** Working days asked for (half days allowed). */
    days: z.number().min(0.5, 'Ask for at least half a day.').max(366).multipleOf(0.5, 'Use whole or half days.'),
    reason: z.string().trim().max(2000).default(''),
    /** HR's note (balance checked, replacement arranged …); only HR writes it. */
    hrNote: z.string().trim().max(2000).default(''),
    isFirstDayHalf: z.boolean().default(false),
    isLastDayHalf: z.boolean().default(false),
    /** HR allows this request beyond the balance, in their own name and with a reason; only HR sets it. */
    balanceOverride: z
      .object({ byId: recordIdSchema, reason: z.string().trim().min(1, 'Say why the balance may be exceeded.').max(500) })
      .nullable()
      .default(null),
  })
  .refine((d) => d.endDate >= d.startDate, { message: 'The last day cannot be before the first day.', path: ['endDate'] });
export type LeaveRequestData = z.infer<typeof leaveRequestData>;


export const leaveRequestKind = defineRecordKind<LeaveRequestData>({
  kind: 'leave_request',
  module: 'hr',
  label: 'Leave request',
  pluralLabel: 'Leave requests',
  version: 2,
  // Version 1 had whole days only and no override: its requests are full days, judged against the balance.
  migrations: { 2: (old) => ({ ...old, isFirstDayHalf: false, isLastDayHalf: false, balanceOverride: null }) },
  data: leaveRequestData as z.ZodType<LeaveRequestData>,
  // No date in the stored title: host and server stamp the same text whatever their locale, and the
  // screens write the dates (its columns) in the reader's one format.
  title: (d) => `${leaveTypeTitles[d.leaveType]}, ${d.days} day${d.days === 1 ? '' : 's'}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Submitted', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success', isReadOnly: true },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'submitted', label: 'Submit', who: { anyOf: ['subject', hr] } },
    { from: ['submitted'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['submitted'], to: 'rejected', label: 'Reject', who: 'workflow' },
    { from: ['draft', 'submitted'], to: 'cancelled', label: 'Withdraw', who: { anyOf: ['subject', hr] }, needsReason: true },
  ],
  number: { prefix: 'LR', isYearly: true },
  columns: { personId: (d) => d.personId, date: (d) => d.startDate },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true },
    {
      field: 'leaveType',
      label: 'Type',
      type: 'choice',
      isDefaultColumn: true,
      isEditable: true,
      choices: [
        { value: 'annual', label: 'Annual leave' },
        { value: 'sick', label: 'Sick leave' },
        { value: 'unpaid', label: 'Unpaid leave' },
        { value: 'parental', label: 'Parental leave' },
        { value: 'training', label: 'Training' },
        { value: 'other', label: 'Other' },
      ],
    },
    { field: 'startDate', label: 'First day', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'endDate', label: 'Last day', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'isFirstDayHalf', label: 'First day from noon', type: 'boolean', isEditable: true },
    { field: 'isLastDayHalf', label: 'Last day until noon', type: 'boolean', isEditable: true },
    { field: 'days', label: 'Working days', type: 'number', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'reason', label: 'Reason', type: 'text', isEditable: true, isMultiline: true },
    { field: 'hrNote', label: 'HR note', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: { anyOf: [hr, 'subject', 'manager'] },
  create: { anyOf: ['subject', hr] },
  edit: [
    { fields: ['leaveType', 'startDate', 'endDate', 'days', 'reason', 'isFirstDayHalf', 'isLastDayHalf'], who: { anyOf: ['subject', hr] }, inStatuses: ['draft'] },
    { fields: ['hrNote', 'balanceOverride'], who: hr },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['LEAVE_REQUEST'],
  invariant: {
    // Overlaps, the days the dates cost and the balance (leave-request-checks.ts): the person's other
    // requests, their employee record, every location's holidays, and the HR person of an override.
    reads: (d) => ({
      byPerson: [
        { kind: 'leave_request', personId: d.personId },
        { kind: 'employee', personId: d.personId },
      ],
      byParent: [{ kind: 'holiday_calendar', parentId: holidayCalendarsParent }],
      ids: d.balanceOverride ? [{ collection: 'people', id: d.balanceOverride.byId }] : [],
    }),
    check: checkLeaveRequest,
  },
});
