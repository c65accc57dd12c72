import { sumMinor } from './money';

/**
 * What an invoice is owed and how old the debt is, from the invoice and the payments and credit
 * notes against it — all integer minor units. The stored statuses issued → partly_paid → paid follow
 * these amounts (statusFromAmounts); `overdue` is never stored: it is an issued or partly paid
 * invoice past its due date with money still owed, as of the day asked (standingOf). Pure.
 */

export type InvoiceStatus = 'draft' | 'issued' | 'partly_paid' | 'paid' | 'cancelled';
export type InvoiceStanding = InvoiceStatus | 'overdue';

/** A payment's share of one invoice. */
export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

export interface InvoiceAmounts {
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
}

/** Total less what was paid and credited; never below zero (an overpayment is the payment's unallocated rest). */
export const outstandingOf = (amounts: InvoiceAmounts): number => Math.max(0, amounts.totalMinor - amounts.paidMinor - amounts.creditedMinor);

/** What the payments (other than `exceptPaymentId`, and never a voided one) allocate to an invoice. */
export function paidTo(invoiceId: string, payments: readonly { id: string; status?: unknown; data: { allocations?: readonly Allocation[] } }[], exceptPaymentId?: string): number {
  return sumMinor(payments.filter((p) => p.id !== exceptPaymentId && p.status !== 'voided').flatMap((p) => (p.data.allocations ?? []).filter((a) => a.invoiceId === invoiceId).map((a) => a.amountMinor)));
}

/** What issued credit notes (other than `exceptId`) take off an invoice. */
export function creditedOn(creditNotes: readonly { id: string; status: string; data: { total: { amountMinor: number } } }[], exceptId?: string): number {
  return sumMinor(creditNotes.filter((c) => c.id !== exceptId && c.status === 'issued').map((c) => c.data.total.amountMinor));
}

/** The stored status an issued invoice has for these amounts. */
export function statusFromAmounts(amounts: InvoiceAmounts): 'issued' | 'partly_paid' | 'paid' {
  if (outstandingOf(amounts) === 0) return 'paid';
  return amounts.paidMinor + amounts.creditedMinor > 0 ? 'partly_paid' : 'issued';
}

/** The status a person sees on `today`: overdue when due before today and still owed. */
export function standingOf(status: string, dueOn: string | undefined, outstandingMinor: number, today: string): InvoiceStanding {
  if ((status === 'issued' || status === 'partly_paid') && dueOn && dueOn < today && outstandingMinor > 0) return 'overdue';
  return status as InvoiceStatus;
}

/** The due date: the issue day plus the payment terms in days (YYYY-MM-DD, calendar days, UTC). */
export function dueOnOf(issuedOn: string, termsDays: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + termsDays)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  // Both are UTC midnights, so the difference is an exact multiple of a day.
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export const ageingBuckets = [
  { id: 'current', label: 'Not yet due' },
  { id: 'd1_30', label: '1–30 days' },
  { id: 'd31_60', label: '31–60 days' },
  { id: 'd61_90', label: '61–90 days' },
  { id: 'd90_plus', label: 'Over 90 days' },
] as const;
export type AgeingBucket = (typeof ageingBuckets)[number]['id'];

/** The bucket of a debt by days past its due date on `today` (due today or later is current). */
export function bucketOf(dueOn: string, today: string): AgeingBucket {
  const late = daysBetween(dueOn, today);
  if (late <= 0) return 'current';
  if (late <= 30) return 'd1_30';
  if (late <= 60) return 'd31_60';
  return late <= 90 ? 'd61_90' : 'd90_plus';
}

export interface OpenItem {
  customerId: string;
  currency: string;
  dueOn: string;
  outstandingMinor: number;
}

export interface AgeingRow {
  customerId: string;
  currency: string;
  buckets: Record<AgeingBucket, number>;
  totalMinor: number;
}

const emptyBuckets = (): Record<AgeingBucket, number> => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 });

/**
 * Receivables ageing: what each customer owes per currency, split by how late it is on `today`.
 * Amounts in different currencies are never added together. Rows by customer id then currency.
 */
export function receivablesAgeing(items: readonly OpenItem[], today: string): AgeingRow[] {
  const rows = new Map<string, AgeingRow>();
  for (const item of items) {
    if (item.outstandingMinor <= 0) continue;
    const key = `${item.customerId}|${item.currency}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { customerId: item.customerId, currency: item.currency, buckets: emptyBuckets(), totalMinor: 0 }));
    row.buckets[bucketOf(item.dueOn, today)] += item.outstandingMinor;
    row.totalMinor += item.outstandingMinor;
  }
  return [...rows.values()].sort((a, b) => (a.customerId === b.customerId ? a.currency.localeCompare(b.currency) : a.customerId.localeCompare(b.customerId)));
}

/** Column totals of ageing rows of one currency. */
export function ageingTotals(rows: readonly AgeingRow[]): Record<AgeingBucket, number> & { totalMinor: number } {
  const totals = { ...emptyBuckets(), totalMinor: 0 };
  for (const row of rows) {
    for (const bucket of ageingBuckets) totals[bucket.id] += row.buckets[bucket.id];
    totals.totalMinor += row.totalMinor;
  }
  return totals;
}
