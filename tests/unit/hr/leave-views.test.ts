import { describe, expect, it } from 'vitest';
import { leavePolicySchema } from '../../../src-shared/hr/leave-entitlement';
import type { LeaveRequestFacts } from '../../../src-shared/hr/leave-request-checks';
import { leaveBalances, teamLeaveCalendar, type LeaveRow, type LeaveTerms } from '../../../src-shared/hr/leave-views';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

const terms: LeaveTerms = {
  employment: { startDate: '2025-01-01', pattern: [...standardWorkingPattern] },
  policy: leavePolicySchema.parse({ annualDays: 20, maxCarryOverDays: 0 }),
  holidays: [{ date: '2026-05-01', name: 'Labour Day', isHalfDay: false }],
};
const request = (status: string, data: Partial<LeaveRequestFacts>) => ({ status, data: { personId: 'max', leaveType: 'annual', startDate: '2026-05-04', endDate: '2026-05-04', days: 1, ...data } });
const row = (personId: string, personName: string, status: string, startDate: string, endDate: string, extra: Partial<LeaveRow> = {}): LeaveRow => ({
  id: `${personId}-${startDate}`, number: '', personId, personName, status, statusLabel: status, leaveType: 'annual', leaveTypeLabel: 'Annual leave', startDate, endDate, isFirstDayHalf: false, isLastDayHalf: false, days: 0, ...extra,
});

describe('leave balances per type', () => {
  it('hold every live request, say what waits for approval, and only total the types without an entitlement', () => {
    const balances = leaveBalances(terms, [
      request('approved', { startDate: '2026-03-02', endDate: '2026-03-06' }),
      request('submitted', { startDate: '2026-04-30', endDate: '2026-05-04', isLastDayHalf: true }),
      request('rejected', { startDate: '2026-06-01', endDate: '2026-06-05' }),
      request('draft', { leaveType: 'sick', startDate: '2026-02-02', endDate: '2026-02-03' }),
      // Next year's leave counts against next year only.
      request('approved', { startDate: '2027-01-04', endDate: '2027-01-05' }),
    ], 2026, '2026-04-01');
    const annual = balances.find((b) => b.leaveType === 'annual');
    // 30 Apr (1) + 1 May (a holiday, 0) + 4 May (half) = 1.5 waiting; 5 days taken in March.
    expect(annual).toMatchObject({ isBalanced: true, entitlement: 20, taken: 5, booked: 1.5, available: 13.5, waiting: 1.5 });
    expect(balances.find((b) => b.leaveType === 'sick')).toMatchObject({ isBalanced: false, taken: 2, booked: 0, waiting: 2, available: 0 });
    expect(balances.map((b) => b.label)).toEqual(['Annual leave', 'Sick leave', 'Unpaid leave', 'Parental leave', 'Training', 'Other']);
  });
});

describe('the team leave calendar', () => {
  it('lists submitted and approved leave day by day within the month, working days only, half days as half, by name', () => {
    const calendar = teamLeaveCalendar('2026-05', [
      row('max', 'Max', 'approved', '2026-04-29', '2026-05-04', { isLastDayHalf: true }),
      row('ada', 'Ada', 'submitted', '2026-05-28', '2026-06-03'),
      row('ida', 'Ida', 'draft', '2026-05-11', '2026-05-12'),
      row('ola', 'Ola', 'cancelled', '2026-05-11', '2026-05-12'),
      row('uwe', 'Uwe', 'approved', '2026-06-01', '2026-06-02'),
    ], (personId) => (personId === 'max' ? terms : null));
    expect(calendar.dates).toHaveLength(31);
    expect(calendar.people.map((p) => p.personName)).toEqual(['Ada', 'Max']);
    // Max: 1 May is his location's holiday, the 2nd and 3rd a weekend, the 4th until noon.
    expect(calendar.people[1]?.days).toEqual([{ date: '2026-05-04', cost: 0.5, status: 'approved', leaveType: 'annual' }]);
    // Ada has no employee record the reader may read: the standard week, no holidays, cut at the month's end.
    expect(calendar.people[0]?.days.map((d) => d.date)).toEqual(['2026-05-28', '2026-05-29']);
  });
});
