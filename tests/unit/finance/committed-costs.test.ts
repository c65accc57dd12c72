import { describe, expect, it } from 'vitest';
import type { BudgetData } from '../../../src-shared/finance/budget-kind';
import { budgetStandings } from '../../../src-shared/finance/budget-standing';
import { costLinesOfOrders, costLinesOfSupplierInvoices, type OrderForBudget, type SupplierInvoiceForBudget } from '../../../src-shared/finance/committed-costs';

const order = (status: string, data: Partial<OrderForBudget['data']> = {}, id = 'PO1'): OrderForBudget => ({
  id,
  status,
  data: { projectId: 'P1', budgetCategory: 'equipment', total: { amountMinor: 119_000, currency: 'EUR' }, sentAt: '2027-03-04T09:00:00.000Z', ...data },
});

describe('what purchase orders commit of a project budget', () => {
  it('counts a sent order charged to a project by its gross total in the year it was sent, until invoiced', () => {
    expect(costLinesOfOrders([order('sent'), order('received', { sentAt: '2026-12-30T10:00:00.000Z', budgetCategory: 'consumables' })])).toEqual([
      { holder: 'P1|2027', category: 'equipment', amountMinor: 119_000, currency: 'EUR', state: 'committed', date: '2027-03-04' },
      { holder: 'P1|2026', category: 'consumables', amountMinor: 119_000, currency: 'EUR', state: 'committed', date: '2026-12-30' },
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

  const lines: BudgetData['lines'] = [{ category: 'equipment', amountMinor: 140_000, note: '' }];
  const budget = { id: 'B1', number: 'BUD-2027-0001', status: 'approved', data: { holder: 'project' as const, projectId: 'P1', personId: 'max', holderName: '', year: 2027, lines, total: { amountMinor: 140_000, currency: 'EUR' }, version: 1 } };

  it('replaces the commitment by the approved supplier invoices that bill the order, in the order’s currency only', () => {
    const partly = [bill('approved', 100_000)];
    expect(costLinesOfOrders([order('received')], partly)).toEqual([{ holder: 'P1|2027', category: 'equipment', amountMinor: 19_000, currency: 'EUR', state: 'committed', date: '2027-03-04' }]);
    expect(costLinesOfOrders([order('received')], [bill('approved', 100_000), bill('paid', 19_000)])).toEqual([]);
    expect(costLinesOfOrders([order('received')], [bill('approved', 130_000)])).toEqual([]);
    // A received (not yet approved) or rejected invoice, one in another currency or for another order replaces nothing.
    expect(costLinesOfOrders([order('received')], [bill('received', 119_000), bill('rejected', 119_000), bill('approved', 119_000, { total: { amountMinor: 119_000, currency: 'USD' } }), bill('approved', 119_000, { purchaseOrderId: 'PO2' })])[0]?.amountMinor).toBe(119_000);
  });

  it('counts an approved or paid supplier invoice as actual in the project or department budget of its invoice year', () => {
    expect(costLinesOfSupplierInvoices([bill('approved', 100_000), bill('paid', 5_000, { projectId: undefined, departmentId: 'D1', budgetCategory: 'consumables', invoiceDate: '2026-12-31' }), bill('received', 7_000), bill('rejected', 7_000), bill('approved', 7_000, { projectId: undefined, budgetCategory: undefined })])).toEqual([
      { holder: 'P1|2027', category: 'equipment', amountMinor: 100_000, currency: 'EUR', state: 'actual', date: '2027-04-01' },
      { holder: 'D1|2026', category: 'consumables', amountMinor: 5_000, currency: 'EUR', state: 'actual', date: '2026-12-31' },
    ]);
  });

  it('moves the billed part of an order from committed to actual in the standing, the total used unchanged', () => {
    const invoices = [bill('approved', 100_000)];
    const [standing] = budgetStandings([budget], { timeEntries: [], ratesByProject: new Map(), claims: [], departmentCodes: new Map(), more: [...costLinesOfOrders([order('received')], invoices), ...costLinesOfSupplierInvoices(invoices)] });
    expect(standing).toMatchObject({ committedMinor: 19_000, actualMinor: 100_000, percentUsed: 85, warning: 80 });
  });
});

function bill(status: string, amountMinor: number, data: Partial<SupplierInvoiceForBudget['data']> = {}): SupplierInvoiceForBudget {
  return { status, data: { purchaseOrderId: 'PO1', projectId: 'P1', budgetCategory: 'equipment', invoiceDate: '2027-04-01', total: { amountMinor, currency: 'EUR' }, ...data } };
}
