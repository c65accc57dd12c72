import { addDays } from '../projects/plan-dates';
import { leaveBalance, takenAndBooked } from './leave-balance';
import { leaveDays } from './leave-days';
import { balancedLeaveTypes, liveLeaveStatuses, type LeaveRequestFacts, type PersonLeaveTerms } from './leave-request-checks';
import { leaveTypes } from './leave-request-kind';
import { standardWorkingPattern } from './working-pattern';

/**
 * What the leave screens show (src-renderer/hr): a person's balance per leave type for a year and
 * their requests, and a team's leave over a month. Pure: the host gives the records the asker may
 * read and today's date.
 */
export const leaveTypeLabels: Readonly<Record<(typeof leaveTypes)[number], string>> = {
  annual: 'Annual leave',
  sick: 'Sick leave',
  unpaid: 'Unpaid leave',
  parental: 'Parental leave',
  training: 'Training',
  other: 'Other',
};
export const leaveTypeLabel = (type: string): string => leaveTypeLabels[type as keyof typeof leaveTypeLabels] ?? type;

export interface LeaveRow {
  id: string;
  number: string;
  personId: string;
  personName: string;
  status: string;
  statusLabel: string;
  leaveType: string;
  leaveTypeLabel: string;
  startDate: string;
  endDate: string;
  isFirstDayHalf: boolean;
  isLastDayHalf: boolean;
  days: number;
}

export interface LeaveTypeBalance {
  leaveType: string;
  label: string;
  /** Counted against the yearly entitlement (annual leave); the other types are only totalled. */
  isBalanced: boolean;
  entitlement: number;
  carriedIn: number;
  /** Days taken up to today, and booked after today (drafts, submitted and approved). */
  taken: number;
  booked: number;
  /** What may still be booked this year (balanced types only). */
  available: number;
  /** Of the year's days taken and booked: those still waiting for approval (drafts and submitted requests). */
  waiting: number;
}

/** A person's pattern, policy and holidays, from their employee record (leave-request-checks.ts). */
export type LeaveTerms = PersonLeaveTerms;

export interface MyLeaveView {
  year: number;
  /** Null until HR has set up the person's employee record (pattern, entitlement, location). */
  terms: LeaveTerms | null;
  balances: LeaveTypeBalance[];
  requests: LeaveRow[];
}

type Request = Pick<LeaveRow, 'status'> & { data: LeaveRequestFacts };

/**
 * The balance of each leave type in `year` as seen `today`. Requests hold their days from the draft
 * on (as the leave_request invariant counts them), so what is left drops when leave is requested;
 * `waiting` says how much of it the manager has still to approve. Each request's days are counted once.
 */
export function leaveBalances(terms: LeaveTerms, requests: readonly Request[], year: number, today: string): LeaveTypeBalance[] {
  const counted = requests
    .filter((r) => liveLeaveStatuses.has(r.status))
    .map((r) => ({ type: r.data.leaveType, isApproved: r.status === 'approved', days: leaveDays(r.data, terms.employment.pattern, terms.holidays) }));
  const prefix = `${year}-`;
  return leaveTypes.map((type) => {
    const ofType = counted.filter((r) => r.type === type);
    const days = ofType.flatMap((r) => r.days);
    const waiting = ofType.filter((r) => !r.isApproved).reduce((sum, r) => r.days.reduce((s, d) => (d.date.startsWith(prefix) ? s + d.cost : s), sum), 0);
    const counts = { leaveType: type, label: leaveTypeLabel(type), waiting };
    if (!balancedLeaveTypes.has(type)) return { ...counts, ...takenAndBooked(days, year, today), isBalanced: false, entitlement: 0, carriedIn: 0, available: 0 };
    const balance = leaveBalance(terms.policy, terms.employment, days, year, today);
    return { ...counts, taken: balance.taken, booked: balance.booked, isBalanced: true, entitlement: balance.entitlement, carriedIn: balance.carriedIn, available: balance.available };
  });
}

export interface TeamLeaveDay {
  date: string;
  /** 0.5 for a half day. */
  cost: number;
  status: string;
  leaveType: string;
}

export interface TeamCalendar {
  month: string;
  /** Every date of the month, 'YYYY-MM-DD'. */
  dates: string[];
  people: { personId: string; personName: string; days: TeamLeaveDay[] }[];
}

/** The dates of 'YYYY-MM'. */
export function datesOfMonth(month: string): string[] {
  const dates: string[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * Who is away on which day of the month: submitted and approved leave (drafts are not planned yet),
 * each day at what it costs that person (weekends and holidays left blank). People without leave in
 * the month are left out; rows sorted by name.
 */
export function teamLeaveCalendar(month: string, rows: readonly LeaveRow[], termsOf: (personId: string) => LeaveTerms | null): TeamCalendar {
  const dates = datesOfMonth(month);
  const first = dates[0] ?? `${month}-01`;
  const last = dates[dates.length - 1] ?? first;
  const byPerson = new Map<string, { personId: string; personName: string; days: TeamLeaveDay[] }>();
  for (const row of rows) {
    if (row.status !== 'submitted' && row.status !== 'approved') continue;
    if (row.endDate < first || row.startDate > last) continue;
    const terms = termsOf(row.personId);
    // Without an employee record the asker may read, the standard week and no holidays.
    const days = leaveDays(row, terms?.employment.pattern ?? standardWorkingPattern, terms?.holidays ?? []);
    const entry = byPerson.get(row.personId) ?? { personId: row.personId, personName: row.personName, days: [] };
    for (const d of days) if (d.cost > 0 && d.date >= first && d.date <= last) entry.days.push({ date: d.date, cost: d.cost, status: row.status, leaveType: row.leaveType });
    byPerson.set(row.personId, entry);
  }
  return { month, dates, people: [...byPerson.values()].filter((p) => p.days.length > 0).sort((a, b) => a.personName.localeCompare(b.personName)) };
}
