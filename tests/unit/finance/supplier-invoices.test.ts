import { describe, expect, it } from 'vitest';
import type { RecordLookup } from '../../../src-shared/records/record-kind';
import { supplierInvoiceProblem, type SupplierInvoiceFacts } from '../../../src-shared/finance/supplier-invoice-checks';
import { supplierInvoiceKind } from '../../../src-shared/finance/supplier-invoice-kind';
import { supplierAllocationProblem } from '../../../src-shared/finance/supplier-payments';

const facts = (f: Partial<SupplierInvoiceFacts> = {}): SupplierInvoiceFacts => ({
  status: 'received', previousStatus: undefined, orderChanged: true, supplierId: 'S1', currency: 'EUR', totalMinor: 10_000, paidMinor: 0, order: undefined, ...f,
});

describe('a supplier invoice’s stored rules', () => {
  it('accepts an invoice without an order, or for an order to the same supplier in the same currency', () => {
    expect(supplierInvoiceProblem(facts())).toBeNull();
    expect(supplierInvoiceProblem(facts({ order: { supplierId: 'S1', currency: 'EUR' } }))).toBeNull();
  });

  it('refuses an order that is gone, went to another supplier or is in another currency — only when the link is made', () => {
    expect(supplierInvoiceProblem(facts({ order: null }))?.field).toBe('data.purchaseOrderId');
    expect(supplierInvoiceProblem(facts({ order: { supplierId: 'S2', currency: 'EUR' } }))?.message).toContain('another supplier');
    expect(supplierInvoiceProblem(facts({ order: { supplierId: 'S1', currency: 'USD' } }))).toEqual({ message: 'The purchase order is in USD; enter the invoice in the same currency.', field: 'data.currency' });
    expect(supplierInvoiceProblem(facts({ order: null, orderChanged: false }))).toBeNull();
  });

  it('is paid only when its payments settle it, and back to approved only when they no longer do', () => {
    expect(supplierInvoiceProblem(facts({ previousStatus: 'received', status: 'approved' }))).toBeNull();
    expect(supplierInvoiceProblem(facts({ previousStatus: 'approved', status: 'paid', paidMinor: 9_999 }))?.field).toBe('status');
    expect(supplierInvoiceProblem(facts({ previousStatus: 'approved', status: 'paid', paidMinor: 10_000 }))).toBeNull();
    expect(supplierInvoiceProblem(facts({ previousStatus: 'paid', status: 'approved', paidMinor: 10_000 }))?.message).toBe('This supplier invoice is still paid in full.');
    expect(supplierInvoiceProblem(facts({ previousStatus: 'paid', status: 'approved', paidMinor: 4_000 }))).toBeNull();
  });

  it('offers approval and rejection as buttons, never paid', () => {
    const buttons = supplierInvoiceKind.transitions.filter((t) => !t.isFollowingData).map((t) => t.to);
    expect(buttons).toEqual(['approved', 'rejected']);
  });
});

describe('allocating a payment to a supplier’s invoices', () => {
  const invoice = (id: string, status: string, amountMinor: number, extra: Record<string, unknown> = {}) => ({ id, kind: 'supplier_invoice', status, number: `SIN-2026-000${id.slice(-1)}`, data: { supplierId: 'S1', currency: 'EUR', total: { amountMinor, currency: 'EUR' }, ...extra } });
  const stored = new Map<string, Record<string, unknown>>([
    ['I1', invoice('I1', 'approved', 10_000)],
    ['I2', invoice('I2', 'received', 5_000)],
    ['I3', invoice('I3', 'approved', 5_000, { supplierId: 'S2' })],
    ['I4', invoice('I4', 'approved', 5_000, { currency: 'CHF', total: { amountMinor: 5_000, currency: 'CHF' } })],
  ]);
  const earlier = [{ id: 'P0', status: 'recorded', data: { allocations: [{ invoiceId: 'I1', amountMinor: 6_000 }] } }, { id: 'PV', status: 'voided', data: { allocations: [{ invoiceId: 'I1', amountMinor: 4_000 }] } }];
  const lookup: RecordLookup = { get: (_c, id) => stored.get(id) ?? null, byParent: () => earlier, byPerson: () => [] };
  const payment = (amountMinor: number, allocations: { invoiceId: string; amountMinor: number }[]) => ({ id: 'P1', data: { supplierId: 'S1', amount: { amountMinor, currency: 'EUR' }, allocations } });

  it('takes up to what an approved invoice still owes after earlier payments (a voided one pays nothing)', () => {
    expect(supplierAllocationProblem(payment(4_000, [{ invoiceId: 'I1', amountMinor: 4_000 }]), lookup)).toBeNull();
    expect(supplierAllocationProblem(payment(5_000, [{ invoiceId: 'I1', amountMinor: 4_001 }]), lookup)?.message).toBe('SIN-2026-0001 owes less than that; allocate at most what it still owes.');
    expect(supplierAllocationProblem(payment(3_000, [{ invoiceId: 'I1', amountMinor: 4_000 }]), lookup)?.message).toBe('More is allocated to invoices than was paid.');
  });

  it('refuses an invoice not yet approved, another supplier’s, or one in another currency', () => {
    const notOpen = 'That supplier invoice is not open for payment (not approved yet, paid already, or another supplier’s).';
    expect(supplierAllocationProblem(payment(100, [{ invoiceId: 'I2', amountMinor: 100 }]), lookup)?.message).toBe(notOpen);
    expect(supplierAllocationProblem(payment(100, [{ invoiceId: 'I3', amountMinor: 100 }]), lookup)?.message).toBe(notOpen);
    expect(supplierAllocationProblem(payment(100, [{ invoiceId: 'I4', amountMinor: 100 }]), lookup)?.message).toBe('SIN-2026-0004 is in CHF; a payment in EUR cannot settle it.');
  });
});
