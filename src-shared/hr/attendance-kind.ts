import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { formatDay } from '../format/display-format';
import { defineRecordKind } from '../records/record-kind';
import { attendanceWriteProblem } from './attendance-checks';
import { hr, hrScope, recordTextPlace } from './hr-who';

/**
 * One person's attendance on one day: check-in and check-out in the app, breaks. Once the day is
 * closed, a change is a correction the person asks for with a reason and their manager (or HR)
 * approves. Read by HR, the person and their manager. `workedMinutes` feeds timesheets and the
 * monthly summary.
 */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM.');
const optionalTime = z.union([z.literal(''), clockTime]).default('');

const attendanceData = z
  .object({
    personId: recordIdSchema,
    date: planDateSchema,
    checkIn: clockTime,
    checkOut: optionalTime,
    breakMinutes: z.number().int().min(0).max(600).default(0),
    /** A correction asked for: the times as they should be, and why. */
    correctedCheckIn: optionalTime,
    correctedCheckOut: optionalTime,
    correctionReason: z.string().trim().max(1000).default(''),
  })
  .refine((d) => !d.checkOut || d.checkOut > d.checkIn, { message: 'Check-out must be after check-in (a shift over midnight is two days).', path: ['checkOut'] });
export type AttendanceData = z.infer<typeof attendanceData>;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes worked: check-in to check-out less breaks, never below 0; 0 while still checked in. */
export const workedMinutes = (d: Pick<AttendanceData, 'checkIn' | 'checkOut' | 'breakMinutes'>): number =>
  d.checkOut ? Math.max(0, minutesOf(d.checkOut) - minutesOf(d.checkIn) - d.breakMinutes) : 0;

const approvers = { anyOf: [hr, 'manager'] } as const;

export const attendanceKind = defineRecordKind<AttendanceData>({
  kind: 'attendance',
  module: 'hr',
  label: 'Attendance',
  pluralLabel: 'Attendance',
  version: 1,
  data: attendanceData as z.ZodType<AttendanceData>,
  title: (d) => `${formatDay(d.date, recordTextPlace)} ${d.checkIn}–${d.checkOut || '…'}`,
  statuses: [
    { id: 'checked_in', label: 'Checked in', tone: 'info' },
    { id: 'closed', label: 'Closed', tone: 'success' },
    { id: 'correction_requested', label: 'Correction asked', tone: 'warning' },
  ],
  initialStatus: 'checked_in',
  transitions: [
    { from: ['checked_in'], to: 'closed', label: 'Check out', who: { anyOf: ['subject', hr] }, requires: ['checkOut'] },
    { from: ['closed'], to: 'correction_requested', label: 'Ask for a correction', who: 'subject', requires: ['correctionReason'] },
    { from: ['correction_requested'], to: 'closed', label: 'Decide correction', who: approvers },
  ],
  columns: { personId: (d) => d.personId, date: (d) => d.date },
  fields: [
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'date', label: 'Day', type: 'date', isDefaultColumn: true, isRequired: true },
    { field: 'checkIn', label: 'In', type: 'text', isDefaultColumn: true },
    { field: 'checkOut', label: 'Out', type: 'text', isDefaultColumn: true },
    { field: 'breakMinutes', label: 'Break (min)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'correctionReason', label: 'Why correct it', type: 'text', isEditable: true },
  ],
  readScope: hrScope,
  create: { anyOf: ['subject', hr] },
  edit: [
    { fields: ['checkOut', 'breakMinutes'], who: { anyOf: ['subject', hr] }, inStatuses: ['checked_in'] },
    { fields: ['correctedCheckIn', 'correctedCheckOut', 'correctionReason'], who: 'subject', inStatuses: ['closed'] },
    // Approving a correction writes the corrected times into the day (the approver's own change).
    { fields: ['checkIn', 'checkOut', 'breakMinutes', 'correctedCheckIn', 'correctedCheckOut'], who: approvers, inStatuses: ['correction_requested'] },
  ],
  invariant: {
    // Attendance's own rules (attendance-checks.ts), then one record per person and day: timesheets add them up.
    reads: (d) => ({ byPerson: [{ kind: 'attendance', personId: d.personId }] }),
    check({ record, previous, lookup, actorId }) {
      const own = attendanceWriteProblem(record, previous, actorId);
      if (own) return own;
      const twice = lookup.byPerson('attendance', record.data.personId).some((o) => o.id !== record.id && (o.data as { date?: unknown }).date === record.data.date);
      return twice ? { message: `There is already attendance for ${record.data.date}; ask for a correction instead.`, field: 'data.date' } : null;
    },
  },
});
