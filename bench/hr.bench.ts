/**
 * HR benchmark (issue 14 item 10), three measurements of what HR's screens compute, each beside a
 * reference measured in the same run:
 *
 *   npm run bench:hr
 *
 * - `matrixOpenMs`: the employee list with the training matrix (src-shared/hr/employee-views.ts) for
 *   500 employees × 100 required courses, from record-shaped documents (about 45,000 completions,
 *   some expired, some expiring), as `hr/employees` answers it. Reference: the least work that gives
 *   the same table — one pass indexing each person's latest expiry per course, one nested loop
 *   reading it out — with no record shapes, statuses or sorting.
 * - `leaveCalendarMs`: the team leave calendar of one month (leave-views.ts `teamLeaveCalendar`)
 *   with 500 people, each with two leave requests touching the month, holidays of their location and
 *   half days. Reference: marking the same requests' dates in a month grid by date comparison only
 *   (no working patterns, holidays or half days).
 * - `balancesMs`: every leave type's balance for 500 people over a year (`leaveBalances`: carry-over
 *   from the year before, accrual, taken and booked, the year's ten requests each). Reference: the
 *   same requests' days counted (`leaveDayCount`) and summed per person — the cost of knowing what
 *   the leave costs at all.
 *
 * Pure computations on this machine's clock: each is the median of seven runs after a warm-up; the
 * load average is reported. Not included: reading the records from RxDB (bench:records measures the
 * register's reads). Prints ONE JSON object on the last line of stdout.
 */
import { cpus, loadavg } from 'node:os';
import { employeeOverview } from '../src-shared/hr/employee-views';
import type { PublicHoliday } from '../src-shared/hr/holiday-calendar';
import { leaveDayCount } from '../src-shared/hr/leave-days';
import { leavePolicySchema } from '../src-shared/hr/leave-entitlement';
import type { LeaveRequestFacts, PersonLeaveTerms } from '../src-shared/hr/leave-request-checks';
import { datesOfMonth, leaveBalances, teamLeaveCalendar, type LeaveRow } from '../src-shared/hr/leave-views';
import { expiryOf } from '../src-shared/hr/training-matrix';
import { addDays } from '../src-shared/projects/plan-dates';

const log = (message: string) => process.stderr.write(`${message}\n`);
const GOALS = { matrixOpenMs: 500, leaveCalendarMs: 300, balancesMs: 200 };
const PEOPLE = 500;
const COURSES = 100;
const TODAY = '2026-06-15';
const round = (n: number) => Math.round(n * 10) / 10;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** Median of seven timed calls after one warm-up call. */
function timed(work: () => unknown): number {
  work();
  return round(median(Array.from({ length: 7 }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  })));
}

