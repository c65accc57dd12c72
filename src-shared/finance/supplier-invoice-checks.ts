/**
 * The supplier invoice's stored rules beyond its schema, run by host and sync server through the
 * kind's invariant: the purchase order it bills is an order to the same supplier in the same
 * currency, and its paid state matches the outgoing payments allocated to it. Pure.
 */
export interface SupplierInvoiceFacts {
  status: string;
  previousStatus: string | undefined;
  /** The linked order is new or changed in this write (an unchanged link is not re-judged). */
  orderChanged: boolean;
  supplierId: string;
  currency: string;
  totalMinor: number;
  /** What payments not voided allocate to it. */
  paidMinor: number;
  /** The order it names: its data, null when it is gone or not an order, undefined when none is named. */
  order: { supplierId: string; currency: string } | null | undefined;
}

export function supplierInvoiceProblem(f: SupplierInvoiceFacts): { message: string; field: string } | null {
  if (f.order !== undefined && f.orderChanged) {
    if (f.order === null) return { message: 'That purchase order does not exist; pick the order this invoice bills, or none.', field: 'data.purchaseOrderId' };
    if (f.order.supplierId !== f.supplierId) return { message: 'That purchase order went to another supplier; pick one of this supplier’s orders.', field: 'data.purchaseOrderId' };
    if (f.order.currency !== f.currency) return { message: `The purchase order is in ${f.order.currency}; enter the invoice in the same currency.`, field: 'data.currency' };
  }
  if (f.status === f.previousStatus || !['approved', 'paid'].includes(f.status)) return null;
  const isSettled = f.paidMinor >= f.totalMinor;
  if (f.status === 'paid' && !isSettled) return { message: 'This supplier invoice is not paid in full yet; record the payment that settles it.', field: 'status' };
  if (f.status === 'approved' && f.previousStatus === 'paid' && isSettled) return { message: 'This supplier invoice is still paid in full.', field: 'status' };
  return null;
}
