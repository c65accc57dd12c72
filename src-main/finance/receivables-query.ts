import { switchMap } from 'rxjs';
import { ok, type Result } from '../../src-shared/core/result';
import type { CreditNoteData } from '../../src-shared/finance/credit-note-kind';
import type { CreditNoteRow, InvoiceRow, PaymentRow, ReceivablesView } from '../../src-shared/finance/invoice-contract';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import type { PaymentData } from '../../src-shared/finance/payment-kind';
import { creditedOn, outstandingOf, receivablesAgeing, standingOf } from '../../src-shared/finance/receivables';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { StoredDoc } from '../records/module-records';
import { onRecordChanges } from '../equipment/instrument-states';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readStored } from '../records/record-store';

async function readable(db: LabDatabase, actor: RecordActor, kind: string): Promise<StoredDoc[]> {
  const docs = (await db.records.find({ selector: { kind } }).exec()).map((d) => readStored(d.toJSON() as StoredDoc));
  return docs.filter((r) => canReadRecordDoc(actor, r)).map((r) => r.doc as StoredDoc);
}

/** Every invoice, payment and credit note the person may read, with amounts owed and the ageing on `today`. */
export async function receivables(db: LabDatabase, actor: RecordActor, today: string): Promise<Result<ReceivablesView>> {
  const [invoiceDocs, paymentDocs, creditDocs] = await Promise.all([readable(db, actor, 'invoice'), readable(db, actor, 'payment'), readable(db, actor, 'credit_note')]);
  const paid = new Map<string, number>();
  for (const p of paymentDocs) if (p.status !== 'voided') for (const a of (p.data as PaymentData).allocations) paid.set(a.invoiceId, (paid.get(a.invoiceId) ?? 0) + a.amountMinor);
  const creditsByInvoice = new Map<string, StoredDoc[]>();
  for (const c of creditDocs) creditsByInvoice.set((c.data as CreditNoteData).invoiceId, [...(creditsByInvoice.get((c.data as CreditNoteData).invoiceId) ?? []), c]);
  // A payment to a supplier names the supplier and the supplier invoices it pays.
  const supplierPaid = paymentDocs.map((d) => d.data as PaymentData).filter((d) => d.supplierId);
  const orgIds = new Set([...invoiceDocs, ...paymentDocs].flatMap((d) => { const data = d.data as { organisationId?: string; supplierId?: string }; return data.organisationId ?? data.supplierId ?? []; }));
  const orgs = await db.records.findByIds([...orgIds]).exec();
  const nameOf = (orgId: string) => String(orgs.get(orgId)?.get('title') ?? 'Unknown organisation');
  // Reimbursements pay a person for a claim: the claimant's name, the claim's number.
  const reimbursed = paymentDocs.map((d) => d.data as PaymentData).filter((d) => d.expenseClaimId);
  const payees = await db.people.findByIds(reimbursed.map((d) => d.payeeId ?? '')).exec();
  const claims = await db.records.findByIds(reimbursed.map((d) => d.expenseClaimId ?? '')).exec();
  const payeeName = (d: PaymentData) => (d.organisationId ?? d.supplierId ? nameOf(d.organisationId ?? d.supplierId ?? '') : String(payees.get(d.payeeId ?? '')?.get('name') ?? 'A former colleague'));
  const supplierInvoices = await db.records.findByIds(supplierPaid.flatMap((d) => d.allocations.map((a) => a.invoiceId))).exec();
  const numberOf = new Map([...invoiceDocs.map((d) => [d.id, d.number] as const), ...[...supplierInvoices.values()].map((d) => [String(d.get('id')), String(d.get('number'))] as const)]);

  const invoices: InvoiceRow[] = invoiceDocs.map((doc) => {
    const d = doc.data as InvoiceData;
    const amounts = { totalMinor: d.total.amountMinor, paidMinor: paid.get(doc.id) ?? 0, creditedMinor: creditedOn((creditsByInvoice.get(doc.id) ?? []) as never) };
    const outstandingMinor = doc.status === 'draft' || doc.status === 'cancelled' ? 0 : outstandingOf(amounts);
    return {
      id: doc.id, number: doc.number, status: doc.status, standing: standingOf(doc.status, d.dueOn, outstandingMinor, today),
      customerId: d.organisationId, customerName: nameOf(d.organisationId), title: doc.title, currency: d.currency,
      totalMinor: d.total.amountMinor, paidMinor: amounts.paidMinor, creditedMinor: amounts.creditedMinor, outstandingMinor,
      issuedOn: d.issuedOn ?? '', dueOn: d.dueOn ?? '', salesOrderId: d.salesOrderId ?? '',
    };
  });
  invoices.sort((a, b) => (b.issuedOn || '9999').localeCompare(a.issuedOn || '9999') || b.number.localeCompare(a.number));

  const payments: PaymentRow[] = paymentDocs.map((doc) => {
    const d = doc.data as PaymentData;
    return {
      id: doc.id, number: doc.number, isVoided: doc.status === 'voided', direction: d.direction, organisationId: d.organisationId ?? '', organisationName: payeeName(d), amount: d.amount,
      allocatedMinor: d.allocations.reduce((sum, a) => sum + a.amountMinor, 0), paidOn: d.paidOn, reference: d.reference,
      invoiceNumbers: d.allocations.map((a) => numberOf.get(a.invoiceId) || 'an invoice'),
      claimNumber: d.expenseClaimId ? String(claims.get(d.expenseClaimId)?.get('number') || 'an expense claim') : '',
    };
  }).sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.number.localeCompare(a.number));

  const creditNotes: CreditNoteRow[] = creditDocs.filter((c) => c.status === 'issued').map((doc) => {
    const d = doc.data as CreditNoteData;
    return { id: doc.id, number: doc.number, invoiceId: d.invoiceId, totalMinor: d.total.amountMinor, currency: d.currency, reason: d.reason, issuedOn: d.issuedOn };
  });

  const ageing = receivablesAgeing(invoices.filter((i) => i.outstandingMinor > 0).map((i) => ({ customerId: i.customerId, currency: i.currency, dueOn: i.dueOn, outstandingMinor: i.outstandingMinor })), today)
    .map((row) => ({ ...row, customerName: nameOf(row.customerId) }))
    .sort((a, b) => a.customerName.localeCompare(b.customerName) || a.currency.localeCompare(b.currency));
  return ok({ today, invoices, payments, creditNotes, ageing });
}

export const receivablesQueryHandlers: QueryHandlers<'finance/receivables'> = {
  'finance/receivables': (_input, context) =>
    recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => receivables(context.db, actor, context.clock().toISOString().slice(0, 10))))),
};
