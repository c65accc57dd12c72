import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RecordView } from '../../src-shared/records/record-contract';
import { quotationTotals } from '../../src-shared/crm/quotation-money';
import { salesOrderKind, type SalesOrderData } from '../../src-shared/crm/sales-order-kind';
import { creditNoteKind } from '../../src-shared/finance/credit-note-kind';
import { invoiceKind, type InvoiceData } from '../../src-shared/finance/invoice-kind';
import { dueOnOf } from '../../src-shared/finance/receivables';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { changeRecord, createRecord, recordOf, reread } from '../records/module-records';
import { readStored, recordViewOf } from '../records/record-store';
import { recordActorOf } from '../records/record-actor';
import { recordLinkCommandHandlers } from '../records/record-links';
import type { RecordActor } from '../../src-shared/records/who';
import { invoiceStateOf, refusalToIssueOffline } from './finance-records';

type Names = 'finance/invoices/from-order' | 'finance/invoices/issue' | 'finance/invoices/credit';

/** Moves an issued invoice to the status its payments and credit notes give it (nothing when it has it). */
export async function settleInvoiceStatus(context: CommandContext, actor: RecordActor, invoiceId: string): Promise<Result<RecordView>> {
  const invoice = await reread(context.db, invoiceId);
  const { status } = await invoiceStateOf(context.db, invoice);
  if (status === invoice.status) return ok(recordViewOf(readStored(invoice), actor));
  return changeRecord(context, invoiceKind, actor, invoice, { status });
}

/**
 * Invoices beyond plain record edits: one made from a sales order (lines copied, linked), issuing
 * (due date from the terms, a gapless number — from the sync server in a team), and a credit note
 * that corrects an issued invoice and lowers what it owes. Every write goes through the records
 * platform, so the kinds' rules and invariants hold here as on the sync server.
 */
export const invoiceCommandHandlers: CommandHandlers<Names> = {
  async 'finance/invoices/from-order'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const order = await recordOf(context.db, salesOrderKind, input.orderId, actor);
    if (order.error) return order.error;
    if (order.value.status === 'cancelled') return fail('invalid_state', `${order.value.number} was cancelled; there is nothing to invoice.`);
    const d = order.value.data as SalesOrderData;
    const existing = (await context.db.records.find({ selector: { kind: 'invoice', parentId: d.organisationId } }).exec())
      .find((doc) => (doc.get('data') as InvoiceData).salesOrderId === order.value.id && doc.get('status') !== 'cancelled' && !doc.get('_deleted'));
    if (existing) return fail('invalid_state', `${order.value.number} is invoiced already${existing.get('number') ? ` (${String(existing.get('number'))})` : ' (a draft invoice)'}; correct that invoice instead.`);
    const invoice = await createRecord(context, invoiceKind, actor, {
      organisationId: d.organisationId,
      ...(d.contactId ? { contactId: d.contactId } : {}),
      salesOrderId: order.value.id,
      currency: d.currency,
      lines: d.lines.map(({ deliveredQuantity: _delivered, ...line }) => line),
      taxRounding: d.taxRounding,
      total: d.total,
      paymentTermsDays: input.paymentTermsDays,
      customerReference: d.customerReference,
    });
    if (!invoice.ok) return invoice;
    const linked = await recordLinkCommandHandlers['records/link']({ id: invoice.value.id, targetCollection: 'records', targetId: order.value.id, relation: 'invoices order' }, context);
    if (!linked.ok) return linked;
    return invoice;
  },

  async 'finance/invoices/issue'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const invoice = await recordOf(context.db, invoiceKind, input.id, actor);
    if (invoice.error) return invoice.error;
    if (invoice.value.status !== 'draft') return fail('invalid_state', `${invoice.value.number || 'This invoice'} is issued already; correct it with a credit note.`);
    const offline = await refusalToIssueOffline(context.db, invoiceKind);
    if (offline) return offline;
    const terms = (invoice.value.data as InvoiceData).paymentTermsDays;
    return changeRecord(context, invoiceKind, actor, invoice.value, { status: 'issued', data: { issuedOn: input.issuedOn, dueOn: dueOnOf(input.issuedOn, terms) } });
  },

  async 'finance/invoices/credit'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const invoice = await recordOf(context.db, invoiceKind, input.id, actor);
    if (invoice.error) return invoice.error;
    if (!['issued', 'partly_paid', 'paid'].includes(invoice.value.status)) return fail('invalid_state', 'Only an issued invoice is corrected by a credit note; change the draft itself.');
    const offline = await refusalToIssueOffline(context.db, creditNoteKind);
    if (offline) return offline;
    const d = invoice.value.data as InvoiceData;
    const line = { id: context.newId(), description: input.description, unit: 'each', quantity: 1, unitPriceMinor: input.netMinor, discountPercent: 0, taxRatePercent: input.taxRatePercent };
    const gross = quotationTotals([line], 'per_line').grossMinor;
    const draft = await createRecord(context, creditNoteKind, actor, {
      invoiceId: invoice.value.id, organisationId: d.organisationId, currency: d.currency, lines: [line], taxRounding: 'per_line',
      total: { amountMinor: gross, currency: d.currency }, reason: input.reason, issuedOn: input.issuedOn,
    });
    if (!draft.ok) return draft;
    const issued = await changeRecord(context, creditNoteKind, actor, await reread(context.db, draft.value.id), { status: 'issued' });
    if (!issued.ok) return issued;
    const settled = await settleInvoiceStatus(context, actor, invoice.value.id);
    if (!settled.ok) return settled;
    return ok({ creditNote: issued.value, invoice: settled.value });
  },
};
