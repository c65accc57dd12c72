import { fail } from '../../src-shared/core/result';
import { attendanceKind, type AttendanceData } from '../../src-shared/hr/attendance-kind';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { LabDatabase } from '../database/open-database';
import { changeRecord, createRecord, recordOf } from '../records/module-records';
import type { CommandHandlers } from '../host/handler-types';
import { localToday } from '../projects/project-access';
import { recordActorOf } from '../records/record-actor';

type AttendanceDoc = Omit<RecordDocument, 'data'> & { data: AttendanceData };

/** The host's local time of day as HH:MM: check-in and check-out are the PC's clock, never the screen's. */
export function localClockTime(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** The person's attendance record of `date`, if any, on this PC. */
async function attendanceOn(db: LabDatabase, personId: string, date: string): Promise<AttendanceDoc | null> {
  const docs = await db.records.find({ selector: { kind: 'attendance', personId } }).exec();
  return (docs.map((d) => d.toJSON() as unknown as AttendanceDoc).find((d) => d.data.date === date) ?? null);
}

type Names = 'hr/check-in' | 'hr/check-out' | 'hr/attendance/ask-correction' | 'hr/attendance/decide-correction';

/**
 * Attendance (src-shared/hr/attendance-kind.ts) through the records platform's writer, so the
 * kind's rules and its one-record-a-day invariant decide here and again on the sync server.
 */
export const attendanceCommandHandlers: CommandHandlers<Names> = {
  async 'hr/check-in'(_input, context) {
    const now = context.clock();
    const today = localToday(now);
    const actor = await recordActorOf(context.db, context.actor.id);
    const existing = await attendanceOn(context.db, actor.id, today);
    if (existing) {
      return fail('invalid_state', existing.data.checkOut
        ? `You checked in at ${existing.data.checkIn} and out at ${existing.data.checkOut} today. To change the times, ask for a correction.`
        : `You have been checked in since ${existing.data.checkIn} today.`);
    }
    return createRecord(context, attendanceKind, actor, { personId: actor.id, date: today, checkIn: localClockTime(now) });
  },

  async 'hr/check-out'(input, context) {
    const now = context.clock();
    const actor = await recordActorOf(context.db, context.actor.id);
    const open = await attendanceOn(context.db, actor.id, localToday(now));
    if (!open || open.status !== 'checked_in') return fail('invalid_state', open ? `You already checked out at ${open.data.checkOut} today.` : 'You have not checked in today.');
    const result = await changeRecord(context, attendanceKind, actor, open, { data: { checkOut: localClockTime(now), breakMinutes: input.breakMinutes }, status: 'closed' });
    if (!result.ok && result.error.field === 'data.checkOut') return fail('invalid_state', `You checked in at ${open.data.checkIn}; check out once the day has some time in it.`);
    if (!result.ok && result.error.field === 'data.breakMinutes') return fail(result.error.code, result.error.message, { field: 'breakMinutes' });
    return result;
  },

  async 'hr/attendance/ask-correction'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, attendanceKind, input.id, actor);
    if (found.error) return found.error;
    const day = found.value as unknown as AttendanceDoc;
    if (day.data.personId !== actor.id) return fail('forbidden', 'Only the person themselves can ask for their times to be corrected.');
    if (day.status !== 'closed') return fail('invalid_state', day.status === 'checked_in' ? 'Check out first; then ask for a correction.' : 'A correction of this day is already waiting for a decision.');
    if (input.checkOut <= input.checkIn) return fail('invalid_input', 'Check-out must be after check-in (a shift over midnight is two days).', { field: 'checkOut' });
    return changeRecord(context, attendanceKind, actor, day, { data: { correctedCheckIn: input.checkIn, correctedCheckOut: input.checkOut, correctionReason: input.reason }, status: 'correction_requested' });
  },

  async 'hr/attendance/decide-correction'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, attendanceKind, input.id, actor);
    if (found.error) return found.error;
    const day = found.value as unknown as AttendanceDoc;
    // The kind lets HR decide; HR deciding their own day would approve themselves.
    if (day.data.personId === actor.id) return fail('forbidden', 'Your own correction is decided by your manager or another HR person.');
    if (day.status !== 'correction_requested') return fail('invalid_state', 'No correction of this day is waiting for a decision.');
    const times = input.isApproved ? { checkIn: day.data.correctedCheckIn, checkOut: day.data.correctedCheckOut } : {};
    return changeRecord(context, attendanceKind, actor, day, { data: { ...times, correctedCheckIn: '', correctedCheckOut: '' }, status: 'closed' });
  },
};
