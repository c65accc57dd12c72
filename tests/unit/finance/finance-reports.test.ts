import { describe, expect, it } from 'vitest';
import type { BudgetStanding } from '../../../src-shared/finance/budget-standing';
import { budgetVersusActual, budgetVersusActualTable, cashReceivedByMonth, cashReceivedTable, type PaymentForCash } from '../../../src-shared/finance/finance-reports';
import { toCsv } from '../../../src-shared/records/register-export';

const received = (paidOn: string, amountMinor: number, currency = 'EUR', extra: Partial<PaymentForCash> = {}): PaymentForCash => ({ direction: 'incoming', isVoided: false, paidOn, amount: { amountMinor, currency }, ...extra });

describe('cash received by month', () => {
  it('sums incoming payments per month and currency, never adding currencies, leaving out voided and outgoing ones', () => {
    const rows = cashReceivedByMonth([
      received('2026-03-31', 10_001), received('2026-03-01', 5_000), received('2026-02-14', 700), received('2026-03-10', 9_900, 'CHF'),
      received('2026-03-11', 1_000_000, 'EUR', { isVoided: true }), received('2026-03-12', 50_000, 'EUR', { direction: 'outgoing' }),
    ]);
    expect(rows).toEqual([
      { month: '2026-02', currency: 'EUR', receivedMinor: 700, payments: 1 },
      { month: '2026-03', currency: 'CHF', receivedMinor: 9_900, payments: 1 },
      { month: '2026-03', currency: 'EUR', receivedMinor: 15_001, payments: 2 },
    ]);
  });

  it('writes a table with the month in words and each amount typed in its currency', () => {
    const table = cashReceivedTable(cashReceivedByMonth([received('2026-03-31', 10_001), received('2026-03-02', 1_000, 'JPY')]), { locale: 'en-GB' });
    expect(table.headers).toEqual(['Month', 'Currency', 'Payments', 'Received']);
    expect(table.rows[0]?.[0]?.text).toBe('Mar 2026');
    expect(table.rows.map((r) => r[3]?.value)).toEqual([100.01, 1_000]);
    expect(toCsv(table)).toContain('Mar 2026,EUR,1,€100.01');
  });
});

describe('budget versus actual', () => {
  const standing = (budgetId: string, holderType: 'project' | 'department', holderName: string, planned: number, committed: number, actual: number, currency = 'EUR'): BudgetStanding => ({
    budgetId, number: `BUD-2026-000${budgetId.slice(-1)}`, holderType, holderId: `${holderType}-${budgetId}`, holderName, year: 2026, version: 1,
    holder: `${holderType}-${budgetId}|2026`, currency, plannedMinor: planned, committedMinor: committed, actualMinor: actual, percentUsed: planned > 0 ? Math.floor(((committed + actual) * 100) / planned) : null, warning: null, categories: [], unconverted: 0,
  });

  it('lists departments then projects by name, with what remains (negative when overspent)', () => {
    const rows = budgetVersusActual([standing('B1', 'project', 'PCR-2026 PCR assay', 100_000, 19_000, 100_000), standing('B2', 'department', 'Quality control', 500_000, 0, 120_000, 'CHF'), standing('B3', 'project', 'ELN-1 Notebook', 50_000, 0, 0)]);
    expect(rows.map((r) => [r.holderLabel, r.currency, r.remainingMinor])).toEqual([
      ['Department Quality control', 'CHF', 380_000],
      ['Project ELN-1 Notebook', 'EUR', 50_000],
      ['Project PCR-2026 PCR assay', 'EUR', -19_000],
    ]);
    const table = budgetVersusActualTable(rows, { locale: 'en-GB' });
    expect(table.rows[2]?.map((c) => c.text)).toEqual(['BUD-2026-0001', 'Project PCR-2026 PCR assay', '2026', 'EUR', '€1,000.00', '€190.00', '€1,000.00', '-€190.00', '119', '0']);
  });
});
