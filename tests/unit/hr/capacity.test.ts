import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityInputs, type CapacityLeave } from '../../../src-shared/hr/capacity';
import type { PublicHoliday } from '../../../src-shared/hr/holiday-calendar';
import { leaveDayCount, leaveDays } from '../../../src-shared/hr/leave-days';
import { leavePolicySchema } from '../../../src-shared/hr/leave-entitlement';
import type { PersonLeaveTerms } from '../../../src-shared/hr/leave-request-checks';
import { contractedHoursOn } from '../../../src-shared/hr/working-pattern';
import { addDays } from '../../../src-shared/projects/plan-dates';
import { calculateTeamUtilisation, type TeamUtilisation } from '../../../src-shared/projects/utilisation';

// June 2026: Mon 1 … Sun 7 (W23), Mon 8 … Sun 14 (W24). Corpus Christi on Thu 4, a half-day holiday on Fri 12.
const holidays: PublicHoliday[] = [
  { date: '2026-06-04', name: 'Corpus Christi', isHalfDay: false },
  { date: '2026-06-12', name: 'Works outing', isHalfDay: true },
];
const termsWith = (pattern: number[], days: PublicHoliday[] = holidays): PersonLeaveTerms => ({
  employment: { startDate: '2020-01-01', endDate: '', pattern },
  policy: leavePolicySchema.parse({}),
  holidays: days,
});
const fullTime = termsWith([8, 8, 8, 8, 8, 0, 0]);
const partTime = termsWith([6, 6, 0, 4, 0, 0, 0]); // Mon, Tue 6 h, Thu 4 h
const leave = (personId: string, startDate: string, endDate: string, status = 'approved', half: Partial<CapacityLeave['data']> = {}): CapacityLeave => ({
  status,
  data: { personId, startDate, endDate, ...half },
});

function utilisation(people: { personId: string; terms: PersonLeaveTerms | null }[], requests: CapacityLeave[], start = '2026-06-01', end = '2026-06-14'): TeamUtilisation {
  const result = calculateTeamUtilisation({ personIds: people.map((p) => p.personId), start, end, allocations: [], timeEntries: [], ...capacityInputs(people, requests, start, end) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const weeks = (u: TeamUtilisation, personId: string) => u.people.find((p) => p.personId === personId)?.weeks.map((w) => w.capacityHours);

describe('capacity from the employee record', () => {
  it('follows the working pattern and takes the location’s holidays off, half a day on a half-day holiday', () => {
    const u = utilisation([{ personId: 'ana', terms: fullTime }, { personId: 'ben', terms: partTime }], []);
    // Ana: 40 h less Corpus Christi (8) = 32; 40 h less half of Friday (4) = 36.
    expect(weeks(u, 'ana')).toEqual([32, 36]);
    // Ben: 16 h less Thursday's 4 = 12; 16 h (the half-day Friday is not his working day).
    expect(weeks(u, 'ben')).toEqual([12, 16]);
  });

  it('takes approved leave off, with half days, and never counts a holiday hour twice', () => {
    const requests = [
      // Wed 3 – Fri 5, the last day until noon: Wed 8 + Thu (holiday, already off) + Fri 4 = 12 h.
      leave('ana', '2026-06-03', '2026-06-05', 'approved', { isLastDayHalf: true }),
      // Fri 12 from noon, a half-day holiday: the leave costs the half day the holiday left (as the
      // balance counts it, leave-days.ts), so 4 h go; and Mon 8 whole.
      leave('ana', '2026-06-12', '2026-06-12', 'approved', { isFirstDayHalf: true }),
      leave('ana', '2026-06-08', '2026-06-08'),
    ];
    const u = utilisation([{ personId: 'ana', terms: fullTime }], requests);
    expect(weeks(u, 'ana')).toEqual([32 - 12, 36 - 8 - 4]);
  });

  it('leaves capacity alone for leave not approved (draft, waiting, refused, withdrawn)', () => {
    const requests = ['draft', 'submitted', 'rejected', 'cancelled'].map((status, i) => leave('ana', addDays('2026-06-08', i), addDays('2026-06-08', i), status));
    expect(weeks(utilisation([{ personId: 'ana', terms: fullTime }], requests), 'ana')).toEqual([32, 36]);
  });

  it('keeps the standard 8 hours Monday to Friday for someone without an employee record, whatever leave is known', () => {
    const u = utilisation([{ personId: 'eve', terms: null }], [leave('eve', '2026-06-01', '2026-06-02')]);
    expect(weeks(u, 'eve')).toEqual([40, 40]);
  });

  it('counts only the days of a leave inside the range', () => {
    const u = utilisation([{ personId: 'ana', terms: termsWith([8, 8, 8, 8, 8, 0, 0], []) }], [leave('ana', '2026-05-25', '2026-06-02')], '2026-06-01', '2026-06-07');
    expect(weeks(u, 'ana')).toEqual([40 - 16]);
  });

  it('lowers capacity by exactly the hours the leave costs, never below zero (property)', () => {
    const start = '2026-06-01';
    const arbitraryPattern = fc.array(fc.constantFrom(0, 4, 6, 8), { minLength: 7, maxLength: 7 }).filter((p) => p.some((h) => h > 0));
    fc.assert(
      fc.property(arbitraryPattern, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.boolean(), fc.boolean(), (pattern, a, b, firstHalf, lastHalf) => {
        const terms = termsWith(pattern);
        const span = { startDate: addDays(start, Math.min(a, b)), endDate: addDays(start, Math.max(a, b)), isFirstDayHalf: firstHalf, isLastDayHalf: lastHalf };
        const before = utilisation([{ personId: 'p', terms }], []).totals.capacityHours;
        const after = utilisation([{ personId: 'p', terms }], [leave('p', span.startDate, span.endDate, 'approved', span)]);
        const costInHours = leaveDays(span, pattern, holidays).reduce((sum, d) => sum + contractedHoursOn(pattern, d.date) * d.cost, 0);
        expect(before - after.totals.capacityHours).toBeCloseTo(costInHours);
        expect(after.people[0]?.weeks.every((w) => w.capacityHours >= 0)).toBe(true);
        // On an 8-hour pattern that is 8 hours for each day the leave costs.
        if (pattern.every((h) => h === 0 || h === 8)) expect(before - after.totals.capacityHours).toBeCloseTo(8 * leaveDayCount(span, pattern, holidays));
      }),
      { numRuns: 200 },
    );
  });
});
