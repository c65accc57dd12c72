import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import { dayNumber, fromDayNumber, isoWeekday, isoWeekOf, isPlanDate } from './plan-dates';
import type { ResourceAllocation } from './plan-item-model';

/**
 * How many hours a person can work on a normal day, and which ISO weekdays (1 = Monday) they work;
 * or, from an employee record's working pattern, the hours of each weekday (Monday first), which
 * then wins over both.
 */
export interface WorkingCapacity {
  personId: string;
  hoursPerDay: number;
  workingWeekdays?: readonly number[];
  hoursByWeekday?: readonly number[];
}

/** Leave or a public holiday. Without `personId` it applies to everyone; without `hours`, to the whole day. */
export interface DayOff {
  personId?: string;
  date: string;
  hours?: number;
}

/** Hours someone logged on a day (an `activity` time entry). */
export interface LoggedTime {
  personId: string;
  date: string;
  hours: number;
  isBillable: boolean;
}

export interface UtilisationQuery {
  personIds: readonly string[];
  /** Inclusive planning dates. */
  start: string;
  end: string;
  allocations: readonly ResourceAllocation[];
  timeEntries: readonly LoggedTime[];
  capacities: readonly WorkingCapacity[];
  daysOff?: readonly DayOff[];
  /** For people without a capacity entry. Defaults to 8 hours, Monday to Friday. */
  defaultCapacity?: Omit<WorkingCapacity, 'personId'>;
}

export interface UtilisationFigures {
  capacityHours: number;
  allocatedHours: number;
  loggedHours: number;
  billableHours: number;
  nonBillableHours: number;
  /** Allocated ÷ capacity, in percent; null when there is no capacity. */
  allocatedPercent: number | null;
  /** Logged ÷ capacity, in percent; null when there is no capacity. */
  loggedPercent: number | null;
  /** More hours allocated than the person has (allocation above 100%). */
  isOverAllocated: boolean;
  /** Billable ÷ logged, in percent; null when nothing was logged. */
  billablePercent: number | null;
}

export interface WeekUtilisation extends UtilisationFigures {
  /** ISO week, e.g. '2025-W03'. */
  week: string;
  /** The part of the week inside the query range (the first and last week may be partial). */
  from: string;
  to: string;
}

export interface PersonUtilisation {
  personId: string;
  weeks: WeekUtilisation[];
  totals: UtilisationFigures;
}

export interface TeamUtilisation {
  start: string;
  end: string;
  people: PersonUtilisation[];
  totals: UtilisationFigures;
}

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];
const round2 = (x: number) => Math.round(x * 100) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The spec's `calculate_team_utilization(user_ids, start_date, end_date)` as a pure function:
 * capacity, allocated and logged hours per person per ISO week, over-allocation flagged, billable
 * and non-billable hours apart.
 *
 * Capacity counts working weekdays minus leave and holidays. An allocation's hours are spread over
 * its period in proportion to the person's capacity on each day (so none lands on a weekend or a
 * holiday), or evenly over its calendar days when the person has no capacity in it at all. Only
 * the part of an allocation inside the range counts.
 */
export function calculateTeamUtilisation(query: UtilisationQuery): Result<TeamUtilisation> {
  const { start, end } = query;
  if (!isPlanDate(start) || !isPlanDate(end)) return fail(ErrorCode.invalid_input, 'Dates must be written YYYY-MM-DD.', { field: 'start' });
  if (end < start) return fail(ErrorCode.invalid_input, 'The end of the period is before its start.', { field: 'end' });

  const first = dayNumber(start);
  const last = dayNumber(end);
  const people = [...new Set(query.personIds)].map((personId) => personUtilisation(personId, first, last, query));
  return ok({ start, end, people: people.map((p) => p.row), totals: withPercents(sum(people.map((p) => p.exact))) });
}

type Sums = Pick<UtilisationFigures, 'capacityHours' | 'allocatedHours' | 'loggedHours' | 'billableHours' | 'nonBillableHours'>;

