import { auditTime, combineLatest, from, map, startWith, switchMap, type Observable } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { employeeOverview, type EmployeeOverview } from '../../src-shared/hr/employee-views';
import { holidayCalendarsParent } from '../../src-shared/hr/holiday-calendar-kind';
import { leaveTermsOf, type LeaveRequestFacts } from '../../src-shared/hr/leave-request-checks';
import { leaveBalances, leaveTypeLabel, teamLeaveCalendar, type LeaveRow, type MyLeaveView, type TeamCalendar } from '../../src-shared/hr/leave-views';
import { trainingCoursesParent } from '../../src-shared/hr/training-kinds';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { RecordLookup } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, directory$, type Directory } from '../records/record-actor';
import { canReadRecordDoc, readStored } from '../records/record-store';

/**
 * HR's screens (src-shared/hr/hr-contract.ts): live on record and directory changes, answered from
 * the records the asker may read — the same read scope the sync server applies, so a manager's
 * team calendar holds their people's leave and nobody else's.
 */

type Stored = RecordDocument & { statusLabel: string };

/** The records of `kind` the actor may read, data upgraded, with their status label. */
export async function readable(db: LabDatabase, kind: string, actor: RecordActor): Promise<Stored[]> {
  const docs = await db.records.find({ selector: { kind } }).exec();
  return docs
    .map((d) => readStored(d.toJSON() as RecordDocument))
    .filter((r) => !r.isFromNewerVersion && canReadRecordDoc(actor, r))
    .map((r) => ({ ...r.doc, statusLabel: r.kind?.statuses.find((s) => s.id === r.doc.status)?.label ?? r.doc.status }));
}

/** The lookup leave terms are read through: employee records and holiday calendars. */
const lookupOf = (employees: readonly RecordDocument[], calendars: readonly RecordDocument[]): RecordLookup => ({
  get: () => null,
  byParent: (kind, parentId) => (kind === 'holiday_calendar' && parentId === holidayCalendarsParent ? (calendars as unknown as Record<string, unknown>[]) : []),
  byPerson: (kind, personId) => (kind === 'employee' ? (employees.filter((e) => e.personId === personId) as unknown as Record<string, unknown>[]) : []),
});

function leaveRowOf(doc: Stored, nameOf: (id: string) => string): LeaveRow {
  const d = doc.data as unknown as LeaveRequestFacts;
  return {
    id: doc.id, number: doc.number, personId: d.personId, personName: nameOf(d.personId), status: doc.status, statusLabel: doc.statusLabel,
    leaveType: d.leaveType, leaveTypeLabel: leaveTypeLabel(d.leaveType), startDate: d.startDate, endDate: d.endDate,
    isFirstDayHalf: Boolean(d.isFirstDayHalf), isLastDayHalf: Boolean(d.isLastDayHalf), days: d.days,
  };
}

/** Recomputes on every change of records or of the directory (bursts answered once). */
export function live<T>(db: LabDatabase, personId: string, compute: (directory: Directory, actor: RecordActor) => Promise<T>): Observable<T> {
  return combineLatest([directory$(db), db.records.$.pipe(auditTime(100), startWith(null))]).pipe(
    switchMap(([directory]) => from(compute(directory, actorIn(directory, personId)))),
  );
}

export const namesOf = (directory: Directory) => {
  const names = new Map(directory.people.map((p) => [p.id, p.name]));
  return (id: string) => names.get(id) ?? 'Someone no longer in the directory';
};

export const hrQueryHandlers: QueryHandlers<'hr/my-leave' | 'hr/team-leave' | 'hr/employees'> = {
  'hr/my-leave': (input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<MyLeaveView> => {
      const today = context.clock().toISOString().slice(0, 10);
      const year = input.year ?? Number(today.slice(0, 4));
      const [employees, calendars, leave] = await Promise.all([readable(context.db, 'employee', actor), readable(context.db, 'holiday_calendar', actor), readable(context.db, 'leave_request', actor)]);
      const mine = leave.filter((l) => l.personId === actor.id);
      const terms = leaveTermsOf(lookupOf(employees, calendars), actor.id);
      const nameOf = namesOf(directory);
      const requests = mine.map((l) => leaveRowOf(l, nameOf)).sort((a, b) => b.startDate.localeCompare(a.startDate));
      const facts = mine.map((l) => ({ status: l.status, data: l.data as unknown as LeaveRequestFacts }));
      // A coming year is shown as it opens (its entitlement given up front, or its first month's
      // accrual), so leave can be planned before New Year; the current and past years as of today.
      const asOf = year > Number(today.slice(0, 4)) ? `${year}-01-01` : today;
      return { year, terms, balances: terms ? leaveBalances(terms, facts, year, asOf) : [], requests };
    }).pipe(map((view) => ok(view))),

  'hr/team-leave': (input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<TeamCalendar> => {
      const [employees, calendars, leave] = await Promise.all([readable(context.db, 'employee', actor), readable(context.db, 'holiday_calendar', actor), readable(context.db, 'leave_request', actor)]);
      const lookup = lookupOf(employees, calendars);
      const nameOf = namesOf(directory);
      return teamLeaveCalendar(input.month, leave.map((l) => leaveRowOf(l, nameOf)), (personId) => leaveTermsOf(lookup, personId));
    }).pipe(map((calendar) => ok(calendar))),

  'hr/employees': (_input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<EmployeeOverview> => {
      const [employees, courses, completions] = await Promise.all([readable(context.db, 'employee', actor), readable(context.db, 'training_course', actor), readable(context.db, 'training_completion', actor)]);
      const rolesOf = new Map(directory.people.map((p) => [p.id, p.roles]));
      return employeeOverview(
        { employees, courses: courses.filter((c) => c.parentId === trainingCoursesParent), completions, rolesOf: (id) => rolesOf.get(id) ?? [], nameOf: namesOf(directory) },
        context.clock().toISOString().slice(0, 10),
      );
    }).pipe(map((overview) => ok(overview))),
};
