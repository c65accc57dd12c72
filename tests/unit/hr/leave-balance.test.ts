import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstShortfall, leaveBalance } from '../../../src-shared/hr/leave-balance';
import { leaveDays, type LeaveDay } from '../../../src-shared/hr/leave-days';
import { accruedBy, entitlementForYear, leavePolicySchema, type Employment, type LeavePolicy } from '../../../src-shared/hr/leave-entitlement';
import { addDays } from '../../../src-shared/projects/plan-dates';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

const policy = leavePolicySchema.parse({ annualDays: 25, accrual: 'upfront', maxCarryOverDays: 5, carryOverUntil: '03-31' });
const fullTime: Employment = { startDate: '2025-01-01', pattern: standardWorkingPattern };
const book = (startDate: string, endDate: string): LeaveDay[] => leaveDays({ startDate, endDate }, standardWorkingPattern, []);

describe('leave balance across a year boundary', () => {
  it('carries the unused days into the next year up to the cap', () => {
    const days = book('2025-08-04', '2025-08-26'); // 17 working days
    const y2025 = leaveBalance(policy, fullTime, days, 2025, '2025-12-31');
    expect(y2025).toMatchObject({ entitlement: 25, taken: 17, available: 8, carriedOut: 5 });
    expect(leaveBalance(policy, fullTime, days, 2026, '2026-01-01')).toMatchObject({ carriedIn: 5, available: 30 });
  });

  it('uses carried days first and lets the rest lapse after the cut-off', () => {
    const days = [...book('2025-08-04', '2025-08-26'), ...book('2026-02-02', '2026-02-03')];
    expect(leaveBalance(policy, fullTime, days, 2026, '2026-03-31')).toMatchObject({ carriedIn: 5, carriedLapsed: 0, taken: 2, available: 28 });
    expect(leaveBalance(policy, fullTime, days, 2026, '2026-04-01')).toMatchObject({ carriedLapsed: 3, available: 25 });
  });

  it('counts a booking over New Year against both years', () => {
    const days = book('2025-12-22', '2026-01-09'); // 8 days in 2025, 7 in 2026
    expect(leaveBalance(policy, fullTime, days, 2025, '2025-12-31')).toMatchObject({ taken: 8, carriedOut: 5 });
    expect(leaveBalance(policy, fullTime, days, 2026, '2026-01-31')).toMatchObject({ carriedIn: 5, taken: 7, available: 23 });
  });

  it('finds the first day a booking is not covered, including days not yet earned', () => {
    const monthly = { ...policy, accrual: 'monthly' as const };
    // By 2 Feb 2025 a monthly accrual has earned 4 days (2 on 1 Jan, 4.17 on 1 Feb); a 5-day week is one too many.
    expect(firstShortfall(monthly, fullTime, book('2025-02-03', '2025-02-07'), 2025)).toEqual({ date: '2025-02-07', short: 1 });
    expect(firstShortfall(policy, fullTime, book('2025-02-03', '2025-02-07'), 2025)).toBeNull();
  });

  it('refuses leave that would need carried days after they lapsed', () => {
    const days = [...book('2025-08-04', '2025-08-26'), ...book('2026-04-01', '2026-05-05')]; // 25 working days in April–May 2026
    expect(firstShortfall(policy, fullTime, days, 2026)).toBeNull();
    const more = [...days, ...book('2026-06-01', '2026-06-01')];
    expect(firstShortfall(policy, fullTime, more, 2026)).toEqual({ date: '2026-06-01', short: 1 });
  });
});

// Random policies, people and requests, over 2025–2027 so every run crosses two year boundaries.
const policyArb: fc.Arbitrary<LeavePolicy> = fc.record({
  annualDays: fc.integer({ min: 0, max: 60 }).map((n) => n / 2),
  accrual: fc.constantFrom('upfront' as const, 'monthly' as const),
  maxCarryOverDays: fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
  carryOverUntil: fc.constantFrom('', '01-31', '03-31', '06-30', '12-31'),
});
const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
const employmentArb: fc.Arbitrary<Employment> = fc.record({
  startDate: fc.integer({ min: 0, max: 500 }).map((n) => addDays('2025-01-01', n)),
  pattern: fc.constantFrom(standardWorkingPattern, [8, 0, 8, 0, 8, 0, 0], [6, 6, 6, 6, 6, 6, 0], [0, 0, 0, 0, 8, 8, 8]),
});
const requestArb = fc.record({ startDate: dayArb, length: fc.integer({ min: 0, max: 20 }), isFirstDayHalf: fc.boolean(), isLastDayHalf: fc.boolean() });

type Requested = { startDate: string; length: number; isFirstDayHalf: boolean; isLastDayHalf: boolean };

/** Books requests in order the way the invariant does: each only if no day becomes uncovered. */
function bookAccepted(p: LeavePolicy, e: Employment, requests: readonly Requested[]): LeaveDay[] {
  let booked: LeaveDay[] = [];
  for (const r of requests) {
    const days = leaveDays({ ...r, endDate: addDays(r.startDate, r.length) }, e.pattern, []).filter((d) => d.date >= e.startDate);
    const next = [...booked, ...days];
    if (firstShortfall(p, e, next, Number(r.startDate.slice(0, 4))) === null) booked = next;
  }
  return booked;
}

describe('balance properties (fast-check)', () => {
  it('never leaves a year ending below zero, and carries between 0 and the cap', () => {
    fc.assert(
      fc.property(policyArb, employmentArb, fc.array(requestArb, { maxLength: 25 }), (p, e, requests) => {
        const booked = bookAccepted(p, e, requests);
        let carried = 0;
        for (const year of [2025, 2026, 2027]) {
          const end = leaveBalance(p, e, booked, year, `${year}-12-31`);
          expect(end.carriedIn).toBe(carried);
          expect(end.available).toBeGreaterThanOrEqual(0);
          expect(end.carriedOut).toBe(Math.min(p.maxCarryOverDays, end.available));
          carried = end.carriedOut;
        }
        expect(firstShortfall(p, e, booked, 2025)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('accrues monotonically up to exactly the entitlement by the year\'s end', () => {
    fc.assert(
      fc.property(policyArb, employmentArb, dayArb, dayArb, (p, e, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const year = Number(late.slice(0, 4));
        const entitlement = entitlementForYear(p, e, year);
        expect(accruedBy(p, e, year, early)).toBeLessThanOrEqual(accruedBy(p, e, year, late));
        expect(accruedBy(p, e, year, late)).toBeLessThanOrEqual(entitlement);
        expect(accruedBy(p, e, year, `${year}-12-31`)).toBe(entitlement);
        expect((accruedBy(p, e, year, late) * 2) % 1).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('splits a leave over years without losing or inventing half days', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const span = { ...r, endDate: addDays(r.startDate, r.length) };
        const days = leaveDays(span, standardWorkingPattern, []);
        const total = days.reduce((s, d) => s + d.cost, 0);
        expect(total).toBeLessThanOrEqual(r.length + 1);
        expect((total * 2) % 1).toBe(0);
        const byYear = new Map<string, number>();
        for (const d of days) byYear.set(d.date.slice(0, 4), (byYear.get(d.date.slice(0, 4)) ?? 0) + d.cost);
        expect([...byYear.values()].reduce((s, v) => s + v, 0)).toBe(total);
      }),
    );
  });
});
