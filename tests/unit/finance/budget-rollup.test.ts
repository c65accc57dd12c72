import { describe, expect, it } from 'vitest';
import { costLinesOfClaims, costLinesOfTime, rollUpBudgets, thresholdReached, type CostLine } from '../../../src-shared/finance/budget-rollup';
import { expenseClaimKind, type ExpenseClaimData } from '../../../src-shared/finance/expense-claim-kind';

const plan = { holder: 'P1', currency: 'EUR', lines: [{ category: 'travel' as const, plannedMinor: 100_000 }, { category: 'personnel' as const, plannedMinor: 900_000 }] };
const cost = (amountMinor: number, extra: Partial<CostLine> = {}): CostLine => ({ holder: 'P1', category: 'travel', amountMinor, currency: 'EUR', state: 'actual', ...extra });

describe('the 80 % and 100 % warnings', () => {
  it('start exactly at 80 % and at 100 % of plan, by integer comparison', () => {
    expect(thresholdReached(1_000, 799)).toBeNull();
    expect(thresholdReached(1_000, 800)).toBe(80);
    expect(thresholdReached(1_000, 999)).toBe(80);
    expect(thresholdReached(1_000, 1_000)).toBe(100);
    // 80 % of an odd amount: 0.8 × 333 = 266.4, so 266 is below and 267 reaches it.
    expect(thresholdReached(333, 266)).toBeNull();
    expect(thresholdReached(333, 267)).toBe(80);
    expect(thresholdReached(0, 1)).toBe(100);
    expect(thresholdReached(0, 0)).toBeNull();
  });
});

describe('budget versus actual over holders', () => {
  it('sums planned, committed and actual per category and in total, and warns on committed + actual', () => {
    const [p1] = rollUpBudgets([plan], [cost(30_000), cost(50_000, { state: 'committed' }), cost(720_000, { category: 'personnel' }), cost(99, { holder: 'OTHER' })]);
    expect(p1).toEqual({
      holder: 'P1', currency: 'EUR', plannedMinor: 1_000_000, committedMinor: 50_000, actualMinor: 750_000, percentUsed: 80, warning: 80, unconverted: 0,
      categories: [
        { category: 'personnel', plannedMinor: 900_000, committedMinor: 0, actualMinor: 720_000 },
        { category: 'travel', plannedMinor: 100_000, committedMinor: 50_000, actualMinor: 30_000 },
      ],
    });
  });

  it('counts a cost in another currency aside instead of adding it', () => {
    const [p1] = rollUpBudgets([plan], [cost(10_000, { currency: 'USD' }), cost(1_000)]);
    expect(p1).toMatchObject({ actualMinor: 1_000, unconverted: 1, warning: null, percentUsed: 0 });
  });
});

describe('what counts as a cost', () => {
  it('approved and reimbursed claims, by the project of each line or else its cost centre', () => {
    const data = (projectId?: string): ExpenseClaimData => expenseClaimKind.data.parse({
      personId: 'max', purpose: 'Trip', total: { amountMinor: 5_000, currency: 'EUR' },
      lines: [{ id: 'a', date: '2026-03-02', category: 'meals', description: 'Dinner', amountMinor: 5_000, currency: 'EUR', costCentre: 'QC', ...(projectId ? { projectId } : {}) }],
    });
    const lines = costLinesOfClaims([{ status: 'approved', data: data('P1') }, { status: 'reimbursed', data: data() }, { status: 'submitted', data: data('P1') }, { status: 'rejected', data: data('P1') }]);
    expect(lines).toEqual([
      { holder: 'P1', category: 'travel', amountMinor: 5_000, currency: 'EUR', state: 'actual', date: '2026-03-02' },
      { holder: 'QC', category: 'travel', amountMinor: 5_000, currency: 'EUR', state: 'actual', date: '2026-03-02' },
    ]);
  });

  it('time × the cost rate on the day, rounded once per project and rate, hours without a rate left out', () => {
    const rates = [{ personId: 'ann', hourlyRateMinor: 5_000, currency: 'EUR' }, { personId: 'ann', hourlyRateMinor: 6_000, currency: 'EUR', validFrom: '2026-04-01' }];
    const entries = [
      { projectId: 'P1', personId: 'ann', date: '2026-03-31', hours: 1 / 3 }, // 20 min
      { projectId: 'P1', personId: 'ann', date: '2026-03-31', hours: 1 / 3 }, // 20 min
      { projectId: 'P1', personId: 'ann', date: '2026-04-01', hours: 1.5 },
      { projectId: 'P1', personId: 'bob', date: '2026-04-01', hours: 8 },
    ];
    expect(costLinesOfTime(entries, rates)).toEqual([
      { holder: 'P1', category: 'personnel', amountMinor: 3_333, currency: 'EUR', state: 'actual' }, // 40 min × 50.00/h
      { holder: 'P1', category: 'personnel', amountMinor: 9_000, currency: 'EUR', state: 'actual' },
    ]);
  });
});
