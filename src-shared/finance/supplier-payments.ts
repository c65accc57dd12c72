import type { InvariantProblem, RecordLookup } from '../records/record-kind';
import { allocationProblem } from './payment-allocation';
import { outstandingOf, paidTo, type Allocation } from './receivables';

/**
 * Money paid out to a supplier, allocated to its supplier invoices: the same allocation rule as a
 * customer's payment (`allocationProblem`: never more than was paid, nor to an invoice more than it
 * still owes, never across currencies), with "open" meaning an approved supplier invoice of this
 * supplier. Run by host and sync server through the payment kind's invariant. Pure.
 */
type StoredSupplierInvoice = { id: string; kind: string; status: string; number: string; data: { supplierId: string; currency: string; total: { amountMinor: number } } };

export function supplierAllocationProblem(
  record: { id: string; data: { supplierId?: string | undefined; amount: { amountMinor: number; currency: string }; allocations: readonly Allocation[] } },
  lookup: RecordLookup,
): InvariantProblem | null {
  const supplierId = record.data.supplierId ?? '';
  const payments = lookup.byParent('payment', supplierId) as unknown as { id: string; status?: string; data: { allocations?: Allocation[] } }[];
  const open = new Map<string, { currency: string; outstandingMinor: number; label: string }>();
  for (const a of record.data.allocations) {
    const invoice = lookup.get('records', a.invoiceId) as StoredSupplierInvoice | null;
    if (!invoice || invoice.kind !== 'supplier_invoice' || invoice.data.supplierId !== supplierId || invoice.status !== 'approved') continue;
    open.set(invoice.id, {
      currency: invoice.data.currency,
      label: invoice.number || 'The supplier invoice',
      outstandingMinor: outstandingOf({ totalMinor: invoice.data.total.amountMinor, paidMinor: paidTo(invoice.id, payments, record.id), creditedMinor: 0 }),
    });
  }
  return allocationProblem(record.data.amount.amountMinor, record.data.amount.currency, record.data.allocations, open, 'That supplier invoice is not open for payment (not approved yet, paid already, or another supplier’s).');
}