/** A small deterministic generator (the same data every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const personId = (i: number) => `P-${String(i).padStart(4, '0')}`;
const holidays: PublicHoliday[] = [
  { date: '2026-01-01', name: 'New Year', isHalfDay: false }, { date: '2026-05-01', name: 'Labour Day', isHalfDay: false },
  { date: '2026-06-04', name: 'Corpus Christi', isHalfDay: false }, { date: '2026-06-24', name: 'Midsummer Eve', isHalfDay: true },
  { date: '2026-12-24', name: 'Christmas Eve', isHalfDay: true }, { date: '2026-12-25', name: 'Christmas Day', isHalfDay: false },
];
const terms = (i: number): PersonLeaveTerms => ({
  employment: { startDate: i % 10 === 0 ? '2026-03-01' : '2020-01-01', endDate: '', pattern: i % 7 === 0 ? [8, 8, 8, 0, 0, 0, 0] : [8, 8, 8, 8, 8, 0, 0] },
  policy: leavePolicySchema.parse({ annualDays: 25, accrual: i % 2 === 0 ? 'monthly' : 'upfront' }),
  holidays,
});

function measureMatrix() {
  const next = random(14);
  const employees = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `EMP-${i}`, number: `EMP-${i}`, status: 'active', statusLabel: 'Employed',
    data: { personId: personId(i), jobTitle: 'Lab technician', managerId: '', startDate: '2020-01-01', employmentType: 'permanent' },
  }));
  const courses = Array.from({ length: COURSES }, (_, c) => ({
    id: `TRN-${c}`, status: 'active', data: { title: `Course ${String(c).padStart(3, '0')}`, validityMonths: 12 + (c % 3) * 12, requiredForRoles: ['member'], requiredForEquipmentIds: [] },
  }));
  const completions: { id: string; status: string; data: Record<string, string> }[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    for (let c = 0; c < COURSES; c++) {
      if (next() < 0.1) continue; // missing
      const completedOn = addDays('2024-06-15', Math.floor(next() * 730));
      const validity = 12 + (c % 3) * 12;
      completions.push({ id: `C-${completions.length}`, status: 'recorded', data: { personId: personId(p), courseId: `TRN-${c}`, completedOn, expiresOn: expiryOf(completedOn, validity) } });
    }
  }
  const names = new Map(employees.map((e) => [e.data.personId, `Person ${e.data.personId}`]));
  const sources = { employees, courses, completions, rolesOf: () => ['member'], nameOf: (id: string) => names.get(id) ?? id };
  let cells = 0;
  const ours = timed(() => {
    cells = employeeOverview(sources, TODAY).rows.reduce((sum, r) => sum + Object.keys(r.trainings).length, 0);
  });
  const warnBy = addDays(TODAY, 30);
  let referenceCells = 0;
  const reference = timed(() => {
    const latest = new Map<string, string>();
    for (const c of completions) {
      const key = `${c.data.personId}|${c.data.courseId}`;
      const e = c.data.expiresOn as string;
      if ((latest.get(key) ?? '') < e) latest.set(key, e);
    }
    const table: string[][] = [];
    for (const e of employees) {
      table.push(courses.map((course) => {
        const until = latest.get(`${e.data.personId}|${course.id}`);
        return until === undefined ? 'missing' : until < TODAY ? 'expired' : until <= warnBy ? 'expiring' : 'valid';
      }));
    }
    referenceCells = table.length * COURSES;
  });
  return { ours, reference, cells, referenceCells, completions: completions.length };
}

function leaveRow(i: number, n: number, startDate: string, endDate: string, extra: Partial<LeaveRow> = {}): LeaveRow {
  return {
    id: `L-${i}-${n}`, number: `LV-${i}-${n}`, personId: personId(i), personName: `Person ${i}`, status: n % 3 === 0 ? 'submitted' : 'approved', statusLabel: '',
    leaveType: 'annual', leaveTypeLabel: 'Annual leave', startDate, endDate, isFirstDayHalf: false, isLastDayHalf: n % 2 === 1, days: 0, ...extra,
  };
}

function measureCalendar() {
  const month = '2026-06';
  const rows: LeaveRow[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const start = addDays('2026-05-28', i % 25);
    rows.push(leaveRow(i, 0, start, addDays(start, 4)), leaveRow(i, 1, addDays(start, 14), addDays(start, 16), { isFirstDayHalf: true }));
  }
  const termsById = new Map(Array.from({ length: PEOPLE }, (_, i) => [personId(i), terms(i)]));
  let marked = 0;
  const ours = timed(() => {
    marked = teamLeaveCalendar(month, rows, (id) => termsById.get(id) ?? null).people.reduce((sum, p) => sum + p.days.length, 0);
  });
  let referenceMarked = 0;
  const reference = timed(() => {
    const dates = datesOfMonth(month);
    const grid = new Map<string, Set<string>>();
    for (const r of rows) {
      const days = grid.get(r.personId) ?? new Set<string>();
      for (const d of dates) if (d >= r.startDate && d <= r.endDate) days.add(d);
      grid.set(r.personId, days);
    }
    referenceMarked = [...grid.values()].reduce((sum, s) => sum + s.size, 0);
  });
  return { ours, reference, marked, referenceMarked, people: PEOPLE };
}

function measureBalances() {
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const requests: { status: string; data: LeaveRequestFacts }[] = [];
    for (let n = 0; n < 10; n++) {
      const startDate = addDays('2026-01-12', n * 35 + (i % 5));
      requests.push({ status: n < 6 ? 'approved' : 'submitted', data: { personId: personId(i), leaveType: n === 9 ? 'sick' : 'annual', startDate, endDate: addDays(startDate, 1 + (n % 3)), isLastDayHalf: n % 4 === 0, days: 0 } });
    }
    // Carried over from the year before: one week in December.
    requests.push({ status: 'approved', data: { personId: personId(i), leaveType: 'annual', startDate: '2025-12-15', endDate: '2025-12-19', days: 0 } });
    return { terms: terms(i), requests };
  });
  let available = 0;
  const ours = timed(() => {
    available = 0;
    for (const p of people) available += leaveBalances(p.terms, p.requests, 2026, TODAY).find((b) => b.leaveType === 'annual')?.available ?? 0;
  });
  let counted = 0;
  const reference = timed(() => {
    counted = 0;
    for (const p of people) for (const r of p.requests) counted += leaveDayCount(r.data, p.terms.employment.pattern, p.terms.holidays);
  });
  return { ours, reference, people: PEOPLE, availableDays: available, countedDays: counted };
}

function main() {
  const loadAtStart = round(loadavg()[0] as number);
  log(`hr benchmark on ${cpus().length} CPUs, load ${loadAtStart}`);
  log('training matrix …');
  const matrix = measureMatrix();
  log(JSON.stringify(matrix));
  log('team leave calendar …');
  const calendar = measureCalendar();
  log(JSON.stringify(calendar));
  log('balances …');
  const balances = measureBalances();
  log(JSON.stringify(balances));
  const result = {
    matrixOpenMs: matrix.ours,
    leaveCalendarMs: calendar.ours,
    balancesMs: balances.ours,
    reference: { matrixOpenMs: matrix.reference, leaveCalendarMs: calendar.reference, balancesMs: balances.reference },
    ratios: { matrixOpen: ratio(matrix.ours, matrix.reference), leaveCalendar: ratio(calendar.ours, calendar.reference), balances: ratio(balances.ours, balances.reference) },
    goals: GOALS,
    meetsGoals: matrix.ours <= GOALS.matrixOpenMs && calendar.ours <= GOALS.leaveCalendarMs && balances.ours <= GOALS.balancesMs,
    sizes: { people: PEOPLE, courses: COURSES, completions: matrix.completions, matrixCells: matrix.cells, calendarDays: calendar.marked },
    machine: { cpus: cpus().length, loadAtStart, loadAtEnd: round(loadavg()[0] as number) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
