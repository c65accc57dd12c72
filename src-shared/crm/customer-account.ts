import { sumMinor } from '../finance/money';
import { creditedOn, outstandingOf, paidTo, standingOf, type Allocation, type InvoiceStanding } from '../finance/receivables';

/**
 * A customer's (or one sales order's) account as sales staff see it on the organisation and the
 * order: the invoices with what each still owes, the payments allocated to them, and the amount
 * still open per currency — never added across currencies. Drafts are listed but owe nothing yet;
 * cancelled invoices are left out. Integer minor units throughout, from finance's own sums
 * (receivables.ts). Pure.
 */
type Doc<T> = { id: string; number: string; status: string; data: T };
export type InvoiceDoc = Doc<{ salesOrderId?: string | undefined; currency: string; total: { amountMinor: number }; issuedOn?: string | undefined; dueOn?: string | undefined }>;
export type PaymentDoc = Doc<{ direction?: string; amount: { amountMinor: number; currency: string }; paidOn: string; reference?: string; allocations?: Allocation[] }>;
export type CreditNoteDoc = Doc<{ invoiceId?: string; total: { amountMinor: number } }>;

export interface AccountInvoice {
  id: string;
  number: string;
  standing: InvoiceStanding;
  issuedOn: string | null;
  dueOn: string | null;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
  outstandingMinor: number;
}

export interface AccountPayment {
  id: string;
  number: string;
  paidOn: string;
  reference: string;
  currency: string;
  /** What it pays of the invoices shown (a payment can cover other orders' invoices too). */
  allocatedMinor: number;
  /** Invoice numbers it pays here. */
  invoiceNumbers: string[];
}

export interface OpenAmount {
  currency: string;
  invoicedMinor: number;
  paidMinor: number;
  creditedMinor: number;
  outstandingMinor: number;
}

export interface CustomerAccount {
  invoices: AccountInvoice[];
  payments: AccountPayment[];
  open: OpenAmount[];
}

/** The account from the customer's invoices, payments and credit notes; `salesOrderId` narrows it to one order's invoices. */
export function customerAccount(input: { invoices: readonly InvoiceDoc[]; payments: readonly PaymentDoc[]; creditNotes: readonly CreditNoteDoc[]; today: string; salesOrderId?: string }): CustomerAccount {
  const shown = input.invoices.filter((i) => i.status !== 'cancelled' && (!input.salesOrderId || i.data.salesOrderId === input.salesOrderId));
  const invoices = shown.map((i): AccountInvoice => {
    const isDraft = i.status === 'draft';
    const totalMinor = i.data.total.amountMinor;
    const paidMinor = isDraft ? 0 : paidTo(i.id, input.payments);
    const creditedMinor = isDraft ? 0 : creditedOn(input.creditNotes.filter((c) => c.data.invoiceId === i.id));
    const outstandingMinor = isDraft ? 0 : outstandingOf({ totalMinor, paidMinor, creditedMinor });
    return { id: i.id, number: i.number, standing: standingOf(i.status, i.data.dueOn, outstandingMinor, input.today), issuedOn: i.data.issuedOn ?? null, dueOn: i.data.dueOn ?? null, currency: i.data.currency, totalMinor, paidMinor, creditedMinor, outstandingMinor };
  });
  const numberOf = new Map(invoices.map((i) => [i.id, i.number]));
  const payments = input.payments
    .filter((p) => p.status !== 'voided')
    .map((p) => {
      const here = (p.data.allocations ?? []).filter((a) => numberOf.has(a.invoiceId));
      return { id: p.id, number: p.number, paidOn: p.data.paidOn, reference: p.data.reference ?? '', currency: p.data.amount.currency, allocatedMinor: sumMinor(here.map((a) => a.amountMinor)), invoiceNumbers: here.map((a) => numberOf.get(a.invoiceId) ?? '') };
    })
    .filter((p) => p.allocatedMinor > 0)
    .sort((a, b) => b.paidOn.localeCompare(a.paidOn) || a.number.localeCompare(b.number));
  const byCurrency = new Map<string, OpenAmount>();
  for (const i of invoices.filter((x) => x.standing !== 'draft')) {
    const open = byCurrency.get(i.currency) ?? { currency: i.currency, invoicedMinor: 0, paidMinor: 0, creditedMinor: 0, outstandingMinor: 0 };
    open.invoicedMinor += i.totalMinor;
    open.paidMinor += i.paidMinor;
    open.creditedMinor += i.creditedMinor;
    open.outstandingMinor += i.outstandingMinor;
    byCurrency.set(i.currency, open);
  }
  return {
    invoices: invoices.sort((a, b) => (b.issuedOn ?? '9999').localeCompare(a.issuedOn ?? '9999') || b.number.localeCompare(a.number)),
    payments,
    open: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
