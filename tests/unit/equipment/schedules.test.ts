import { describe, expect, it } from 'vitest';
import { nextMaintenanceDue, preventiveOrderToCreate, preventiveWorkOrderId } from '../../../src-shared/equipment/maintenance-schedule';
import { lastMonths, onTimeRate } from '../../../src-shared/equipment/on-time-rate';
import { equipmentDashboard } from '../../../src-shared/equipment/equipment-dashboard';
import { calibration, yearlyPlan } from './fixtures';

describe('on-time calibration rate', () => {
  it('counts each due date in its month: met on time, met late, or missed', () => {
    const monthly = yearlyPlan({ interval: { count: 1, unit: 'months' }, firstDueDate: '2026-01-15' });
    const cals = [calibration('2026-01-10'), calibration('2026-02-12'), calibration('2026-03-20')];
    // Due 01-15 met 01-10 (on time); due 02-10 met 02-12 (late); due 03-12 met 03-20 (late); due 04-20 missed by 05-05.
    const { months, overall } = onTimeRate([{ plan: monthly, calibrations: cals }], '2026-05-05', 6);
    expect(months.map((m) => [m.month, m.due, m.onTime])).toEqual([
      ['2025-12', 0, 0],
      ['2026-01', 1, 1],
      ['2026-02', 1, 0],
      ['2026-03', 1, 0],
      ['2026-04', 1, 0],
      ['2026-05', 0, 0],
    ]);
    expect(months[1]?.rate).toBe(1);
    expect(months[0]?.rate).toBeNull();
    expect(overall).toMatchObject({ due: 4, onTime: 1, rate: 0.25 });
  });

  it('lists the last months across a year end', () => {
    expect(lastMonths('2026-02-10', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('equipment dashboard', () => {
  const base = { number: 'EQ-0001', name: 'Balance', status: 'in_service', custodianId: 'cara', location: 'Main · Lab 1', calibrations: [] };
  it('sorts instruments into due soon, overdue and out of service, by location', () => {
    const board = equipmentDashboard([
      { ...base, id: 'a', plans: [yearlyPlan({ firstDueDate: '2026-05-20' })] },
      { ...base, id: 'b', number: 'EQ-0002', plans: [yearlyPlan({ firstDueDate: '2026-04-01' })] },
      { ...base, id: 'c', number: 'EQ-0003', status: 'quarantined', location: 'Main · Lab 2', plans: [yearlyPlan({ firstDueDate: '2026-09-01' })] },
      { ...base, id: 'd', number: 'EQ-0004', status: 'disposed', plans: [yearlyPlan({ firstDueDate: '2026-01-01' })] },
      { ...base, id: 'e', number: 'EQ-0005', location: '', plans: [] },
    ], '2026-05-05');
    expect(board.dueSoon.map((r) => [r.number, r.daysLeft])).toEqual([['EQ-0001', 15]]);
    expect(board.overdue.map((r) => [r.number, r.daysLeft])).toEqual([['EQ-0002', -34]]);
    expect(board.outOfService.map((r) => r.number)).toEqual(['EQ-0003']);
    expect(board.byLocation).toEqual([
      { location: 'Main · Lab 1', instruments: 2, dueSoon: 1, overdue: 1, outOfService: 0 },
      { location: 'Main · Lab 2', instruments: 1, dueSoon: 0, overdue: 0, outOfService: 1 },
      { location: 'No location', instruments: 1, dueSoon: 0, overdue: 0, outOfService: 0 },
    ]);
    expect(board).toMatchObject({ total: 4, inService: 3 });
  });
});

describe('preventive maintenance schedule', () => {
  const plan = { id: 'PM1', isActive: true, firstDueDate: '2026-03-01', interval: { count: 3, unit: 'months' as const }, leadDays: 7 };
  it('creates the first order its lead days ahead, then each an interval after the previous due date', () => {
    expect(preventiveOrderToCreate(plan, [], '2026-02-21')).toBeNull();
    expect(preventiveOrderToCreate(plan, [], '2026-02-22')).toEqual({ dueDate: '2026-03-01', createOn: '2026-02-22' });
    const created = [{ planId: 'PM1', dueDate: '2026-03-01' }];
    expect(nextMaintenanceDue(plan, created)).toBe('2026-06-01');
    expect(preventiveOrderToCreate(plan, created, '2026-05-01')).toBeNull();
    expect(preventiveOrderToCreate({ ...plan, isActive: false }, [], '2026-12-01')).toBeNull();
  });

  it('after a long pause creates only the latest missed order, with an id fixed by plan and due date', () => {
    expect(preventiveOrderToCreate(plan, [{ planId: 'PM1', dueDate: '2026-03-01' }], '2027-01-01')).toEqual({ dueDate: '2026-12-01', createOn: '2026-11-24' });
    expect(preventiveWorkOrderId('PM1', '2026-12-01')).toBe(preventiveWorkOrderId('PM1', '2026-12-01'));
    expect(preventiveWorkOrderId('PM1', '2026-12-01')).not.toBe(preventiveWorkOrderId('PM1', '2027-03-01'));
  });
});
