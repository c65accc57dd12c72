import { switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { customerAccount, type CreditNoteDoc, type InvoiceDoc, type PaymentDoc } from '../../src-shared/crm/customer-account';
import type { CustomerAccountView } from '../../src-shared/crm/customer-account-contract';
import { invoiceKind } from '../../src-shared/finance/invoice-kind';
import { canReadScope, scopeOfRecord } from '../../src-shared/records/record-scope';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { onRecordChanges } from '../equipment/instrument-states';
import type { QueryHandlers } from '../host/handler-types';
import { childrenOf } from '../records/module-records';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readRecord } from '../records/record-store';

const financeOnly = 'Invoices and payments are kept by finance: ask finance or an administrator about what this customer was invoiced and has paid.';

/** The account of an organisation (all its invoices) or a sales order (its own), as the person may read it. */
async function account(db: LabDatabase, actor: RecordActor, id: string, today: string): Promise<Result<CustomerAccountView>> {
  const stored = await readRecord(db, id);
  const kind = stored?.doc.kind;
  if (!stored || (kind !== 'organisation' && kind !== 'sales_order') || !canReadRecordDoc(actor, stored)) return fail('not_found', 'That customer or order no longer exists, or it is not shared with you.');
  if (!canReadScope(invoiceKind, actor, scopeOfRecord(invoiceKind, { kind: 'invoice' }))) return ok({ canRead: false, explanation: financeOnly });
  const organisationId = kind === 'organisation' ? stored.doc.id : String((stored.doc.data as { organisationId?: string }).organisationId ?? '');
  const invoices = (await childrenOf(db, 'invoice', organisationId)) as unknown as InvoiceDoc[];
  const payments = (await childrenOf(db, 'payment', organisationId)) as unknown as PaymentDoc[];
  const creditNotes = (await Promise.all(invoices.map((i) => childrenOf(db, 'credit_note', i.id)))).flat() as unknown as CreditNoteDoc[];
  const summary = customerAccount({ invoices, payments, creditNotes, today, ...(kind === 'sales_order' ? { salesOrderId: stored.doc.id } : {}) });
  // finance/invoices/from-order: finance (who alone reads invoices here) makes an order's invoice once, never for a cancelled order.
  const canCreateInvoice = kind === 'sales_order' && stored.doc.status !== 'cancelled' && summary.invoices.length === 0;
  return ok({ canRead: true, today, canCreateInvoice, ...summary });
}

export const customerAccountQueryHandlers: QueryHandlers<'crm/account'> = {
  'crm/account': (input, context) =>
    recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => account(context.db, actor, input.id, context.clock().toISOString().slice(0, 10))))),
};
