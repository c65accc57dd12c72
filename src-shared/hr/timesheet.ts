import { addDays, daysBetween, isoWeekday } from '../projects/plan-dates';
import { holidayShareOn, type PublicHoliday } from './holiday-calendar';
import { leaveDays, type LeaveSpan } from './leave-days';
import { workedMinutes } from './attendance-kind';
import { contractedHoursOn, type WorkingPattern } from './working-pattern';

/**
 * Timesheets from attendance (src-shared/hr/attendance-kind.ts): each day's contracted hours from
 * the working pattern, less public holidays and approved leave (what the person was expected to
 * work), against the hours checked in and the hours logged in time tracking — both shown with their
 * difference, so a manager sees at once a short week and a week whose work was not booked. Pure.
 */

/** One day's attendance record as the timesheet reads it. */
export interface AttendanceEntry {
  id: string;
  date: string;
  checkIn: string;
  checkOut: string;
  breakMinutes: number;
  status: string;
  statusLabel: string;
  correctedCheckIn: string;
  correctedCheckOut: string;
  correctionReason: string;
}

/** Approved leave as the timesheet counts it. */
export interface ApprovedLeave extends LeaveSpan {
  leaveTypeLabel: string;
}

export interface TimesheetTerms {
  pattern: WorkingPattern;
  holidays: readonly PublicHoliday[];
}

export interface TimesheetDay {
  date: string;
  /** Hours the pattern contracts on this weekday. */
  contractedHours: number;
  /** Of those, freed by a public holiday and by approved leave. */
  holidayHours: number;
  leaveHours: number;
  /** The leave type's label when leave covers (part of) the day, '' otherwise. */
  leaveLabel: string;
  /** Contracted less holiday and leave. */
  expectedHours: number;
  /** Checked in (closed days and a running day's closed part: 0 while still checked in). */
  workedHours: number;
  /** Logged in time tracking for this day. */
  trackedHours: number;
  /** Worked less expected: below 0 is a short day. Days after today are not short yet: 0. */
  differenceHours: number;
  /** Worked less tracked: above 0 is time at work not booked to any task. */
  untrackedHours: number;
  attendance: AttendanceEntry | null;
}

export type TimesheetTotals = Omit<TimesheetDay, 'date' | 'leaveLabel' | 'attendance'>;

export interface Timesheet {
  from: string;
  to: string;
  days: TimesheetDay[];
  totals: TimesheetTotals;
}

export interface TimesheetSources {
  terms: TimesheetTerms;
  attendance: readonly AttendanceEntry[];
  approvedLeave: readonly ApprovedLeave[];
  /** Time tracking entries: the day and its hours (running timers count 0). */
  timeEntries: readonly { date: string; hours: number }[];
}

/** Hours kept in hundredths: 7.5 h days and 10-minute breaks add up without float error. */
const hours = (value: number): number => Math.round(value * 100) / 100;

/** Hours worked on one attendance day, in hundredths (0 while still checked in). */
export const workedHoursOf = (a: Pick<AttendanceEntry, 'checkIn' | 'checkOut' | 'breakMinutes'>): number => hours(workedMinutes(a) / 60);

/** The Monday of the ISO week holding `date`. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** Every day from `from` to `to`, inclusive. */
export const datesFrom = (from: string, to: string): string[] => Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_v, i) => addDays(from, i));

const sumOf = (days: readonly TimesheetDay[], field: keyof TimesheetTotals): number => hours(days.reduce((s, d) => s + d[field], 0));

/** The days `from`…`to` of one person's timesheet with their totals, as seen on `today`. */
export function timesheet(sources: TimesheetSources, from: string, to: string, today: string): Timesheet {
  const { pattern, holidays } = sources.terms;
  const leaveByDate = new Map<string, { cost: number; label: string }>();
  for (const leave of sources.approvedLeave) {
    for (const day of leaveDays(leave, pattern, holidays)) {
      if (day.cost === 0) continue;
      const seen = leaveByDate.get(day.date);
      leaveByDate.set(day.date, { cost: Math.min(1, (seen?.cost ?? 0) + day.cost), label: seen ? `${seen.label}, ${leave.leaveTypeLabel}` : leave.leaveTypeLabel });
    }
  }
  const attendanceByDate = new Map(sources.attendance.map((a) => [a.date, a]));
  const trackedByDate = new Map<string, number>();
  for (const entry of sources.timeEntries) trackedByDate.set(entry.date, (trackedByDate.get(entry.date) ?? 0) + entry.hours);

  const days = datesFrom(from, to).map((date): TimesheetDay => {
    const contractedHours = contractedHoursOn(pattern, date);
    const holidayHours = hours(contractedHours * holidayShareOn(holidays, date));
    const leave = leaveByDate.get(date);
    // Leave never frees more than the holiday left of the day (leave-days.ts already costs it so).
    const leaveHours = hours(Math.min(contractedHours - holidayHours, contractedHours * (leave?.cost ?? 0)));
    const expectedHours = hours(contractedHours - holidayHours - leaveHours);
    const attendance = attendanceByDate.get(date) ?? null;
    const workedHours = attendance ? workedHoursOf(attendance) : 0;
    const trackedHours = hours(trackedByDate.get(date) ?? 0);
    return {
      date, contractedHours, holidayHours, leaveHours, leaveLabel: leave?.label ?? '', expectedHours, workedHours, trackedHours,
      differenceHours: date > today ? 0 : hours(workedHours - expectedHours), untrackedHours: hours(workedHours - trackedHours), attendance,
    };
  });
  const fields = ['contractedHours', 'holidayHours', 'leaveHours', 'expectedHours', 'workedHours', 'trackedHours', 'differenceHours', 'untrackedHours'] as const;
  const totals = Object.fromEntries(fields.map((f) => [f, sumOf(days, f)])) as Record<(typeof fields)[number], number> satisfies TimesheetTotals;
  return { from, to, days, totals };
}

/** One person's line in the monthly summary. */
export interface MonthSummaryRow extends TimesheetTotals {
  personId: string;
  personName: string;
  /** Days with attendance, days still checked in (never checked out), corrections waiting. */
  daysPresent: number;
  daysOpen: number;
  correctionsWaiting: number;
}

/** A person's month: the timesheet totals of every day in `month` ('YYYY-MM') and their attendance counts. */
export function monthSummaryRow(person: { personId: string; personName: string }, sources: TimesheetSources, month: string, today: string): MonthSummaryRow {
  const from = `${month}-01`;
  const to = addDays(`${addMonth(month)}-01`, -1);
  const sheet = timesheet(sources, from, to, today);
  const inMonth = sheet.days.flatMap((d) => (d.attendance ? [d.attendance] : []));
  return {
    ...person,
    ...sheet.totals,
    daysPresent: inMonth.length,
    daysOpen: inMonth.filter((a) => a.status === 'checked_in').length,
    correctionsWaiting: inMonth.filter((a) => a.status === 'correction_requested').length,
  };
}

/** The month after 'YYYY-MM'. */
export function addMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
