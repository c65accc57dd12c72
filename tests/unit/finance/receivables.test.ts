import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { creditNoteKind } from '../../../src-shared/finance/credit-note-kind';
import { invoiceKind } from '../../../src-shared/finance/invoice-kind';
import { allocatePayment, allocationProblem } from '../../../src-shared/finance/payment-allocation';
import { paymentKind } from '../../../src-shared/finance/payment-kind';
import { ageingTotals, bucketOf, dueOnOf, outstandingOf, paidTo, receivablesAgeing, standingOf, statusFromAmounts } from '../../../src-shared/finance/receivables';
import type { RecordLookup } from '../../../src-shared/records/record-kind';

const line = (id: string, quantity: number, unitPriceMinor: number, taxRatePercent: number) => ({ id, description: `Line ${id}`, unit: 'each', quantity, unitPriceMinor, discountPercent: 0, taxRatePercent });

describe('invoice totals', () => {
  it('rounds tax per line or per rate, and the total is the lines after rounding', () => {
    const lines = [line('a', 1, 105, 19), line('b', 1, 105, 19), line('c', 3, 333, 7.7)];
    // 19 % of 1.05 is 0.1995 → 0.20 per line, 0.40 together; on the 2.10 band 0.399 → 0.40 too.
    expect(quotationTotals(lines, 'per_line')).toMatchObject({ netMinor: 1209, taxMinor: 40 + 77, grossMinor: 1209 + 117 });
    const odd = [line('a', 1, 1005, 19), line('b', 1, 1005, 19)]; // 190.95 each: 1.9095 → 1.91 per line
    expect(quotationTotals(odd, 'per_line').taxMinor).toBe(382);
    expect(quotationTotals(odd, 'per_total').taxMinor).toBe(382); // 2010 × 19 % = 381.9 → 382
    const three = [line('a', 1, 5, 10), line('b', 1, 5, 10), line('c', 1, 5, 10)];
    expect(quotationTotals(three, 'per_line').taxMinor).toBe(3); // 0.5 → 1 each
    expect(quotationTotals(three, 'per_total').taxMinor).toBe(2); // 1.5 → 2
  });

  it('is exactly the sum of its rounded lines (fast-check)', () => {
    const lineArb = fc.record({ id: fc.uuid(), description: fc.constant('x'), unit: fc.constant('each'), quantity: fc.integer({ min: 1, max: 1_000_000 }).map((t) => t / 1000), unitPriceMinor: fc.integer({ min: 0, max: 1e9 }), discountPercent: fc.constant(0), taxRatePercent: fc.constantFrom(0, 7.7, 19, 20) });
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), (lines) => {
      const totals = quotationTotals(lines, 'per_line');
      expect(totals.grossMinor).toBe(totals.lines.reduce((sum, l) => sum + l.netMinor + l.taxMinor, 0));
      expect(totals.lines.every((l) => Number.isInteger(l.netMinor) && Number.isInteger(l.taxMinor))).toBe(true);
    }));
  });
});

describe('an invoice’s standing', () => {
  it('falls due after its payment terms', () => {
    expect(dueOnOf('2026-01-15', 30)).toBe('2026-02-14');
    expect(dueOnOf('2026-12-20', 14)).toBe('2027-01-03');
  });

  it('follows payments and credit notes', () => {
    expect(statusFromAmounts({ totalMinor: 1000, paidMinor: 0, creditedMinor: 0 })).toBe('issued');
    expect(statusFromAmounts({ totalMinor: 1000, paidMinor: 400, creditedMinor: 0 })).toBe('partly_paid');
    expect(statusFromAmounts({ totalMinor: 1000, paidMinor: 400, creditedMinor: 600 })).toBe('paid');
    expect(outstandingOf({ totalMinor: 1000, paidMinor: 300, creditedMinor: 200 })).toBe(500);
  });

  it('is overdue only after its due day while money is owed', () => {
    expect(standingOf('issued', '2026-03-01', 100, '2026-03-01')).toBe('issued');
    expect(standingOf('issued', '2026-03-01', 100, '2026-03-02')).toBe('overdue');
    expect(standingOf('partly_paid', '2026-03-01', 100, '2026-04-02')).toBe('overdue');
    expect(standingOf('paid', '2026-03-01', 0, '2026-04-02')).toBe('paid');
    expect(standingOf('draft', undefined, 100, '2026-04-02')).toBe('draft');
  });
});