/** One person's rows, plus the unrounded totals so the team total is not a sum of rounded numbers. */
function personUtilisation(personId: string, first: number, last: number, query: UtilisationQuery): { row: PersonUtilisation; exact: Sums } {
  const capacityOn = capacityFor(personId, query);
  const allocatedByDay = new Map<number, number>();
  for (const allocation of query.allocations) {
    const a = allocation.data;
    if (a.resourceType !== 'person' || a.personId !== personId) continue;
    const from = Math.max(dayNumber(a.periodStart), first);
    const to = Math.min(dayNumber(a.periodEnd), last);
    if (from > to) continue;
    const periodDays = range(dayNumber(a.periodStart), dayNumber(a.periodEnd));
    const periodCapacity = periodDays.reduce((s, d) => s + capacityOn(d), 0);
    for (let d = from; d <= to; d++) {
      const share = periodCapacity > 0 ? capacityOn(d) / periodCapacity : 1 / periodDays.length;
      allocatedByDay.set(d, (allocatedByDay.get(d) ?? 0) + a.hours * share);
    }
  }

  const weeks = new Map<string, Sums & { from: number; to: number }>();
  for (let d = first; d <= last; d++) {
    const label = isoWeekOf(fromDayNumber(d)).label;
    const week = weeks.get(label) ?? { from: d, to: d, capacityHours: 0, allocatedHours: 0, loggedHours: 0, billableHours: 0, nonBillableHours: 0 };
    week.to = d;
    week.capacityHours += capacityOn(d);
    week.allocatedHours += allocatedByDay.get(d) ?? 0;
    weeks.set(label, week);
  }
  for (const entry of query.timeEntries) {
    if (entry.personId !== personId) continue;
    const d = dayNumber(entry.date);
    if (d < first || d > last) continue;
    const week = weeks.get(isoWeekOf(entry.date).label) as Sums;
    week.loggedHours += entry.hours;
    if (entry.isBillable) week.billableHours += entry.hours;
    else week.nonBillableHours += entry.hours;
  }

  const weekRows = [...weeks].map(([week, { from, to, ...sums }]): WeekUtilisation => ({
    week,
    from: fromDayNumber(from),
    to: fromDayNumber(to),
    ...withPercents(sums),
  }));
  const exact = sum([...weeks.values()]);
  return { row: { personId, weeks: weekRows, totals: withPercents(exact) }, exact };
}

function capacityFor(personId: string, query: UtilisationQuery): (day: number) => number {
  const own = query.capacities.find((c) => c.personId === personId);
  const hoursPerDay = own?.hoursPerDay ?? query.defaultCapacity?.hoursPerDay ?? 8;
  const weekdays = new Set(own?.workingWeekdays ?? query.defaultCapacity?.workingWeekdays ?? MONDAY_TO_FRIDAY);
  const off = new Map<number, number>();
  for (const d of query.daysOff ?? []) {
    if (d.personId !== undefined && d.personId !== personId) continue;
    const day = dayNumber(d.date);
    off.set(day, (off.get(day) ?? 0) + (d.hours ?? Infinity));
  }
  const pattern = own?.hoursByWeekday;
  const contracted = (weekday: number) => (pattern ? (pattern[weekday - 1] ?? 0) : weekdays.has(weekday) ? hoursPerDay : 0);
  return (day) => Math.max(0, contracted(isoWeekday(fromDayNumber(day))) - (off.get(day) ?? 0));
}

function sum(rows: readonly Sums[]): Sums {
  const total: Sums = { capacityHours: 0, allocatedHours: 0, loggedHours: 0, billableHours: 0, nonBillableHours: 0 };
  for (const r of rows) {
    total.capacityHours += r.capacityHours;
    total.allocatedHours += r.allocatedHours;
    total.loggedHours += r.loggedHours;
    total.billableHours += r.billableHours;
    total.nonBillableHours += r.nonBillableHours;
  }
  return total;
}

function withPercents(s: Sums): UtilisationFigures {
  const capacityHours = round2(s.capacityHours);
  const allocatedHours = round2(s.allocatedHours);
  return {
    capacityHours,
    allocatedHours,
    loggedHours: round2(s.loggedHours),
    billableHours: round2(s.billableHours),
    nonBillableHours: round2(s.nonBillableHours),
    allocatedPercent: percent(s.allocatedHours, s.capacityHours),
    loggedPercent: percent(s.loggedHours, s.capacityHours),
    // Compared after rounding so float dust from spreading hours over days never raises a flag.
    isOverAllocated: allocatedHours > capacityHours,
    billablePercent: percent(s.billableHours, s.loggedHours),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
