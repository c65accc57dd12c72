import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';

/**
 * A leave request: filed by the person (or HR for them), decided by the LEAVE_REQUEST workflow
 * against the record — never by a button, and never by the person themselves. Read only by HR, the
 * person and their managers (src-shared/records/who.ts); its workflow, comments, files and audit
 * entries follow the same scope.
 */
export const leaveTypes = ['annual', 'sick', 'unpaid', 'parental', 'training', 'other'] as const;

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
  })
  .refine((d) => d.endDate >= d.startDate, { message: 'The last day cannot be before the first day.', path: ['endDate'] });
export type LeaveRequestData = z.infer<typeof leaveRequestData>;

const hr = { roles: ['hr'] } as const;
/** Requests that still hold their days (not withdrawn or refused). */
const LIVE_STATUSES: ReadonlySet<string> = new Set(['draft', 'submitted', 'approved']);

export const leaveRequestKind = defineRecordKind<LeaveRequestData>({
  kind: 'leave_request',
  module: 'hr',
  label: 'Leave request',
  pluralLabel: 'Leave requests',
  version: 1,
  data: leaveRequestData as z.ZodType<LeaveRequestData>,
  title: (d) => `${d.days} day${d.days === 1 ? '' : 's'} from ${d.startDate}`,
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
    { field: 'days', label: 'Working days', type: 'number', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'reason', label: 'Reason', type: 'text', isEditable: true, isMultiline: true },
    { field: 'hrNote', label: 'HR note', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: { anyOf: [hr, 'subject', 'manager'] },
  create: { anyOf: ['subject', hr] },
  edit: [
    { fields: ['leaveType', 'startDate', 'endDate', 'days', 'reason'], who: { anyOf: ['subject', hr] }, inStatuses: ['draft'] },
    { fields: ['hrNote'], who: hr },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['LEAVE_REQUEST'],
  invariant: {
    // A person cannot be on two leaves at once: an overlapping request that is still alive is refused.
    reads: (d) => ({ byPerson: [{ kind: 'leave_request', personId: d.personId }] }),
    check({ record, lookup }) {
      if (!LIVE_STATUSES.has(record.status)) return null;
      const clash = lookup
        .byPerson('leave_request', record.data.personId)
        .map((doc) => doc as { id: string; status: string; number?: string; data: LeaveRequestData })
        .find((other) => other.id !== record.id && LIVE_STATUSES.has(other.status) && other.data.startDate <= record.data.endDate && record.data.startDate <= other.data.endDate);
      return clash ? { message: `This leave overlaps ${clash.number || 'another request'} (${clash.data.startDate} to ${clash.data.endDate}).`, field: 'data.startDate' } : null;
    },
  },
});
