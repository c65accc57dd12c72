import { addDays } from '../projects/plan-dates';
import type { InvariantProblem } from '../records/record-kind';

/**
 * Attendance's own rules as the kind's invariant, so the generic record commands and the sync
 * server hold them as `hr/check-in`, `hr/check-out` and the correction commands do
 * (src-main/hr/attendance-commands.ts). Pure.
 *
 * - A day is recorded on that day: a new record is checked in (no check-out, no correction) and its
 *   date is the day it was written. The write's own time (`createdAt`, `updatedAt`: the host stamps
 *   its clock) allows a day either side for time zones, since the date is the PC's local day.
 * - The person checks out on the day (or the night after); later, the day is closed by HR or
 *   corrected.
 * - A correction is never decided by the person it is about, HR included.
 */
interface Day {
  personId: string;
  date: string;
  checkIn: string;
  checkOut: string;
  breakMinutes: number;
  correctedCheckIn: string;
  correctedCheckOut: string;
  correctionReason: string;
}

interface Written {
  status: string;
  createdAt: string;
  updatedAt: string;
  data: Day;
}

const isNear = (date: string, iso: string): boolean => {
  const day = iso.slice(0, 10);
  return day >= addDays(date, -1) && day <= addDays(date, 1);
};

export function attendanceWriteProblem(record: Written, previous: { status: string; data: Record<string, unknown> } | null, actorId: string): InvariantProblem | null {
  const d = record.data;
  if (!previous) {
    if (d.checkOut || d.correctedCheckIn || d.correctedCheckOut || d.correctionReason) return { message: 'A day starts with checking in; check out at the end of it.', field: 'data.checkOut' };
    if (!isNear(d.date, record.createdAt)) return { message: 'Attendance is recorded on the day itself; for another day, ask for a correction.', field: 'data.date' };
    return null;
  }
  if (previous.status === 'checked_in' && record.status === 'closed' && actorId === d.personId && !isNear(d.date, record.updatedAt)) {
    return { message: 'That day is over: ask HR to close it with your check-out time.', field: 'data.checkOut' };
  }
  // Deciding is closing the day, or writing the corrected times into it (the approvers' fields).
  const isDeciding = record.status !== 'correction_requested' || (['checkIn', 'checkOut', 'breakMinutes'] as const).some((f) => previous.data[f] !== record.data[f]);
  if (previous.status === 'correction_requested' && isDeciding && actorId === d.personId) {
    return { message: 'Your own correction is decided by your manager or another HR person.', field: 'status' };
  }
  return null;
}