describe('what was paid on an invoice', () => {
  it('sums the payments\' allocations to it, leaving out a voided payment and the one being judged', () => {
    const payments = [
      { id: 'p1', status: 'recorded', data: { allocations: [{ invoiceId: 'i1', amountMinor: 1_000 }, { invoiceId: 'i2', amountMinor: 7 }] } },
      { id: 'p2', status: 'voided', data: { allocations: [{ invoiceId: 'i1', amountMinor: 5_000 }] } },
      { id: 'p3', status: 'recorded', data: { allocations: [{ invoiceId: 'i1', amountMinor: 250 }] } },
    ];
    expect(paidTo('i1', payments)).toBe(1_250);
    expect(paidTo('i1', payments, 'p3')).toBe(1_000);
    expect(statusFromAmounts({ totalMinor: 6_000, paidMinor: paidTo('i1', payments), creditedMinor: 0 })).toBe('partly_paid');
  });
});

describe('receivables ageing', () => {
  it('puts each debt in its bucket by days late', () => {
    const today = '2026-06-30';
    expect(['2026-06-30', '2026-06-29', '2026-05-31', '2026-05-30', '2026-05-01', '2026-04-30', '2026-04-01', '2026-03-31'].map((d) => bucketOf(d, today)))
      .toEqual(['current', 'd1_30', 'd1_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90_plus']);
  });

  it('adds per customer and currency, never across currencies', () => {
    const rows = receivablesAgeing([
      { customerId: 'b', currency: 'EUR', dueOn: '2026-07-10', outstandingMinor: 500 },
      { customerId: 'a', currency: 'EUR', dueOn: '2026-06-01', outstandingMinor: 1000 },
      { customerId: 'a', currency: 'EUR', dueOn: '2026-01-01', outstandingMinor: 250 },
      { customerId: 'a', currency: 'USD', dueOn: '2026-06-01', outstandingMinor: 700 },
      { customerId: 'a', currency: 'EUR', dueOn: '2026-01-01', outstandingMinor: 0 },
    ], '2026-06-30');
    expect(rows.map((r) => [r.customerId, r.currency, r.totalMinor])).toEqual([['a', 'EUR', 1250], ['a', 'USD', 700], ['b', 'EUR', 500]]);
    expect(rows[0]!.buckets).toEqual({ current: 0, d1_30: 1000, d31_60: 0, d61_90: 0, d90_plus: 250 });
    expect(ageingTotals(rows.filter((r) => r.currency === 'EUR'))).toEqual({ current: 500, d1_30: 1000, d31_60: 0, d61_90: 0, d90_plus: 250, totalMinor: 1750 });
  });
});

describe('allocating a payment', () => {
  const open = [
    { id: 'i2', dueOn: '2026-02-01', currency: 'EUR', outstandingMinor: 300 },
    { id: 'i1', dueOn: '2026-01-01', currency: 'EUR', outstandingMinor: 500 },
  ];

  it('settles the oldest invoice first and keeps the rest unallocated', () => {
    expect(allocatePayment(600, open)).toEqual({ allocations: [{ invoiceId: 'i1', amountMinor: 500 }, { invoiceId: 'i2', amountMinor: 100 }], unallocatedMinor: 0 });
    expect(allocatePayment(1000, open)).toEqual({ allocations: [{ invoiceId: 'i1', amountMinor: 500 }, { invoiceId: 'i2', amountMinor: 300 }], unallocatedMinor: 200 });
  });

  it('never allocates more than was paid nor more than any invoice owes (fast-check)', () => {
    const invoiceArb = fc.record({ id: fc.uuid(), dueOn: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'), currency: fc.constant('EUR'), outstandingMinor: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(fc.property(fc.integer({ min: 0, max: 3e9 }), fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 30 }), (paid, invoices) => {
      const { allocations, unallocatedMinor } = allocatePayment(paid, invoices);
      const allocated = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
      expect(allocated + unallocatedMinor).toBe(paid);
      const owed = new Map(invoices.map((i) => [i.id, { currency: 'EUR', outstandingMinor: i.outstandingMinor, label: i.id }]));
      for (const a of allocations) expect(a.amountMinor).toBeLessThanOrEqual(owed.get(a.invoiceId)!.outstandingMinor);
      expect(allocationProblem(paid, 'EUR', allocations, owed)).toBeNull();
    }));
  });

  it('refuses allocations beyond the payment, beyond an invoice, twice, or in another currency', () => {
    const owed = new Map([['i1', { currency: 'EUR', outstandingMinor: 500, label: 'INV-2026-0001' }], ['i3', { currency: 'USD', outstandingMinor: 500, label: 'INV-2026-0003' }]]);
    expect(allocationProblem(400, 'EUR', [{ invoiceId: 'i1', amountMinor: 450 }], owed)?.message).toBe('More is allocated to invoices than was paid.');
    expect(allocationProblem(900, 'EUR', [{ invoiceId: 'i1', amountMinor: 501 }], owed)?.message).toMatch(/INV-2026-0001 owes less/);
    expect(allocationProblem(900, 'EUR', [{ invoiceId: 'i1', amountMinor: 1 }, { invoiceId: 'i1', amountMinor: 1 }], owed)?.message).toMatch(/twice/);
    expect(allocationProblem(900, 'EUR', [{ invoiceId: 'i3', amountMinor: 1 }], owed)?.message).toMatch(/in USD/);
    expect(allocationProblem(900, 'EUR', [{ invoiceId: 'i9', amountMinor: 1 }], owed)?.field).toBe('data.allocations.0.invoiceId');
  });
});

