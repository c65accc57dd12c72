import { fail, ok } from '../../src-shared/core/result';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import { allocatePayment, type OpenInvoice } from '../../src-shared/finance/payment-allocation';
import { paymentKind, type PaymentData } from '../../src-shared/finance/payment-kind';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { LabDatabase } from '../database/open-database';
import { changeRecord, childrenOf, createRecord, recordOf } from '../records/module-records';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { noteStatusChange } from '../records/record-handlers';
import { invoiceStateOf } from './finance-records';
import { settleInvoiceStatus } from './invoice-handlers';
import { settleSupplierInvoiceStatus } from './payables-handlers';

/** A customer's issued invoices in a currency that still owe money, with what they owe. */
export async function openInvoicesOf(db: LabDatabase, organisationId: string, currency: string): Promise<OpenInvoice[]> {
  const invoices = (await childrenOf(db, 'invoice', organisationId)).filter((doc) => ['issued', 'partly_paid'].includes(doc.status) && (doc.data as InvoiceData).currency === currency);
  const open: OpenInvoice[] = [];
  for (const doc of invoices) {
    const { outstandingMinor } = await invoiceStateOf(db, doc);
    if (outstandingMinor > 0) open.push({ id: doc.id, dueOn: (doc.data as InvoiceData).dueOn ?? '', currency, outstandingMinor });
  }
  return open;
}

/**
 * Records a payment through the records platform (the payment kind's invariant refuses allocations
 * beyond the payment or beyond what an invoice owes, here and on the sync server), then moves each
 * invoice it settles to the status its payments give it.
 */
export const paymentCommandHandlers: CommandHandlers<'finance/payments/record' | 'finance/payments/void'> = {
  async 'finance/payments/record'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const organisation = await recordOf(context.db, organisationKind, input.organisationId, actor);
    if (organisation.error) return fail('invalid_input', 'Pick the organisation that paid or was paid.', { field: 'organisationId' });
    if (input.direction === 'outgoing' && input.allocations?.length) return fail('invalid_input', 'Only incoming payments settle invoices.', { field: 'allocations' });
    const allocations = input.direction === 'outgoing' ? [] : (input.allocations ?? allocatePayment(input.amount.amountMinor, await openInvoicesOf(context.db, input.organisationId, input.amount.currency)).allocations);
    if (input.statementLineKey) {
      const twice = (await childrenOf(context.db, 'payment', input.organisationId)).find((p) => (p.data as { statementLineKey?: string }).statementLineKey === input.statementLineKey);
      if (twice) return fail('invalid_state', `This statement line is recorded already (${twice.number}).`);
    }
    const payment = await createRecord(context, paymentKind, actor, {
      direction: input.direction, organisationId: input.organisationId, amount: input.amount, paidOn: input.paidOn, reference: input.reference, allocations,
      ...(input.statementLineKey ? { statementLineKey: input.statementLineKey } : {}),
    });
    if (!payment.ok) return payment;
    const invoices: RecordView[] = [];
    for (const a of allocations) {
      const settled = await settleInvoiceStatus(context, actor, a.invoiceId);
      if (!settled.ok) return settled;
      invoices.push(settled.value);
    }
    return ok({ payment: payment.value, invoices });
  },

  /**
   * Voids a payment with its reason (kept on the payment's history), then moves each invoice it
   * settled to the status its remaining payments give it — back to partly paid or issued.
   */
  async 'finance/payments/void'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const payment = await recordOf(context.db, paymentKind, input.id, actor);
    if (payment.error) return fail('invalid_input', 'Pick a payment you may see.', { field: 'id' });
    if (payment.value.status === 'voided') return fail('invalid_state', `${payment.value.number} is voided already.`);
    const before = payment.value;
    const voided = await changeRecord(context, paymentKind, actor, before, { status: 'voided' });
    if (!voided.ok) return voided;
    await noteStatusChange(context, before, before.status, 'voided', input.reason);
    const invoices: RecordView[] = [];
    const isToSupplier = Boolean((before.data as PaymentData).supplierId);
    for (const a of (before.data as PaymentData).allocations) {
      const settled = isToSupplier ? await settleSupplierInvoiceStatus(context, actor, a.invoiceId) : await settleInvoiceStatus(context, actor, a.invoiceId);
      if (!settled.ok) return settled;
      invoices.push(settled.value);
    }
    return ok({ payment: voided.value, invoices });
  },
};
