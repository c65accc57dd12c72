import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import type { ReceivablesView } from '../../../src-shared/finance/invoice-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld, type Person } from '../equipment/equipment-world';

/**
 * Receivables on a real host: an invoice made from a sales order and one ad hoc, issued with
 * gapless numbers, paid in part and in full, corrected by a credit note — and every finance command
 * refusing bad input, people outside finance and the wrong status with a message finance can act on.
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
  fay?.client.close();
  sam?.client.close();
  await world?.close();
});

const lines = [
  { id: 'l1', description: 'Stability study, 4 batches', quantity: 4, unit: 'batch', unitPriceMinor: 125_000, discountPercent: 0, taxRatePercent: 19 },
  { id: 'l2', description: 'Report in English', quantity: 1, unit: 'each', unitPriceMinor: 30_005, discountPercent: 0, taxRatePercent: 19 },
];
const gross = quotationTotals(lines, 'per_line').grossMinor; // 500,000 + 30,005 net; 95,000 + 5,701 tax

const receivables = async () => value(await fay.client.subscribe('finance/receivables', {}).next<ReceivablesView>());

describe('finance invoice commands', { timeout: 240_000 }, () => {
  it('takes an order to a paid invoice, and an ad hoc invoice to paid through a credit note', async () => {
    expect(gross).toBe(630_706);
    const customer = await world.record(sam.client, 'organisation', { name: 'Nordpharma GmbH', roles: ['customer'], email: 'ap@nordpharma.example' });
    const order = await world.record(sam.client, 'sales_order', { organisationId: customer.id, ownerId: sam.id, currency: 'EUR', lines, total: { amountMinor: gross, currency: 'EUR' }, orderedOn: '2026-05-01', customerReference: 'PO 4711' });

    // From the order: bad input, someone outside finance, then the draft.
    expect(await fay.client.call('finance/invoices/from-order', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await sam.client.call('finance/invoices/from-order', { orderId: order.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fay.client.call('finance/invoices/from-order', { orderId: 'no-such-order' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const draft = value(await fay.client.call<RecordView>('finance/invoices/from-order', { orderId: order.id, paymentTermsDays: 14 }));
    expect(draft).toMatchObject({ kind: 'invoice', status: 'draft', number: '', data: { organisationId: customer.id, salesOrderId: order.id, customerReference: 'PO 4711', total: { amountMinor: gross }, paymentTermsDays: 14 } });
    expect(await fay.client.call('finance/invoices/from-order', { orderId: order.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('invoiced already (a draft invoice)') } });

    // Issue: a date that is not one, someone outside finance, then issued with its number and due date.
    expect(await fay.client.call('finance/invoices/issue', { id: draft.id, issuedOn: '4 May' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'issuedOn' } });
    expect(await world.ben.client.call('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const issued = value(await fay.client.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' }));
    expect(issued).toMatchObject({ status: 'issued', number: 'INV-2026-0001', data: { issuedOn: '2026-05-04', dueOn: '2026-05-18' } });
    expect(await fay.client.call('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('credit note') } });
    // An issued invoice is read-only.
    expect(await fay.client.call('records/update', { id: draft.id, data: { notes: 'changed' } })).toMatchObject({ ok: false });

    // A partial payment, one that allocates more than the invoice owes, then the rest allocated by itself.
    expect(await fay.client.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 0, currency: 'EUR' }, paidOn: '2026-05-10' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amount' } });
    expect(await sam.client.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-05-10' })).toMatchObject({ ok: false });
    expect(await fay.client.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 700_000, currency: 'EUR' }, paidOn: '2026-05-10', allocations: [{ invoiceId: draft.id, amountMinor: 700_000 }] }))
      .toMatchObject({ ok: false, error: { message: 'INV-2026-0001 owes less than that; allocate at most what it still owes.' } });
    expect(await fay.client.call('finance/payments/record', { direction: 'outgoing', organisationId: customer.id, amount: { amountMinor: 10, currency: 'EUR' }, paidOn: '2026-05-10', allocations: [{ invoiceId: draft.id, amountMinor: 10 }] }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'allocations' } });
    const part = value(await fay.client.call<{ payment: RecordView; invoices: RecordView[] }>('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 300_000, currency: 'EUR' }, paidOn: '2026-05-10', reference: 'NORDPHARMA INV-2026-0001', allocations: [{ invoiceId: draft.id, amountMinor: 300_000 }] }));
    expect(part.payment).toMatchObject({ number: 'PAY-2026-0001', data: { allocations: [{ invoiceId: draft.id, amountMinor: 300_000 }] } });
    expect(part.invoices).toEqual([expect.objectContaining({ id: draft.id, status: 'partly_paid' })]);
    expect((await receivables()).invoices.find((i) => i.id === draft.id)).toMatchObject({ standing: 'partly_paid', paidMinor: 300_000, outstandingMinor: gross - 300_000 });
    const rest = value(await fay.client.call<{ payment: RecordView; invoices: RecordView[] }>('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 400_000, currency: 'EUR' }, paidOn: '2026-05-12' }));
    expect(rest.payment.data).toMatchObject({ allocations: [{ invoiceId: draft.id, amountMinor: gross - 300_000 }] });
    expect(rest.invoices).toEqual([expect.objectContaining({ status: 'paid' })]);

    // Ad hoc: the next number without a gap; a credit note larger than the debt is refused, a smaller one lowers it.
    const adHoc = await world.record(fay.client, 'invoice', { organisationId: customer.id, currency: 'EUR', lines: [lines[1]], total: { amountMinor: 35_706, currency: 'EUR' } });
    expect(await fay.client.call('finance/invoices/credit', { id: adHoc.id, description: 'Too early', netMinor: 100, reason: 'draft', issuedOn: '2026-05-20' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(value(await fay.client.call<RecordView>('finance/invoices/issue', { id: adHoc.id, issuedOn: '2026-05-20' })).number).toBe('INV-2026-0002');
    expect(await fay.client.call('finance/invoices/credit', { id: adHoc.id, description: 'Discount', netMinor: 1, taxRatePercent: 19, reason: '' , issuedOn: '2026-05-21' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(await fay.client.call('finance/invoices/credit', { id: adHoc.id, description: 'Everything', netMinor: 40_000, taxRatePercent: 19, reason: 'Wrong price', issuedOn: '2026-05-21' }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('INV-2026-0002 still owes less than this credit note') } });
    const credited = value(await fay.client.call<{ creditNote: RecordView; invoice: RecordView }>('finance/invoices/credit', { id: adHoc.id, description: 'Report discount', netMinor: 5_000, taxRatePercent: 19, reason: 'Agreed discount', issuedOn: '2026-05-21' }));
    expect(credited.creditNote).toMatchObject({ kind: 'credit_note', status: 'issued', number: 'CN-2026-0001', data: { total: { amountMinor: 5_950 } } });
    expect(credited.invoice).toMatchObject({ status: 'partly_paid' });
    const view = await receivables();
    expect(view.invoices.find((i) => i.id === adHoc.id)).toMatchObject({ creditedMinor: 5_950, outstandingMinor: 29_756, dueOn: '2026-06-19', customerName: 'Nordpharma GmbH' });
    expect(view.ageing).toEqual([expect.objectContaining({ customerName: 'Nordpharma GmbH', currency: 'EUR', totalMinor: 29_756, buckets: { current: 29_756, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 } })]);

    // 45 days after it fell due it is overdue and in the 31–60 bucket; paying the rest settles it.
    world.moveClock(78 * 86_400_000);
    const later = await receivables();
    expect(later.today).toBe('2026-07-21');
    expect(later.invoices.find((i) => i.id === adHoc.id)).toMatchObject({ standing: 'overdue' });
    expect(later.ageing[0]!.buckets).toMatchObject({ d31_60: 29_756 });
    const settled = value(await fay.client.call<{ payment: RecordView; invoices: RecordView[] }>('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 29_756, currency: 'EUR' }, paidOn: '2026-07-21', allocations: [{ invoiceId: adHoc.id, amountMinor: 29_756 }] }));
    expect(settled.invoices).toEqual([expect.objectContaining({ status: 'paid' })]);
    expect((await receivables()).ageing).toEqual([]);

    // People outside finance see none of it.
    expect(value(await world.ben.client.subscribe('finance/receivables', {}).next<ReceivablesView>()).invoices).toEqual([]);
  });

  it('suggests matches for a bank statement, and records a confirmed line once', async () => {
    const customer = await world.record(sam.client, 'organisation', { name: 'Brno Bio s.r.o.', roles: ['customer'] });
    const draft = await world.record(fay.client, 'invoice', { organisationId: customer.id, currency: 'EUR', lines: [lines[1]], total: { amountMinor: 35_706, currency: 'EUR' } });
    const issued = value(await fay.client.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-07-21' }));
    const csv = `Date;Amount;Text;Payer\r\n22.07.2026;357,06;Payment ${issued.number.replace(/-/g, ' ')};Brno Bio\r\n22.07.2026;-80,00;Bank fees;Bank\r\nyesterday;1,00;x;y\r\n`;
    const mapping = { bookedOn: 0, amount: 1, reference: 2, counterparty: 3 };
    expect(await fay.client.call('finance/statement/match', { csv, mapping: { bookedOn: 0 }, currency: 'EUR' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mapping' } });
    expect(await sam.client.call('finance/statement/match', { csv, mapping, currency: 'EUR' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    type Match = { rows: { line: { key: string; amountMinor: number }; recordedAs: string; suggestions: { invoiceId: string; invoiceNumber: string; customerId: string; reason: string; amountMinor: number }[] }[]; problems: { line: number; message: string }[] };
    const matched = value(await fay.client.call<Match>('finance/statement/match', { csv, mapping, currency: 'EUR' }));
    expect(matched.problems).toEqual([{ line: 4, message: 'The booking date is not a date.' }]);
    expect(matched.rows.map((r) => r.line.amountMinor)).toEqual([35_706, -8_000]);
    expect(matched.rows[0]!.suggestions).toEqual([expect.objectContaining({ invoiceId: draft.id, invoiceNumber: issued.number, customerId: customer.id, reason: 'reference_and_amount', amountMinor: 35_706 })]);
    expect(matched.rows[1]!.suggestions).toEqual([]);

    // Fay confirms the first line: a payment that settles the invoice; the same line cannot be recorded twice.
    const key = matched.rows[0]!.line.key;
    const confirm = { organisationId: customer.id, amount: { amountMinor: 35_706, currency: 'EUR' }, paidOn: '2026-07-22', reference: 'Payment', allocations: [{ invoiceId: draft.id, amountMinor: 35_706 }], statementLineKey: key };
    expect(value(await fay.client.call<{ invoices: RecordView[] }>('finance/payments/record', confirm)).invoices).toEqual([expect.objectContaining({ status: 'paid' })]);
    expect(await fay.client.call('finance/payments/record', confirm)).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('recorded already') } });
    const again = value(await fay.client.call<Match>('finance/statement/match', { csv, mapping, currency: 'EUR' }));
    expect(again.rows[0]).toMatchObject({ recordedAs: expect.stringMatching(/^PAY-2026-\d{4}$/), suggestions: [] });
  });

  it('voids a payment with a reason: the invoice owes it again, its status follows, and the void is on the payment\'s history', async () => {
    const customer = await world.record(sam.client, 'organisation', { name: 'Void Labs AG', roles: ['customer'] });
    const draft = await world.record(fay.client, 'invoice', { organisationId: customer.id, currency: 'EUR', lines: [lines[1]], total: { amountMinor: 35_706, currency: 'EUR' } });
    value(await fay.client.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-07-21' }));
    const record = (amountMinor: number) => fay.client.call<{ payment: RecordView; invoices: RecordView[] }>('finance/payments/record', { organisationId: customer.id, amount: { amountMinor, currency: 'EUR' }, paidOn: '2026-07-22', allocations: [{ invoiceId: draft.id, amountMinor }] });
    const first = value(await record(10_000));
    const second = value(await record(25_706));
    expect(second.invoices).toEqual([expect.objectContaining({ status: 'paid' })]);
    // A paid invoice offers no payment-state buttons: those moves follow the payments.
    expect(value(await fay.client.subscribe('records/get', { id: draft.id }).next<RecordView>()).transitions).toEqual([]);

    expect(await fay.client.call('finance/payments/void', { id: second.payment.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(await fay.client.call('finance/payments/void', { id: second.payment.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(await fay.client.call('finance/payments/void', { id: 'no-such-payment', reason: 'Bounced' })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await sam.client.call('finance/payments/void', { id: second.payment.id, reason: 'Bounced' })).toMatchObject({ ok: false, error: { field: 'id' } });
    // Not by a bare status move either: the invoice would be left paid.
    expect(await fay.client.call('records/transition', { id: second.payment.id, to: 'voided', reason: 'Bounced' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await fay.client.call('records/transition', { id: draft.id, to: 'partly_paid' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    const voided = value(await fay.client.call<{ payment: RecordView; invoices: RecordView[] }>('finance/payments/void', { id: second.payment.id, reason: 'Cheque bounced' }));
    expect(voided.payment).toMatchObject({ status: 'voided', statusLabel: 'Voided' });
    expect(voided.invoices).toEqual([expect.objectContaining({ id: draft.id, status: 'partly_paid' })]);
    expect((await receivables()).invoices.find((i) => i.id === draft.id)).toMatchObject({ paidMinor: 10_000, outstandingMinor: 25_706 });
    expect((await receivables()).payments.find((p) => p.id === second.payment.id)).toMatchObject({ isVoided: true });
    expect(await fay.client.call('finance/payments/void', { id: second.payment.id, reason: 'Bounced' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('voided already') } });
    type History = { summary: string; reason?: string }[];
    expect(value(await fay.client.subscribe('records/history', { id: second.payment.id }).next<History>())[0]).toMatchObject({ summary: 'Recorded → Voided', reason: 'Cheque bounced' });

    // Voiding the first too: the invoice is issued again, owing everything; a new payment may settle it.
    expect(value(await fay.client.call<{ invoices: RecordView[] }>('finance/payments/void', { id: first.payment.id, reason: 'Booked to the wrong customer' })).invoices).toEqual([expect.objectContaining({ status: 'issued' })]);
    expect(value(await record(35_706)).invoices).toEqual([expect.objectContaining({ status: 'paid' })]);
  });
});
