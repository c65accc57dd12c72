import type { Allocation } from './receivables';

/**
 * Allocating an incoming payment to a customer's open invoices. `allocatePayment` proposes it: the
 * invoices the person picked (or all open ones) in order — oldest due first — each taking what it
 * still owes until the payment is used up; the rest stays unallocated on the payment (an advance or
 * an overpayment to refund). `allocationProblem` is the rule host and sync server apply to what is
 * stored: never more allocated than was paid, nor to any invoice more than it still owes. Pure.
 */

export interface OpenInvoice {
  id: string;
  dueOn: string;
  currency: string;
  outstandingMinor: number;
}

/** Oldest due first, then by id so the proposal does not depend on the order the invoices came in. */
const byDue = (a: OpenInvoice, b: OpenInvoice) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.dueOn < b.dueOn ? -1 : 1);

export function allocatePayment(paidMinor: number, invoices: readonly OpenInvoice[]): { allocations: Allocation[]; unallocatedMinor: number } {
  let left = Math.max(0, paidMinor);
  const allocations: Allocation[] = [];
  for (const invoice of [...invoices].sort(byDue)) {
    if (left === 0) break;
    const amountMinor = Math.min(left, Math.max(0, invoice.outstandingMinor));
    if (amountMinor === 0) continue;
    allocations.push({ invoiceId: invoice.id, amountMinor });
    left -= amountMinor;
  }
  return { allocations, unallocatedMinor: left };
}

/** Why these allocations of a payment cannot be stored, or null. `outstanding` is each invoice's debt before this payment. */
export function allocationProblem(
  paidMinor: number,
  currency: string,
  allocations: readonly Allocation[],
  outstanding: ReadonlyMap<string, { currency: string; outstandingMinor: number; label: string }>,
  notOpen = 'That invoice is not open for payment (not issued, already paid, or not this customer’s).',
): { message: string; field: string } | null {
  const seen = new Set<string>();
  let sum = 0;
  for (const [i, a] of allocations.entries()) {
    const field = `data.allocations.${i}.amountMinor`;
    if (seen.has(a.invoiceId)) return { message: 'An invoice appears twice in the allocation; give it one amount.', field: `data.allocations.${i}.invoiceId` };
    seen.add(a.invoiceId);
    const invoice = outstanding.get(a.invoiceId);
    if (!invoice) return { message: notOpen, field: `data.allocations.${i}.invoiceId` };
    if (invoice.currency !== currency) return { message: `${invoice.label} is in ${invoice.currency}; a payment in ${currency} cannot settle it.`, field };
    if (a.amountMinor <= 0) return { message: 'Allocate more than zero, or leave the invoice out.', field };
    if (a.amountMinor > invoice.outstandingMinor) return { message: `${invoice.label} owes less than that; allocate at most what it still owes.`, field };
    sum += a.amountMinor;
  }
  if (sum > paidMinor) return { message: 'More is allocated to invoices than was paid.', field: 'data.allocations' };
  return null;
}
