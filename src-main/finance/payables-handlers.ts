import { switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { SupplierInvoiceRow } from '../../src-shared/finance/payables-contract';
import { paymentKind, type PaymentData } from '../../src-shared/finance/payment-kind';
import { outstandingOf, paidTo, type Allocation } from '../../src-shared/finance/receivables';
import { supplierInvoiceKind, type SupplierInvoiceData } from '../../src-shared/finance/supplier-invoice-kind';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { onRecordChanges } from '../equipment/instrument-states';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { changeRecord, childrenOf, createRecord, recordOf, reread, type StoredDoc } from '../records/module-records';
import { recordActorOf } from '../records/record-actor';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readStored, recordViewOf } from '../records/record-store';

type Payments = { id: string; status?: string; data: { allocations?: Allocation[] } }[];

/** What the supplier's payments (never a voided one) have paid of a supplier invoice, and what it still owes. */
async function supplierInvoiceAmounts(db: LabDatabase, invoice: StoredDoc): Promise<{ paidMinor: number; outstandingMinor: number }> {
  const data = invoice.data as SupplierInvoiceData;
  const paidMinor = paidTo(invoice.id, (await childrenOf(db, 'payment', data.supplierId)) as unknown as Payments);
  return { paidMinor, outstandingMinor: outstandingOf({ totalMinor: data.total.amountMinor, paidMinor, creditedMinor: 0 }) };
}

/** Moves an approved or paid supplier invoice to the status its payments give it (nothing when it has it). */
export async function settleSupplierInvoiceStatus(context: CommandContext, actor: RecordActor, id: string): Promise<Result<RecordView>> {
  const invoice = await reread(context.db, id);
  if (!['approved', 'paid'].includes(invoice.status)) return ok(recordViewOf(readStored(invoice), actor));
  const status = (await supplierInvoiceAmounts(context.db, invoice)).outstandingMinor === 0 ? 'paid' : 'approved';
  if (status === invoice.status) return ok(recordViewOf(readStored(invoice), actor));
  return changeRecord(context, supplierInvoiceKind, actor, invoice, { status });
}

export const payablesCommandHandlers: CommandHandlers<'finance/supplier-invoices/pay'> = {
  /**
   * An outgoing payment to the invoice's supplier, allocated to it up to what it owes (the payment
   * kind's invariant checks the allocation here and on the sync server), then the invoice paid when settled.
   */
  async 'finance/supplier-invoices/pay'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const invoice = await recordOf(context.db, supplierInvoiceKind, input.id, actor);
    if (invoice.error) return invoice.error;
    const data = invoice.value.data as SupplierInvoiceData;
    const label = invoice.value.number || 'This supplier invoice';
    if (invoice.value.status === 'received') return fail('invalid_state', `${label} is not approved for payment yet; approve it first.`);
    if (invoice.value.status !== 'approved') return fail('invalid_state', `${label} is ${invoice.value.status === 'paid' ? 'paid already' : 'rejected'}; there is nothing to pay.`);
    if (input.amount.currency !== data.currency) return fail('invalid_input', `${label} is in ${data.currency}; pay it in ${data.currency}.`, { field: 'amount' });
    const { outstandingMinor } = await supplierInvoiceAmounts(context.db, invoice.value);
    const payment = await createRecord(context, paymentKind, actor, {
      direction: 'outgoing', supplierId: data.supplierId, amount: input.amount, paidOn: input.paidOn, reference: input.reference,
      allocations: [{ invoiceId: invoice.value.id, amountMinor: Math.min(outstandingMinor, input.amount.amountMinor) }],
    } satisfies Partial<PaymentData>);
    if (!payment.ok) return payment;
    const settled = await settleSupplierInvoiceStatus(context, actor, invoice.value.id);
    if (!settled.ok) return settled;
    return ok({ payment: payment.value, supplierInvoice: settled.value });
  },
};

/** Every supplier invoice the person may read, newest invoice date first, with what it still owes. */
export async function supplierInvoiceRows(db: LabDatabase, actor: RecordActor): Promise<Result<SupplierInvoiceRow[]>> {
  const docs = (await db.records.find({ selector: { kind: 'supplier_invoice' } }).exec()).map((d) => readStored(d.toJSON() as StoredDoc)).filter((r) => canReadRecordDoc(actor, r)).map((r) => r.doc as StoredDoc);
  const related = await db.records.findByIds([...new Set(docs.flatMap((d) => { const data = d.data as SupplierInvoiceData; return [data.supplierId, ...(data.purchaseOrderId ? [data.purchaseOrderId] : [])]; }))]).exec();
  const paymentsBySupplier = new Map<string, Payments>();
  for (const supplierId of new Set(docs.map((d) => (d.data as SupplierInvoiceData).supplierId))) paymentsBySupplier.set(supplierId, (await childrenOf(db, 'payment', supplierId)) as unknown as Payments);
  const rows = docs.map((doc): SupplierInvoiceRow => {
    const d = doc.data as SupplierInvoiceData;
    const paidMinor = paidTo(doc.id, paymentsBySupplier.get(d.supplierId) ?? []);
    return {
      id: doc.id, number: doc.number, status: doc.status, supplierId: d.supplierId, supplierName: String(related.get(d.supplierId)?.get('title') ?? 'Unknown supplier'),
      supplierReference: d.supplierReference, purchaseOrderNumber: d.purchaseOrderId ? String(related.get(d.purchaseOrderId)?.get('number') ?? '') : '', title: doc.title,
      currency: d.currency, totalMinor: d.total.amountMinor, paidMinor,
      outstandingMinor: doc.status === 'rejected' ? 0 : outstandingOf({ totalMinor: d.total.amountMinor, paidMinor, creditedMinor: 0 }),
      invoiceDate: d.invoiceDate, dueOn: d.dueOn,
    };
  });
  return ok(rows.sort((a, b) => b.invoiceDate.localeCompare(a.invoiceDate) || b.number.localeCompare(a.number)));
}

export const payablesQueryHandlers: QueryHandlers<'finance/supplier-invoices'> = {
  'finance/supplier-invoices': (_input, context) => recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => supplierInvoiceRows(context.db, actor)))),
};