describe('the finance kinds’ invariants', () => {
  const base = { kindVersion: 1, title: '', number: 'INV-2026-0001', numberState: 'final', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  const invoiceDoc = (status: string) => ({ ...base, id: 'inv1', kind: 'invoice', status, data: { organisationId: 'org1', currency: 'EUR', total: { amountMinor: 1190, currency: 'EUR' } } });
  const lookupOf = (docs: Record<string, unknown>[], payments: Record<string, unknown>[] = [], credits: Record<string, unknown>[] = []): RecordLookup => ({
    get: (_c, id) => docs.find((d) => d.id === id) ?? null,
    byParent: (kind) => (kind === 'payment' ? payments : kind === 'credit_note' ? credits : []),
    byPerson: () => [],
  });
  const payment = (id: string, amountMinor: number) => ({ id, kind: 'payment', status: 'recorded', data: { allocations: [{ invoiceId: 'inv1', amountMinor }] } });
  const credit = (id: string, amountMinor: number) => ({ id, kind: 'credit_note', status: 'issued', data: { total: { amountMinor } } });
  const check = (kind: { invariant?: { check: (i: never) => unknown } }, input: unknown) => kind.invariant!.check(input as never);

  it('an invoice is paid only when payments and credit notes cover it', () => {
    const record = { ...invoiceDoc('paid'), data: { ...invoiceDoc('paid').data, organisationId: 'org1' } };
    const previous = invoiceDoc('partly_paid');
    expect(check(invoiceKind, { record, previous, lookup: lookupOf([], [payment('p1', 500)]), now: '', actorId: 'x' })).toMatchObject({ field: 'status' });
    expect(check(invoiceKind, { record, previous, lookup: lookupOf([], [payment('p1', 500)], [credit('c1', 690)]), now: '', actorId: 'x' })).toBeNull();
  });

  it('a payment cannot allocate more than an invoice still owes after other payments and credit notes', () => {
    const record = { ...base, id: 'p2', kind: 'payment', status: 'recorded', data: { direction: 'incoming', organisationId: 'org1', amount: { amountMinor: 1000, currency: 'EUR' }, paidOn: '2026-02-01', reference: '', allocations: [{ invoiceId: 'inv1', amountMinor: 700 }] } };
    const lookup = lookupOf([invoiceDoc('partly_paid')], [payment('p1', 400)], [credit('c1', 100)]);
    expect(check(paymentKind, { record, previous: null, lookup, now: '', actorId: 'x' })).toMatchObject({ message: expect.stringMatching(/owes less/) });
    const fits = { ...record, data: { ...record.data, allocations: [{ invoiceId: 'inv1', amountMinor: 690 }] } };
    expect(check(paymentKind, { record: fits, previous: null, lookup, now: '', actorId: 'x' })).toBeNull();
  });

  it('a credit note cannot take off more than the invoice still owes, nor from a draft', () => {
    const record = { ...base, id: 'c2', kind: 'credit_note', status: 'issued', data: { invoiceId: 'inv1', organisationId: 'org1', currency: 'EUR', total: { amountMinor: 800, currency: 'EUR' } } };
    expect(check(creditNoteKind, { record, previous: null, lookup: lookupOf([invoiceDoc('partly_paid')], [payment('p1', 400)]), now: '', actorId: 'x' })).toMatchObject({ field: 'data.total' });
    expect(check(creditNoteKind, { record, previous: null, lookup: lookupOf([invoiceDoc('issued')]), now: '', actorId: 'x' })).toBeNull();
    expect(check(creditNoteKind, { record, previous: null, lookup: lookupOf([invoiceDoc('draft')]), now: '', actorId: 'x' })).toMatchObject({ field: 'data.invoiceId' });
  });
});
