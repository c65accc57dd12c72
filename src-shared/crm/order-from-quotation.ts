import type { QuotationData } from './quotation-kind';
import type { SalesOrderData } from './sales-order-kind';

/**
 * An accepted quotation becomes a sales order: lines copied as offered (nothing delivered yet), the
 * same currency, rounding and total, the customer and opportunity carried over, and the order
 * pointing back to the quotation (the quotation gets `orderId` and a record link in the same
 * command). Pure; the command (crm/quotations/order) writes both through writeRecord.
 */
export type OrderFromQuotation = { ok: true; data: SalesOrderData } | { ok: false; message: string };

export function orderFromQuotation(quotation: { id: string; status: string; data: QuotationData }, orderedOn: string, customerReference = ''): OrderFromQuotation {
  if (quotation.status !== 'accepted') return { ok: false, message: 'Only an accepted quotation becomes an order.' };
  if (quotation.data.orderId) return { ok: false, message: 'This quotation has an order already.' };
  const q = quotation.data;
  return {
    ok: true,
    data: {
      organisationId: q.organisationId,
      ...(q.contactId ? { contactId: q.contactId } : {}),
      ...(q.opportunityId ? { opportunityId: q.opportunityId } : {}),
      quotationId: quotation.id,
      ownerId: q.ownerId,
      currency: q.currency,
      lines: q.lines.map((line) => ({ ...line, deliveredQuantity: 0 })),
      taxRounding: q.taxRounding,
      total: { ...q.total },
      customerReference,
      orderedOn,
      isServiceOrder: false,
      notes: '',
      cancelReason: '',
    },
  };
}

/** What may change on an order's lines once it exists: only what was delivered (prices and quantities are the accepted offer). */
export function orderLinesProblem(before: readonly Record<string, unknown>[], after: readonly Record<string, unknown>[]): string | null {
  if (before.length !== after.length) return 'Lines cannot be added to or removed from an order; make a new quotation.';
  for (const [i, line] of after.entries()) {
    const { deliveredQuantity: _a, ...offered } = line;
    const { deliveredQuantity: _b, ...was } = before[i]!;
    if (JSON.stringify(offered) !== JSON.stringify(was)) return `Line ${i + 1}: only the delivered quantity changes on an order.`;
  }
  return null;
}
