import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { BudgetStanding } from '../../../src-shared/finance/budget-standing';
import type { SupplierInvoiceRow } from '../../../src-shared/finance/payables-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { handClock, value, type Client } from '../tasks/project-fixture';
import { createFinanceTeam, type FinanceTeam } from './finance-team';

/**
 * Supplier invoices (payables) on a real host and SQLite file, through the commands the screens use:
 * entered with `records/create` (bad input refused at its field, the order it bills checked), approved
 * with `records/transition` — from then on actual in the project budget, replacing the order's
 * commitment —, paid in part and in full by `finance/supplier-invoices/pay` (outgoing payments
 * allocated through the same rule as customers' payments), and back to approved when a payment is voided.
 */
const password = 'long enough password';
const cid = () => `c-${Math.random().toString(36).slice(2)}`;
let host: Host;
let people: FinanceTeam;
let pia: Client;
let adminClient: Client;
const admin = () => adminClient;
let projectId = '';
let supplierId = '';
let orderId = '';
const clock = handClock('2026-03-05T09:00:00.000Z').clock;
const standing = async () => value(await people.max.client.subscribe('finance/budgets/standing', { projectId }).next<BudgetStanding[]>())[0];
const rows = async () => value(await people.fay.client.subscribe('finance/supplier-invoices', {}).next<SupplierInvoiceRow[]>());
const line = (unitPriceMinor: number) => ({ id: 'l1', description: 'Primers, 96-well plate', quantity: 1, unit: 'each', unitPriceMinor, discountPercent: 0, taxRatePercent: 0 });
const invoiceData = (extra: Record<string, unknown> = {}) => ({
  supplierId, purchaseOrderId: orderId, supplierReference: 'BZ-88121', invoiceDate: '2026-03-20', dueOn: '2026-04-19', currency: 'EUR',
  lines: [line(100_000)], total: { amountMinor: 100_000, currency: 'EUR' }, projectId, budgetCategory: 'consumables', ...extra,
});

beforeAll(async () => {
  host = await openSqliteHost(tempDataDir(), { clock, sessionTimeoutMs: 86_400_000 });
  ({ admin: adminClient, people } = await createFinanceTeam(host, password, 'BUDGET_APPROVAL'));
  const max = people.max.client;
  projectId = value(await max.call<{ id: string }>('projects/create', { code: 'PCR-2026', name: 'PCR assay validation' })).id;
  // A 2,000.00 budget: the holder's manager approves it alone.
  const budget = value(await max.call<RecordView>('records/create', { kind: 'budget', data: { holder: 'project', projectId, personId: people.max.id, year: 2026, lines: [{ category: 'consumables', amountMinor: 200_000 }], total: { amountMinor: 200_000, currency: 'EUR' }, version: 1 } }));
  const run = value(await max.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'BUDGET_APPROVAL', entityType: 'budget', entityId: budget.id }));
  value(await max.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'complete' }));
  value(await people.mia.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'approve', signature: { password, meaning: 'approved' } }));

  value(await adminClient.call('people/create', { name: 'Pia Procurement', email: 'pia@lab.org', password, roles: ['procurement_manager'] }));
  pia = connectTestClient(host);
  value(await pia.call('auth/sign-in', { email: 'pia@lab.org', password }));
  supplierId = value(await pia.call<RecordView>('records/create', { kind: 'supplier', data: { name: 'Biozym' } })).id;
  const orderLine = { id: 'line-1', description: 'Primers, 96-well plate', quantity: 1, unitPriceMinor: 119_000, taxRatePercent: 0, isEquipment: false };
  orderId = value(await pia.call<RecordView>('records/create', { kind: 'purchase_order', data: { supplierId, projectId, budgetCategory: 'consumables', currency: 'EUR', lines: [orderLine], total: { amountMinor: 119_000, currency: 'EUR' }, sentAt: '2026-03-05T09:00:00.000Z' } })).id;
  value(await pia.call('records/transition', { id: orderId, to: 'sent' }));
});
afterAll(async () => host?.close());

