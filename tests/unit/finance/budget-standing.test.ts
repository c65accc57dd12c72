import { describe, expect, it } from 'vitest';
import type { BudgetData } from '../../../src-shared/finance/budget-kind';
import { budgetStandings, currentBudgets, supersededBudgetIds, type BudgetOnRecord } from '../../../src-shared/finance/budget-standing';
import type { ExpenseClaimData } from '../../../src-shared/finance/expense-claim-kind';

const budget = (id: string, status: string, version: number, lines: BudgetData['lines'], extra: Partial<BudgetData> = {}): BudgetOnRecord => ({
  id, number: `BUD-2027-000${id.slice(1)}`, status,
  data: { holder: 'project', projectId: 'P1', personId: 'max', holderName: 'QC-2027', year: 2027, lines, total: { amountMinor: lines.reduce((s, l) => s + l.amountMinor, 0), currency: 'EUR' }, version, ...extra },
});
const personnel = (amountMinor: number) => [{ category: 'personnel' as const, amountMinor, note: '' }];
const claim = (status: string, line: Partial<ExpenseClaimData['lines'][number]>) => ({
  status,
  data: { personId: 'max', purpose: 'Trip', total: { amountMinor: 0, currency: 'EUR' }, reimbursementReference: '', lines: [{ id: 'l', date: '2027-03-01', category: 'travel', description: 'Train', amountMinor: 10_000, currency: 'EUR', costCentre: '', ...line }] } as ExpenseClaimData,
});
const none = { timeEntries: [], ratesByProject: new Map(), claims: [], departmentCodes: new Map() };

describe('where approved budgets stand', () => {
  it('counts the latest approved version of each holder and year; drafts and earlier versions are not budgets yet', () => {
    const current = currentBudgets([budget('B1', 'approved', 1, personnel(100)), budget('B2', 'approved', 2, personnel(200)), budget('B3', 'draft', 3, personnel(300)), budget('B4', 'approved', 1, personnel(50), { year: 2028 })]);
    expect(current.map((b) => b.id).sort()).toEqual(['B2', 'B4']);
  });

  it('costs the year\'s time at the project\'s rates, and warns at 80 %', () => {
    const rates = new Map([['P1', [{ personId: 'max', hourlyRateMinor: 10_000, currency: 'EUR' }]]]);
    const timeEntries = [
      { projectId: 'P1', personId: 'max', date: '2027-02-01', hours: 41 },
      { projectId: 'P1', personId: 'max', date: '2026-12-31', hours: 30 }, // last year's budget, not this one
    ];
    const [standing] = budgetStandings([budget('B1', 'approved', 1, personnel(500_000))], { ...none, timeEntries, ratesByProject: rates });
    expect(standing).toMatchObject({ budgetId: 'B1', holderId: 'P1', year: 2027, plannedMinor: 500_000, actualMinor: 410_000, percentUsed: 82, warning: 80 });
    expect(standing?.categories).toEqual([{ category: 'personnel', plannedMinor: 500_000, committedMinor: 0, actualMinor: 410_000 }]);
  });

  it('counts approved claims on the project, and on a department by its code as cost centre', () => {
    const project = budget('B1', 'approved', 1, [{ category: 'travel', amountMinor: 20_000, note: '' }]);
    const department = budget('B2', 'approved', 1, [{ category: 'travel', amountMinor: 10_000, note: '' }], { holder: 'department', projectId: undefined, departmentId: 'D1', personId: 'mia' });
    const claims = [claim('approved', { projectId: 'P1' }), claim('submitted', { projectId: 'P1' }), claim('reimbursed', { costCentre: 'QC' })];
    const standings = budgetStandings([project, department], { ...none, claims, departmentCodes: new Map([['D1', 'QC']]) });
    expect(standings.find((s) => s.holderId === 'P1')).toMatchObject({ actualMinor: 10_000, percentUsed: 50, warning: null });
    expect(standings.find((s) => s.holderId === 'D1')).toMatchObject({ actualMinor: 10_000, percentUsed: 100, warning: 100 });
  });

  it('shows an approved version as superseded once a later version of the same holder and year is approved', () => {
    const budgets = [budget('B1', 'approved', 1, personnel(100)), budget('B2', 'approved', 2, personnel(200)), budget('B3', 'draft', 3, personnel(300)), budget('B4', 'approved', 1, personnel(50), { year: 2028 })];
    expect([...supersededBudgetIds(budgets)]).toEqual(['B1']);
    expect([...supersededBudgetIds([budget('B1', 'approved', 1, personnel(100)), budget('B2', 'in_approval', 2, personnel(200))])]).toEqual([]);
  });
});
