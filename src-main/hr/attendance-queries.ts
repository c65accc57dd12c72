import { map } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { AttendanceMonthView, AttendanceTodayView, AttendanceWeekView, CorrectionRow } from '../../src-shared/hr/attendance-contract';
import type { AttendanceData } from '../../src-shared/hr/attendance-kind';
import { leaveTermsOf, type LeaveRequestFacts } from '../../src-shared/hr/leave-request-checks';
import { leaveTypeLabel } from '../../src-shared/hr/leave-views';
import { addDays } from '../../src-shared/projects/plan-dates';
import { addMonth, monthSummaryRow, timesheet, type AttendanceEntry, type TimesheetSources } from '../../src-shared/hr/timesheet';
import { standardWorkingPattern } from '../../src-shared/hr/working-pattern';
import type { RecordActor } from '../../src-shared/records/who';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { localToday } from '../projects/project-access';
import type { Directory } from '../records/record-actor';
import { live, lookupOf, namesOf, readable, type Stored } from './hr-records';

/**
 * Attendance's screens: the signed-in person's day, one person's week as a timesheet, and the
 * month of everyone the asker may read. Built from the records the asker may read (attendance,
 * approved leave, employee records and holiday calendars) and the time tracking entries this PC holds.
 */

const entryOf = (doc: Stored): AttendanceEntry => {
  const d = doc.data as unknown as AttendanceData;
  return {
    id: doc.id, date: d.date, checkIn: d.checkIn, checkOut: d.checkOut, breakMinutes: d.breakMinutes, status: doc.status, statusLabel: doc.statusLabel,
    correctedCheckIn: d.correctedCheckIn, correctedCheckOut: d.correctedCheckOut, correctionReason: d.correctionReason,
  };
};

/** The people whose attendance `actor` may look at: themselves, the people they manage, everyone for HR. */
function peopleFor(directory: Directory, actor: RecordActor): { id: string; name: string }[] {
  const nameOf = namesOf(directory);
  const others = actor.roles.includes('hr')
    ? directory.people.filter((p) => p.isActive && p.id !== actor.id).map((p) => p.id)
    : (actor.managedIds ?? []).filter((id) => id !== actor.id);
  const sorted = [...new Set(others)].map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: actor.id, name: nameOf(actor.id) }, ...sorted];
}

/** Everything the timesheets read, once per answer; `sourcesOf` then picks one person's. */
async function attendanceSources(db: LabDatabase, actor: RecordActor) {
  const [employees, calendars, attendance, leave, time] = await Promise.all([
    readable(db, 'employee', actor), readable(db, 'holiday_calendar', actor), readable(db, 'attendance', actor), readable(db, 'leave_request', actor),
    db.activity.find({ selector: { kind: 'time_entry' } }).exec(),
  ]);
  const lookup = lookupOf(employees, calendars);
  const timeEntries = time.map((t) => t.toJSON() as unknown as TimeEntryDocument);
  return (personId: string): TimesheetSources & { hasEmployeeRecord: boolean } => {
    const terms = leaveTermsOf(lookup, personId);
    return {
      hasEmployeeRecord: terms !== null,
      terms: terms ? { pattern: terms.employment.pattern, holidays: terms.holidays } : { pattern: standardWorkingPattern, holidays: [] },
      attendance: attendance.filter((a) => a.personId === personId).map(entryOf),
      approvedLeave: leave.filter((l) => l.personId === personId && l.status === 'approved').map((l) => {
        const d = l.data as unknown as LeaveRequestFacts;
        return { startDate: d.startDate, endDate: d.endDate, isFirstDayHalf: Boolean(d.isFirstDayHalf), isLastDayHalf: Boolean(d.isLastDayHalf), leaveTypeLabel: leaveTypeLabel(d.leaveType) };
      }),
      timeEntries: timeEntries.filter((t) => t.personId === personId).map((t) => ({ date: t.data.date, hours: t.data.isRunning ? 0 : t.data.hours })),
    };
  };
}

type Names = 'hr/attendance-today' | 'hr/attendance-week' | 'hr/attendance-month';

export const attendanceQueryHandlers: QueryHandlers<Names> = {
  'hr/attendance-today': (_input, context) =>
    live(context.db, context.actor.id, async (_directory, actor): Promise<AttendanceTodayView> => {
      const today = localToday(context.clock());
      const mine = (await readable(context.db, 'attendance', actor)).find((a) => a.personId === actor.id && (a.data as unknown as AttendanceData).date === today);
      return { today, record: mine ? entryOf(mine) : null };
    }).pipe(map((view) => ok(view))),

  'hr/attendance-week': (input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<Result<AttendanceWeekView>> => {
      const people = peopleFor(directory, actor);
      const person = people.find((p) => p.id === (input.personId ?? actor.id));
      if (!person) return fail('forbidden', 'You can see the timesheets of the people you manage and your own.', { field: 'personId' });
      const sources = (await attendanceSources(context.db, actor))(person.id);
      return ok({ personId: person.id, personName: person.name, people, hasEmployeeRecord: sources.hasEmployeeRecord, timesheet: timesheet(sources, input.weekStart, addDays(input.weekStart, 6), localToday(context.clock())) });
    }, true),

  'hr/attendance-month': (input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<AttendanceMonthView> => {
      const people = peopleFor(directory, actor);
      const sourcesOf = await attendanceSources(context.db, actor);
      const rows = people.map((p) => monthSummaryRow({ personId: p.id, personName: p.name }, sourcesOf(p.id), input.month, localToday(context.clock())));
      const until = addDays(`${addMonth(input.month)}-01`, -1);
      const corrections: CorrectionRow[] = people
        .filter((p) => p.id !== actor.id)
        .flatMap((p) => sourcesOf(p.id).attendance.filter((a) => a.status === 'correction_requested' && a.date <= until).map((entry) => ({ id: entry.id, personId: p.id, personName: p.name, entry })));
      return { month: input.month, rows, corrections };
    }, true).pipe(map((view) => ok(view))),
};
