import { describe, expect, it } from 'vitest';
import { expenseClaimKind, type ExpenseClaimData } from '../../../src-shared/finance/expense-claim-kind';
import { expenseReport, expenseReportTable } from '../../../src-shared/finance/expense-report';
import { toCsv } from '../../../src-shared/records/register-export';

const claim = (currency: string, lines: { date: string; category: string; amountMinor: number; projectId?: string }[]): ExpenseClaimData =>
  expenseClaimKind.data.parse({
    personId: 'max', purpose: 'Trip', total: { amountMinor: lines.reduce((s, l) => s + l.amountMinor, 0), currency },
    lines: lines.map((l, i) => ({ id: `l${i}`, description: 'x', currency, costCentre: 'QC', ...l })),
  });
const names = (id: string) => ({ P1: 'Stability study' })[id];

describe('expenses by category and project', () => {
  const claims = [
    { status: 'approved', data: claim('EUR', [{ date: '2026-03-02', category: 'meals', amountMinor: 1_050, projectId: 'P1' }, { date: '2026-03-03', category: 'meals', amountMinor: 2_000, projectId: 'P1' }]) },
    { status: 'reimbursed', data: claim('USD', [{ date: '2026-03-04', category: 'meals', amountMinor: 3_000, projectId: 'P1' }]) },
    { status: 'reimbursed', data: claim('EUR', [{ date: '2026-04-01', category: 'travel', amountMinor: 9_999 }]) },
    { status: 'submitted', data: claim('EUR', [{ date: '2026-03-02', category: 'meals', amountMinor: 5_000, projectId: 'P1' }]) },
    { status: 'rejected', data: claim('EUR', [{ date: '2026-03-02', category: 'meals', amountMinor: 5_000, projectId: 'P1' }]) },
  ];

  it('sums approved and reimbursed lines per project or cost centre, category and currency, never across currencies', () => {
    const report = expenseReport(claims, names);
    expect(report.rows.map((r) => [r.chargedTo, r.category, r.currency, r.amountMinor, r.lines])).toEqual([
      ['Cost centre QC', 'travel', 'EUR', 9_999, 1],
      ['Stability study', 'meals', 'EUR', 3_050, 2],
      ['Stability study', 'meals', 'USD', 3_000, 1],
    ]);
    expect(report.byCategory.map((c) => [c.currency, c.category, c.amountMinor])).toEqual([['EUR', 'travel', 9_999], ['EUR', 'meals', 3_050], ['USD', 'meals', 3_000]]);
    expect(report.claims).toBe(3);
  });

  it('keeps lines dated within the range, and names a project this PC does not hold as such', () => {
    expect(expenseReport(claims, names, { from: '2026-03-03', to: '2026-03-31' }).rows.map((r) => r.amountMinor)).toEqual([2_000, 3_000]);
    expect(expenseReport(claims, () => undefined, { to: '2026-03-02' }).rows[0]?.chargedTo).toBe('A project you cannot see');
  });

  it('exports as CSV, amounts written as the report shows them', () => {
    const csv = toCsv(expenseReportTable(expenseReport(claims, names, { to: '2026-03-31' }), { locale: 'en-GB' }));
    expect(csv.split('\r\n')[0]).toBe('\uFEFFCharged to,Category,Lines,Amount,Currency');
    expect(csv).toContain('Stability study,Meals,2,€30.50,EUR');
  });
});
