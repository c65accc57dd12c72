import { describe, expect, it } from 'vitest';
import { accruedBy, entitlementForYear, leavePolicySchema, toHalfDays } from '../../../src-shared/hr/leave-entitlement';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

const policy = leavePolicySchema.parse({ annualDays: 25, accrual: 'upfront', maxCarryOverDays: 5, carryOverUntil: '03-31' });
const monthly = { ...policy, accrual: 'monthly' as const };
const fullTime = { startDate: '2020-01-01', pattern: standardWorkingPattern };

describe('yearly entitlement', () => {
  it('gives the contractual days for a full year of full time', () => {
    expect(entitlementForYear(policy, fullTime, 2026)).toBe(25);
  });

  it('scales to working days per week: 3 days a week earns 3/5', () => {
    expect(entitlementForYear(policy, { ...fullTime, pattern: [8, 0, 8, 0, 8, 0, 0] }, 2026)).toBe(15);
  });

  it('is pro rata for joiners and leavers, to the nearest half day', () => {
    // Joining 1 July 2026: 184 of 365 days → 12.6 → 12.5.
    expect(entitlementForYear(policy, { ...fullTime, startDate: '2026-07-01' }, 2026)).toBe(12.5);
    // Leaving 31 March 2026: 90 of 365 days → 6.16 → 6.
    expect(entitlementForYear(policy, { ...fullTime, endDate: '2026-03-31' }, 2026)).toBe(6);
    expect(entitlementForYear(policy, { ...fullTime, endDate: '2025-12-31' }, 2026)).toBe(0);
    expect(entitlementForYear(policy, { ...fullTime, startDate: '2027-01-01' }, 2026)).toBe(0);
  });

  it('rounds to half days with ties up', () => {
    expect([toHalfDays(12.25), toHalfDays(12.24), toHalfDays(12.75), toHalfDays(0)]).toEqual([12.5, 12, 13, 0]);
  });
});

describe('accrual', () => {
  it('gives everything on the first day when up front, nothing before', () => {
    expect(accruedBy(policy, fullTime, 2026, '2025-12-31')).toBe(0);
    expect(accruedBy(policy, fullTime, 2026, '2026-01-01')).toBe(25);
  });

  it('earns a twelfth on the first of each month, rounded down to half days, the whole by December', () => {
    expect(accruedBy(monthly, fullTime, 2026, '2026-01-01')).toBe(2); // 2.08
    expect(accruedBy(monthly, fullTime, 2026, '2026-02-28')).toBe(4); // 4.17
    expect(accruedBy(monthly, fullTime, 2026, '2026-06-30')).toBe(12.5);
    expect(accruedBy(monthly, fullTime, 2026, '2026-12-01')).toBe(25);
  });

  it('spreads a joiner\'s pro-rata days over the months they are employed', () => {
    const joiner = { ...fullTime, startDate: '2026-07-01' };
    expect(accruedBy(monthly, joiner, 2026, '2026-06-30')).toBe(0);
    expect(accruedBy(monthly, joiner, 2026, '2026-07-01')).toBe(2); // 12.5 / 6 = 2.08
    expect(accruedBy(monthly, joiner, 2026, '2026-12-31')).toBe(12.5);
  });
});
