import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import { clockTime } from './attendance-kind';
import type { AttendanceEntry, MonthSummaryRow, Timesheet } from './timesheet';

/**
 * Attendance between UI and host: checking in and out takes the time from the PC's clock (never
 * from the screen), a correction is asked for by the person and decided by their manager or HR.
 * The queries answer only with records the asker may read (HR, the person, their manager).
 */
export interface AttendanceTodayView {
  /** The host's local day and the signed-in person's record of it. */
  today: string;
  record: AttendanceEntry | null;
}

export interface AttendanceWeekView {
  personId: string;
  personName: string;
  /** People whose attendance the asker may read, themselves first: the timesheet's choice of person. */
  people: { id: string; name: string }[];
  /** False when HR has not set up the person's employee record: the standard 8 h Mon–Fri pattern is assumed. */
  hasEmployeeRecord: boolean;
  timesheet: Timesheet;
}

export interface CorrectionRow {
  id: string;
  personId: string;
  personName: string;
  entry: AttendanceEntry;
}

export interface AttendanceMonthView {
  month: string;
  rows: MonthSummaryRow[];
  /** Corrections the asker may decide (their people's, or everyone's for HR); never their own. */
  corrections: CorrectionRow[];
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month as YYYY-MM.');

export const attendanceContract = {
  /** The signed-in person checks in now: today's record, one per person and day. */
  'hr/check-in': command<RecordView>()(z.object({})),
  /** The signed-in person checks out now, with the breaks they took today. */
  'hr/check-out': command<RecordView>()(z.object({ breakMinutes: z.number().int().min(0, 'A break cannot be negative.').max(600, 'Breaks of more than 10 hours cannot be right.').default(0) })),
  /** The person asks for a closed day's times to be corrected, and says why. */
  'hr/attendance/ask-correction': command<RecordView>()(
    z.object({ id: recordIdSchema, checkIn: clockTime, checkOut: clockTime, reason: z.string().trim().min(1, 'Say why the times need correcting.').max(1000) }),
  ),
  /** The manager or HR approves (the corrected times replace the day's) or declines (the day stays as it was). */
  'hr/attendance/decide-correction': command<RecordView>()(z.object({ id: recordIdSchema, isApproved: z.boolean() })),
  'hr/attendance-today': query<AttendanceTodayView>()(z.object({})),
  /** One person's week from its Monday; the asker's own when `personId` is left out. */
  'hr/attendance-week': query<AttendanceWeekView>()(z.object({ personId: recordIdSchema.optional(), weekStart: planDateSchema })),
  /** Everyone's month the asker may read, with the corrections waiting for them. */
  'hr/attendance-month': query<AttendanceMonthView>()(z.object({ month })),
};
