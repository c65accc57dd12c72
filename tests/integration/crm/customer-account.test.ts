import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerAccountView } from '../../../src-shared/crm/customer-account-contract';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/**
 * crm/account on a real host: an order's and its customer's invoices, payments and open amount per
 * currency, live as finance invoices and records payments; sales staff (who may not read invoices)
 * get a sentence instead of an error; bad ids and other kinds are refused.
 */
let world: EquipmentWorld;
let fay: Person;
let sam: Person;
beforeAll(async () => {
  world = await openEquipmentWorld('2026-05-04T09:00:00.000Z');
  fay = await world.person('Fay Finance', 'fay@lab.org', ['finance']);
  sam = await world.person('Sam Sales', 'sam@lab.org', ['sales']);
});
afterAll(async () => {
  for (const p of [fay, sam]) p?.client.close();
  await world?.close();
});

const lines = [{ id: 'l1', description: 'Stability study', quantity: 1, unit: 'each', unitPriceMinor: 100_000, discountPercent: 0, taxRatePercent: 19 }];
const total = { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' };

describe('a customer’s account on orders and organisations', { timeout: 240_000 }, () => {
  it('shows invoices, payments and what is open per currency to finance, and explains itself to sales', async () => {
    const customer = await world.record(sam.client, 'organisation', { name: 'Nordpharma GmbH', roles: ['customer'] });
    const order = await world.record(sam.client, 'sales_order', { organisationId: customer.id, ownerId: sam.id, currency: 'EUR', lines, total, orderedOn: '2026-05-01', customerReference: 'PO 1' });
    const other = await world.record(sam.client, 'sales_order', { organisationId: customer.id, ownerId: sam.id, currency: 'EUR', lines, total, orderedOn: '2026-05-02', customerReference: 'PO 2' });
    expect(await fay.client.subscribe('crm/account', { id: order.id }).next<CustomerAccountView>()).toMatchObject({ ok: true, value: { canRead: true, canCreateInvoice: true, invoices: [], open: [] } });

    // Bad input and things that are not customers or orders.
    expect(await fay.client.subscribe('crm/account', {}).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fay.client.subscribe('crm/account', { id: 'no-such-record' }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const lead = await world.record(sam.client, 'lead', { companyName: 'X', lastName: 'Y' });
    expect(await sam.client.subscribe('crm/account', { id: lead.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const draft = value(await fay.client.call<RecordView>('finance/invoices/from-order', { orderId: order.id }));
    const issued = value(await fay.client.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' }));
    const second = value(await fay.client.call<RecordView>('finance/invoices/from-order', { orderId: other.id }));
    value(await fay.client.call<RecordView>('finance/invoices/issue', { id: second.id, issuedOn: '2026-05-04' }));
    value(await fay.client.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 50_000, currency: 'EUR' }, paidOn: '2026-05-05', reference: 'Bank 1', allocations: [{ invoiceId: issued.id, amountMinor: 50_000 }] }));

    const ofOrder = value(await fay.client.subscribe('crm/account', { id: order.id }).next<CustomerAccountView>());
    expect(ofOrder).toMatchObject({ canRead: true, canCreateInvoice: false, invoices: [{ number: issued.number, standing: 'partly_paid', paidMinor: 50_000, outstandingMinor: total.amountMinor - 50_000 }], payments: [{ reference: 'Bank 1', allocatedMinor: 50_000, invoiceNumbers: [issued.number] }] });
    expect(ofOrder.canRead && ofOrder.open).toEqual([{ currency: 'EUR', invoicedMinor: total.amountMinor, paidMinor: 50_000, creditedMinor: 0, outstandingMinor: total.amountMinor - 50_000 }]);
    const ofCustomer = value(await fay.client.subscribe('crm/account', { id: customer.id }).next<CustomerAccountView>());
    expect(ofCustomer.canRead && ofCustomer.open).toEqual([{ currency: 'EUR', invoicedMinor: 2 * total.amountMinor, paidMinor: 50_000, creditedMinor: 0, outstandingMinor: 2 * total.amountMinor - 50_000 }]);
    expect(ofCustomer.canRead && ofCustomer.canCreateInvoice).toBe(false);

    // Sales reads the order but not its invoices: a sentence, not an error.
    expect(value(await sam.client.subscribe('crm/account', { id: order.id }).next<CustomerAccountView>())).toEqual({ canRead: false, explanation: expect.stringContaining('kept by finance') });
  });
});
