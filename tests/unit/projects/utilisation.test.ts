import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/projects/plan-dates';
import { resourceAllocationSchema, type ResourceAllocation } from '../../../src-shared/projects/plan-item-model';
import { calculateTeamUtilisation, type TeamUtilisation, type UtilisationQuery } from '../../../src-shared/projects/utilisation';

let n = 0;
const allocation = (data: Record<string, unknown>): ResourceAllocation =>
  resourceAllocationSchema.parse({
    id: `ra-${++n}`,
    createdAt: '2025-01-01T08:00:00Z',
    updatedAt: '2025-01-01T08:00:00Z',
    createdBy: 'u-1',
    updatedBy: 'u-1',
    auditId: 'a-1',
    projectId: 'p-1',
    kind: 'resource_allocation',
    title: 'Booking',
    data,
  });

const query: UtilisationQuery = {
  personIds: ['u-ana', 'u-ben'],
  start: '2025-01-01', // a Wednesday in ISO week 2025-W01
  end: '2025-01-12', // the Sunday ending 2025-W02
  capacities: [{ personId: 'u-ben', hoursPerDay: 6, workingWeekdays: [1, 2, 3] }], // Ana gets the default 8 h Mon–Fri
  daysOff: [{ date: '2025-01-01' }, { personId: 'u-ben', date: '2025-01-07', hours: 3 }],
  allocations: [
    allocation({ resourceType: 'person', personId: 'u-ana', hours: 60, periodStart: '2025-01-06', periodEnd: '2025-01-10' }),
    allocation({ resourceType: 'person', personId: 'u-ana', hours: 8, periodStart: '2025-01-02', periodEnd: '2025-01-03' }),
    // Runs past the range: only the share on Jan 6–8 counts (15 of Ben's 27 capacity hours in the period).
    allocation({ resourceType: 'person', personId: 'u-ben', hours: 30, periodStart: '2025-01-01', periodEnd: '2025-01-14' }),
    allocation({ resourceType: 'equipment', equipmentId: 'u-ana', hours: 100, periodStart: '2025-01-06', periodEnd: '2025-01-10' }),
  ],
  timeEntries: [
    { personId: 'u-ana', date: '2025-01-02', hours: 6, isBillable: true },
    { personId: 'u-ana', date: '2025-01-03', hours: 2, isBillable: false },
    { personId: 'u-ana', date: '2025-01-06', hours: 8, isBillable: true },
    { personId: 'u-ana', date: '2025-01-20', hours: 8, isBillable: true },
    { personId: 'u-ben', date: '2025-01-08', hours: 5, isBillable: false },
    { personId: 'u-cy', date: '2025-01-08', hours: 5, isBillable: true },
  ],
};

const run = (q: UtilisationQuery): TeamUtilisation => {
  const result = calculateTeamUtilisation(q);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('team utilisation', () => {
  const result = run(query);
  const ana = result.people.find((p) => p.personId === 'u-ana')!;
  const ben = result.people.find((p) => p.personId === 'u-ben')!;

  it('splits the range into ISO weeks, clipping the first and last', () => {
    expect(ana.weeks.map((w) => [w.week, w.from, w.to])).toEqual([
      ['2025-W01', '2025-01-01', '2025-01-05'],
      ['2025-W02', '2025-01-06', '2025-01-12'],
    ]);
  });

  it('counts capacity on working days minus holidays and leave', () => {
    expect(ana.weeks.map((w) => w.capacityHours)).toEqual([16, 40]);
    expect(ben.weeks.map((w) => w.capacityHours)).toEqual([0, 15]);
  });

  it('compares allocated and logged hours with capacity, flagging over-allocation', () => {
    expect(ana.weeks[0]).toEqual({
      week: '2025-W01',
      from: '2025-01-01',
      to: '2025-01-05',
      capacityHours: 16,
      allocatedHours: 8,
      loggedHours: 8,
      billableHours: 6,
      nonBillableHours: 2,
      allocatedPercent: 50,
      loggedPercent: 50,
      isOverAllocated: false,
      billablePercent: 75,
    });
    expect(ana.weeks[1]).toMatchObject({ allocatedHours: 60, allocatedPercent: 150, loggedHours: 8, isOverAllocated: true });
  });

  it('spreads an allocation by capacity and counts only the part inside the range', () => {
    expect(ben.weeks[1]).toMatchObject({ allocatedHours: 16.67, allocatedPercent: 111.1, isOverAllocated: true, nonBillableHours: 5 });
    expect(ben.weeks[0]).toMatchObject({ capacityHours: 0, allocatedHours: 0, allocatedPercent: null, loggedPercent: null, isOverAllocated: false });
  });

  it('totals per person and for the team, billable apart', () => {
    expect(ana.totals).toMatchObject({ capacityHours: 56, allocatedHours: 68, loggedHours: 16, billableHours: 14, nonBillableHours: 2, billablePercent: 87.5, isOverAllocated: true });
    expect(ben.totals).toMatchObject({ billablePercent: 0 });
    expect(result.totals).toMatchObject({ capacityHours: 71, allocatedHours: 84.67, loggedHours: 21, billableHours: 14, nonBillableHours: 7, billablePercent: 66.7 });
  });

  it('spreads an allocation over calendar days when the person has no capacity in its period', () => {
    const weekend = run({
      ...query,
      personIds: ['u-ana'],
      start: '2025-01-11',
      end: '2025-01-11',
      allocations: [allocation({ resourceType: 'person', personId: 'u-ana', hours: 10, periodStart: '2025-01-11', periodEnd: '2025-01-12' })],
    });
    expect(weekend.people[0]!.weeks[0]).toMatchObject({ capacityHours: 0, allocatedHours: 5, isOverAllocated: true });
  });

  it('refuses a malformed or reversed range', () => {
    expect(calculateTeamUtilisation({ ...query, start: '2025-1-1' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calculateTeamUtilisation({ ...query, start: '2025-02-01', end: '2025-01-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'end' } });
  });

  it('counts an allocation that lies inside the range in full, wherever its days fall', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 200 }), (offset, length, hours) => {
        const periodStart = addDays('2025-03-01', offset);
        const r = run({
          ...query,
          personIds: ['u-ana'],
          start: '2025-03-01',
          end: '2025-05-31',
          daysOff: [],
          allocations: [allocation({ resourceType: 'person', personId: 'u-ana', hours, periodStart, periodEnd: addDays(periodStart, length) })],
        });
        expect(r.totals.allocatedHours).toBeCloseTo(hours, 2);
        expect(r.people[0]!.weeks.reduce((s, w) => s + w.allocatedHours, 0)).toBeCloseTo(hours, 1);
      }),
    );
  });
});
