import type { PurchaseOrderData } from '../../src-shared/equipment/purchase-order-kind';
import type { BudgetData } from '../../src-shared/finance/budget-kind';
import type { BudgetCosts, BudgetOnRecord } from '../../src-shared/finance/budget-standing';
import { costLinesOfOrders, costLinesOfSupplierInvoices } from '../../src-shared/finance/committed-costs';
import type { SupplierInvoiceData } from '../../src-shared/finance/supplier-invoice-kind';
import { exchangeRatesOf, type ExchangeRateData } from '../../src-shared/finance/exchange-rate-kind';
import type { ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import type { HourlyRate } from '../../src-shared/projects/budget';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';
import { readStored } from '../records/record-store';

const storedOfKind = async (db: LabDatabase, kind: string) =>
  (await db.records.find({ selector: { kind } }).exec()).map((d) => readStored(d.toJSON() as RecordDocument)).filter((r) => !r.isFromNewerVersion);

/** Every budget record on this PC as the standing reads it, with the stored document for scope checks. */
export async function storedBudgets(db: LabDatabase): Promise<{ budget: BudgetOnRecord; stored: ReturnType<typeof readStored> }[]> {
  return (await storedOfKind(db, 'budget')).map((r) => ({ stored: r, budget: { id: r.doc.id, number: r.doc.number, status: r.doc.status, data: r.doc.data as unknown as BudgetData } }));
}

/**
 * The costs the budgets' standing is judged on (budget-standing.ts): time on their projects at the
 * projects' cost rates, every approved claim, the purchase orders charged to projects
 * (committed, less what supplier invoices bill of them) and approved supplier invoices (actual);
 * finance's exchange rates convert a cost in another currency than its budget's. Read in full, whoever asks: the sums are shown, never the costs behind them.
 */
export async function budgetCostsOf(db: LabDatabase, budgets: readonly BudgetOnRecord[]): Promise<BudgetCosts> {
  const projectIds = [...new Set(budgets.flatMap((b) => (b.data.projectId ? [b.data.projectId] : [])))];
  const projects = projectIds.length > 0 ? await db.projects.findByIds(projectIds).exec() : new Map();
  const ratesByProject = new Map([...projects.values()].map((p) => [String(p.get('id')), (p.toJSON().costRates ?? []) as HourlyRate[]]));
  const entries = projectIds.length > 0 ? await db.activity.find({ selector: { kind: 'time_entry', projectId: { $in: projectIds } } }).exec() : [];
  const claims = (await storedOfKind(db, 'expense_claim')).map((r) => ({ status: r.doc.status, data: r.doc.data as unknown as ExpenseClaimData }));
  const orders = (await storedOfKind(db, 'purchase_order')).map((r) => ({ id: r.doc.id, status: r.doc.status, data: r.doc.data as unknown as PurchaseOrderData }));
  const supplierInvoices = (await storedOfKind(db, 'supplier_invoice')).map((r) => ({ status: r.doc.status, data: r.doc.data as unknown as SupplierInvoiceData }));
  const departments = await db.people.find({ selector: { kind: 'department' } }).exec();
  return {
    timeEntries: entries
      .map((e) => e.toJSON() as unknown as TimeEntryDocument)
      .filter((e) => !e.data.isRunning)
      .map((e) => ({ projectId: e.projectId, personId: e.personId, date: e.data.date, hours: e.data.hours })),
    ratesByProject,
    claims,
    departmentCodes: new Map(departments.map((d) => [String(d.get('id')), String(d.get('email'))])),
    more: [...costLinesOfOrders(orders, supplierInvoices), ...costLinesOfSupplierInvoices(supplierInvoices)],
    rates: exchangeRatesOf((await storedOfKind(db, 'exchange_rate')).map((r) => ({ data: r.doc.data as unknown as ExchangeRateData }))),
  };
}
