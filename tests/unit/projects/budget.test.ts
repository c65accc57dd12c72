import { describe, expect, it } from 'vitest';
import { budgetVsActual, type BudgetQuery, type BudgetReport } from '../../../src-shared/projects/budget';
import { budgetLineSchema, type BudgetLine } from '../../../src-shared/projects/plan-item-model';

let n = 0;
const line = (category: string, planned: number, actual: number, currency = 'EUR'): BudgetLine =>
  budgetLineSchema.parse({
    id: `bl-${++n}`,
    createdAt: '2025-01-01T08:00:00Z',
    updatedAt: '2025-01-01T08:00:00Z',
    createdBy: 'u-1',
    updatedBy: 'u-1',
    auditId: 'a-1',
    projectId: 'p-1',
    kind: 'budget_line',
    title: `${category} line`,
    data: { category, planned: { amountMinor: planned, currency }, actual: { amountMinor: actual, currency } },
  });

const query: BudgetQuery = {
  budget: { amountMinor: 1_000_000, currency: 'EUR' },
  lines: [line('personnel', 600_000, 0), line('consumables', 300_000, 250_000), line('equipment', 100_000, 120_000)],
  rates: [
    { personId: 'u-ana', hourlyRateMinor: 5_000, currency: 'EUR' },
    { personId: 'u-ana', hourlyRateMinor: 6_000, currency: 'EUR', validFrom: '2025-02-01' },
    { personId: 'u-ben', hourlyRateMinor: 4_000, currency: 'EUR' },
  ],
  timeEntries: [
    { personId: 'u-ana', date: '2025-01-15', hours: 10 },
    { personId: 'u-ana', date: '2025-02-03', hours: 7.5 },
    { personId: 'u-ben', date: '2025-01-20', hours: 0.25 },
    { personId: 'u-cy', date: '2025-01-20', hours: 3 },
  ],
};

const run = (q: BudgetQuery): BudgetReport => {
  const r = budgetVsActual(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('budget vs actual', () => {
  const report = run(query);

  it('costs time at the rate valid on each day and adds recorded costs', () => {
    // 10 h × 50.00 + 7.5 h × 60.00 + 0.25 h × 40.00 = 500 + 450 + 10
    expect(report.labourMinor).toBe(96_000);
    expect(report.recordedCostsMinor).toBe(370_000);
    expect(report).toMatchObject({
      currency: 'EUR',
      plannedMinor: 1_000_000,
      actualMinor: 466_000,
      varianceMinor: 534_000,
      percentUsed: 46.6,
      isOverBudget: false,
      warning: null,
    });
  });

  it('reports hours that have no rate instead of costing them at zero silently', () => {
    expect(report.unratedHours).toBe(3);
    expect(report.unratedPersonIds).toEqual(['u-cy']);
  });

  it('compares each category, labour counting as personnel', () => {
    expect(report.categories).toEqual([
      { category: 'personnel', plannedMinor: 600_000, actualMinor: 96_000, varianceMinor: 504_000, percentUsed: 16, isOverBudget: false, warning: null },
      { category: 'equipment', plannedMinor: 100_000, actualMinor: 120_000, varianceMinor: -20_000, percentUsed: 120, isOverBudget: true, warning: { threshold: 100, message: 'Costs exceed the equipment budget (120% used).' } },
      { category: 'consumables', plannedMinor: 300_000, actualMinor: 250_000, varianceMinor: 50_000, percentUsed: 83.3, isOverBudget: false, warning: { threshold: 80, message: 'Costs have reached 83.3% of the consumables budget.' } },
    ]);
  });

  it.each([
    [799, null, false],
    [800, 80, false],
    [999, 80, false],
    [1000, 100, false],
    [1001, 100, true],
  ] as const)('spending %i of 1000 warns at %s', (spent, threshold, isOver) => {
    const r = run({ budget: { amountMinor: 1000, currency: 'EUR' }, lines: [line('other', 0, spent)], rates: [], timeEntries: [] });
    expect(r.warning?.threshold ?? null).toBe(threshold);
    expect(r.isOverBudget).toBe(isOver);
  });

  it('treats any cost against a zero budget as over budget', () => {
    const r = run({ budget: { amountMinor: 0, currency: 'EUR' }, lines: [line('travel', 0, 1)], rates: [], timeEntries: [] });
    expect(r).toMatchObject({ percentUsed: null, isOverBudget: true, warning: { threshold: 100, message: 'Costs exceed the budget.' } });
    expect(run({ budget: { amountMinor: 0, currency: 'EUR' }, lines: [], rates: [], timeEntries: [] }).warning).toBeNull();
  });

  it('uses the budget lines’ plan when the project has no budget', () => {
    expect(run({ ...query, budget: undefined }).plannedMinor).toBe(1_000_000);
  });

  it('rounds money once per rate, not once per entry', () => {
    const thirds = Array.from({ length: 3 }, () => ({ personId: 'u-ben', date: '2025-01-02', hours: 1 / 3 }));
    expect(run({ ...query, timeEntries: thirds, rates: [{ personId: 'u-ben', hourlyRateMinor: 1_001, currency: 'EUR' }] }).labourMinor).toBe(1_001);
  });

  it('refuses mixed currencies and a missing budget', () => {
    expect(budgetVsActual({ ...query, lines: [...query.lines, line('travel', 100, 0, 'USD')] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'lines' } });
    expect(budgetVsActual({ ...query, rates: [{ personId: 'u-ana', hourlyRateMinor: 1, currency: 'CHF' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'rates' } });
    expect(budgetVsActual({ lines: [], rates: [], timeEntries: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'budget' } });
  });
});