describe('entering a supplier invoice', () => {
  it('refuses bad input at its field, an order of another supplier or currency, and anyone outside finance', async () => {
    const fay = people.fay.client;
    const refused = (data: Record<string, unknown>) => fay.call('records/create', { kind: 'supplier_invoice', data });
    expect(await refused(invoiceData({ total: { amountMinor: 1, currency: 'EUR' } }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.total' } });
    expect(await refused(invoiceData({ supplierReference: ' ' }))).toMatchObject({ ok: false, error: { field: 'data.supplierReference', message: 'Enter the supplier’s invoice number.' } });
    expect(await refused(invoiceData({ dueOn: '2026-03-01' }))).toMatchObject({ ok: false, error: { field: 'data.dueOn' } });
    expect(await refused(invoiceData({ budgetCategory: undefined }))).toMatchObject({ ok: false, error: { field: 'data.budgetCategory' } });
    expect(await refused(invoiceData({ departmentId: 'D1' }))).toMatchObject({ ok: false, error: { field: 'data.departmentId' } });
    expect(await refused(invoiceData({ purchaseOrderId: 'NO-SUCH-ORDER' }))).toMatchObject({ ok: false, error: { field: 'data.purchaseOrderId' } });
    const other = value(await pia.call<RecordView>('records/create', { kind: 'supplier', data: { name: 'Qiagen' } }));
    expect(await refused(invoiceData({ supplierId: other.id }))).toMatchObject({ ok: false, error: { field: 'data.purchaseOrderId', message: expect.stringContaining('another supplier') } });
    expect(await refused(invoiceData({ currency: 'USD', total: { amountMinor: 100_000, currency: 'USD' } }))).toMatchObject({ ok: false, error: { field: 'data.currency' } });
    expect(await people.otto.client.call('records/create', { kind: 'supplier_invoice', data: invoiceData() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('a supplier invoice from received to paid', () => {
  let invoice: RecordView;

  it('counts as actual once approved, replacing what it bills of the order’s commitment', async () => {
    expect(await standing()).toMatchObject({ committedMinor: 119_000, actualMinor: 0 });
    invoice = value(await people.fay.client.call<RecordView>('records/create', { kind: 'supplier_invoice', data: invoiceData() }));
    expect(invoice).toMatchObject({ status: 'received', number: 'SIN-2026-0001', kindLabel: 'Supplier invoice' });
    // Received is not yet spent.
    expect(await standing()).toMatchObject({ committedMinor: 119_000, actualMinor: 0 });
    expect(await people.otto.client.subscribe('records/get', { id: invoice.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Paid is never a button: it follows the payments.
    expect(await people.fay.client.call('records/transition', { id: invoice.id, to: 'paid' })).toMatchObject({ ok: false });
    value(await people.fay.client.call('records/transition', { id: invoice.id, to: 'approved' }));
    expect(await standing()).toMatchObject({ committedMinor: 19_000, actualMinor: 100_000, percentUsed: 59 });
    expect(await people.fay.client.call('records/update', { id: invoice.id, data: { notes: 'changed after approval' } })).toMatchObject({ ok: false });
  });

  it('is paid in part and in full by outgoing payments, refusing bad input, and owes again when a payment is voided', async () => {
    const fay = people.fay.client;
    const pay = (input: Record<string, unknown>) => fay.call<{ payment: RecordView; supplierInvoice: RecordView }>('finance/supplier-invoices/pay', { id: invoice.id, paidOn: '2026-04-01', reference: 'BZ-88121', ...input });
    expect(await pay({ amount: { amountMinor: 0, currency: 'EUR' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amount' } });
    expect(await pay({ amount: { amountMinor: 100, currency: 'USD' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amount', message: expect.stringContaining('pay it in EUR') } });
    expect(await pay({ amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '1 April' })).toMatchObject({ ok: false, error: { field: 'paidOn' } });
    expect(await people.otto.client.call('finance/supplier-invoices/pay', { id: invoice.id, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-04-01' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A payment made by hand that allocates more than the invoice owes, or from the wrong direction, is refused by the kind's rule.
    expect(await fay.call('records/create', { kind: 'payment', data: { direction: 'outgoing', supplierId, amount: { amountMinor: 150_000, currency: 'EUR' }, paidOn: '2026-04-01', allocations: [{ invoiceId: invoice.id, amountMinor: 150_000 }] } }))
      .toMatchObject({ ok: false, error: { message: 'SIN-2026-0001 owes less than that; allocate at most what it still owes.' } });
    expect(await fay.call('records/create', { kind: 'payment', data: { direction: 'incoming', supplierId, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-04-01' } })).toMatchObject({ ok: false, error: { field: 'data.direction' } });

    const part = value(await pay({ amount: { amountMinor: 60_000, currency: 'EUR' } }));
    expect(part.payment).toMatchObject({ number: 'PAY-2026-0001', data: { direction: 'outgoing', supplierId, allocations: [{ invoiceId: invoice.id, amountMinor: 60_000 }] } });
    expect(part.supplierInvoice.status).toBe('approved');
    expect((await rows()).find((r) => r.id === invoice.id)).toMatchObject({ supplierName: 'Biozym', paidMinor: 60_000, outstandingMinor: 40_000, status: 'approved' });
    // More than it owes: the invoice takes what it owes, the rest stays on the payment.
    const rest = value(await pay({ amount: { amountMinor: 45_000, currency: 'EUR' } }));
    expect(rest.payment.data).toMatchObject({ allocations: [{ invoiceId: invoice.id, amountMinor: 40_000 }] });
    expect(rest.supplierInvoice.status).toBe('paid');
    expect(await pay({ amount: { amountMinor: 100, currency: 'EUR' } })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'SIN-2026-0001 is paid already; there is nothing to pay.' } });
    // Paid stays actual in the budget.
    expect(await standing()).toMatchObject({ committedMinor: 19_000, actualMinor: 100_000 });

    const voided = value(await fay.call<{ invoices: RecordView[] }>('finance/payments/void', { id: rest.payment.id, reason: 'Bounced: wrong IBAN' }));
    expect(voided.invoices).toEqual([expect.objectContaining({ id: invoice.id, status: 'approved' })]);
    expect((await rows()).find((r) => r.id === invoice.id)).toMatchObject({ outstandingMinor: 40_000 });
  });

  it('cannot be paid before it is approved', async () => {
    const second = value(await people.fay.client.call<RecordView>('records/create', { kind: 'supplier_invoice', data: invoiceData({ supplierReference: 'BZ-88200' }) }));
    expect(await people.fay.client.call('finance/supplier-invoices/pay', { id: second.id, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-04-01' }))
      .toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'SIN-2026-0002 is not approved for payment yet; approve it first.' } });
    expect(await people.fay.client.call('records/create', { kind: 'payment', data: { direction: 'outgoing', supplierId, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-04-01', allocations: [{ invoiceId: second.id, amountMinor: 100 }] } }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('not open for payment') } });
  });
});

describe('exchange rates and the finance reports', () => {
  it('converts a supplier invoice in another currency once finance enters a rate, one per pair and day', async () => {
    const fay = people.fay.client;
    const usd = value(await fay.call<RecordView>('records/create', { kind: 'supplier_invoice', data: invoiceData({ purchaseOrderId: undefined, supplierReference: 'BZ-US-7', currency: 'USD', total: { amountMinor: 100_000, currency: 'USD' } }) }));
    value(await fay.call('records/transition', { id: usd.id, to: 'approved' }));
    expect(await standing()).toMatchObject({ actualMinor: 100_000, unconverted: 1 });

    const rate = (data: Record<string, unknown>) => fay.call<RecordView>('records/create', { kind: 'exchange_rate', data: { from: 'USD', to: 'EUR', validFrom: '2026-03-01', rate: '0.9', ...data } });
    expect(await rate({ rate: '0,9' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.rate' } });
    expect(await rate({ rate: '-0.9' })).toMatchObject({ ok: false, error: { field: 'data.rate' } });
    expect(await rate({ to: 'USD' })).toMatchObject({ ok: false, error: { field: 'data.to' } });
    expect(await people.otto.client.call('records/create', { kind: 'exchange_rate', data: { from: 'USD', to: 'EUR', validFrom: '2026-03-01', rate: '0.9' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await rate({}));
    expect(await rate({ rate: '0.91' })).toMatchObject({ ok: false, error: { field: 'data.validFrom', message: expect.stringContaining('for that day is entered already') } });
    // The invoice of 20 March at the rate from 1 March: $1,000.00 → €900.00.
    expect(await standing()).toMatchObject({ actualMinor: 190_000, unconverted: 0 });
  });

  it('writes cash received by month and budget versus actual as CSV and Excel, refusing bad input and payments to those outside finance', async () => {
    const fay = people.fay.client;
    const customer = value(await admin().call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } }));
    value(await fay.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 12_345, currency: 'EUR' }, paidOn: '2026-03-10' }));
    value(await fay.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 500, currency: 'CHF' }, paidOn: '2026-03-11' }));
    const exported = (client: Client, input: Record<string, unknown>) => client.subscribe('finance/reports/export', { locale: 'en-GB', timeZone: 'UTC', ...input }).next<{ fileName: string; encoding: string; content: string; rowCount: number }>();
    expect(await exported(fay, { report: 'ageing', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'report' } });
    expect(await exported(fay, { report: 'cash_received', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'format' } });
    expect(await exported(fay, { report: 'cash_received', format: 'csv', year: 'this' })).toMatchObject({ ok: false, error: { field: 'year' } });
    expect(await exported(people.otto.client, { report: 'cash_received', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const cash = value(await exported(fay, { report: 'cash_received', format: 'csv', year: 2026 }));
    expect(cash).toMatchObject({ fileName: 'Cash received by month 2026 2026-03-05.csv', encoding: 'text', rowCount: 2 });
    expect(cash.content).toContain('Mar 2026,CHF,1,CHF\u00a05.00');
    expect(cash.content).toContain('Mar 2026,EUR,1,€123.45');
    const budget = value(await exported(people.max.client, { report: 'budget_vs_actual', format: 'xlsx', year: 2026 }));
    expect(budget).toMatchObject({ encoding: 'base64', rowCount: 1 });
    expect(Buffer.from(budget.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    const budgetCsv = value(await exported(people.max.client, { report: 'budget_vs_actual', format: 'csv', year: 2026 }));
    expect(budgetCsv.content).toMatch(/BUD-2026-\d{4},Project PCR-2026 PCR assay validation,2026,EUR,"€2,000.00",€190.00,"€1,900.00",-€90.00,104,0/);
    expect(value(await exported(people.otto.client, { report: 'budget_vs_actual', format: 'csv', year: 2026 })).rowCount).toBe(0);
  });
});
