import { describe, expect, it } from 'vitest';
import type { BudgetData } from '../../../src-shared/finance/budget-kind';
import { budgetStandings } from '../../../src-shared/finance/budget-standing';
import { costLinesOfOrders, type OrderForBudget } from '../../../src-shared/finance/committed-costs';

const order = (status: string, data: Partial<OrderForBudget['data']> = {}): OrderForBudget => ({
  status,
  data: { projectId: 'P1', budgetCategory: 'equipment', total: { amountMinor: 119_000, currency: 'EUR' }, sentAt: '2027-03-04T09:00:00.000Z', ...data },
});

describe('what purchase orders commit of a project budget', () => {
  it('counts a sent order charged to a project by its gross total in the year it was sent, until invoiced', () => {
    expect(costLinesOfOrders([order('sent'), order('received', { sentAt: '2026-12-30T10:00:00.000Z', budgetCategory: 'consumables' })])).toEqual([
      { holder: 'P1|2027', category: 'equipment', amountMinor: 119_000, currency: 'EUR', state: 'committed' },
      { holder: 'P1|2026', category: 'consumables', amountMinor: 119_000, currency: 'EUR', state: 'committed' },
    ]);
  });

  it('leaves out drafts, cancelled orders and orders charged to no project', () => {
    expect(costLinesOfOrders([order('draft', { sentAt: undefined }), order('cancelled'), order('sent', { projectId: undefined, budgetCategory: undefined })])).toEqual([]);
  });

  it('shows as committed in the project budget standing, next to what is spent, and counts toward the 80 % warning', () => {
    const lines: BudgetData['lines'] = [{ category: 'equipment', amountMinor: 140_000, note: '' }];
    const budget = { id: 'B1', number: 'BUD-2027-0001', status: 'approved', data: { holder: 'project' as const, projectId: 'P1', personId: 'max', holderName: '', year: 2027, lines, total: { amountMinor: 140_000, currency: 'EUR' }, version: 1 } };
    const [standing] = budgetStandings([budget], { timeEntries: [], ratesByProject: new Map(), claims: [], departmentCodes: new Map(), more: costLinesOfOrders([order('acknowledged'), order('sent', { total: { amountMinor: 500, currency: 'USD' } })]) });
    expect(standing).toMatchObject({ committedMinor: 119_000, actualMinor: 0, percentUsed: 85, warning: 80, unconverted: 1 });
    expect(standing?.categories).toEqual([{ category: 'equipment', plannedMinor: 140_000, committedMinor: 119_000, actualMinor: 0 }]);
  });
});
